// Invite acceptance: a valid, unused, unexpired link lets the invitee confirm the address it was sent to
// and set a name and password. The address is not shown: the invitee must know it (issue 14 #4).
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { InviteAcceptForm } from "@/components/forms/invite-accept-form";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getDb } from "@/lib/db";
import { codeLabel } from "@/lib/format/codes";
import { getInvite } from "@/lib/team";
import { acceptInviteAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invite"))("title") };
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations();
  const invite = await getInvite(await getDb(), token).catch(() => null);
  if (!invite) {
    return (
      <Card>
        <div data-testid="invite-invalid" className="space-y-3">
          <h1 className="text-xl font-semibold">{t("invite.invalidTitle")}</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("invite.invalidBody")}</p>
          <Link href="/login" className={buttonClass("secondary")}>
            {t("invite.goToLogin")}
          </Link>
        </div>
      </Card>
    );
  }
  return (
    <Card>
      <div className="mb-6 space-y-2">
        <h1 className="text-2xl font-semibold">{t("invite.title")}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("invite.subtitle", { role: codeLabel(await getTranslations("Codes"), "role", invite.role) })}</p>
      </div>
      <InviteAcceptForm action={acceptInviteAction.bind(null, token)} />
    </Card>
  );
}
