// The digest preview (issue 19, demo mode): today's daily and weekly digests exactly as this member would
// receive them — the same figures (composeDigest) and the same rendering (renderDigest) as the e-mail, in
// their notification language — so the digest can be tried without any SMTP server. The HTML is shown in
// a sandboxed <iframe srcdoc> (no scripts, no same-origin: an e-mail's markup cannot reach the page), the
// plain text beside it. analytics:read, like the digest itself.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { composeDigest, type DigestKind } from "@/lib/notifications/digest";
import { getPreferences } from "@/lib/notifications/preferences";
import { renderDigest } from "@/lib/notifications/render";
import { unsubscribeUrl } from "@/lib/notifications/unsubscribe";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { getStoreName } from "@/lib/store/store-info";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("NotificationsPage.preview"))("title") };
}

const KINDS: DigestKind[] = ["daily", "weekly"];

export default async function DigestPreviewPage() {
  const member = await requirePermission("analytics:read");
  const t = await getTranslations("NotificationsPage.preview");
  const db = await getDb();
  const env = getEnv();
  const [timeZone, prefs, storeName] = await Promise.all([getStoreTimeZone(db), getPreferences(db, member.id), getStoreName()]);
  const digests = await Promise.all(
    KINDS.map(async (kind) => {
      const figures = await composeDigest(db, kind, { timeZone });
      const unsubscribe = unsubscribeUrl(env.APP_URL, env.AUTH_SECRET, member.id, kind);
      return { kind, message: await renderDigest(figures, { locale: prefs.locale, storeName: storeName ?? t("unknownStore"), appUrl: env.APP_URL, unsubscribeUrl: unsubscribe }) };
    }),
  );
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-6">
        {digests.map(({ kind, message }) => (
          <Card key={kind} title={t(`kind.${kind}`)} testId={`digest-preview-${kind}`}>
            <p className="mb-3 text-sm">
              <span className="font-medium">{t("subject")}</span> {message.subject}
            </p>
            <div className="grid gap-4 lg:grid-cols-2">
              <div className="space-y-1">
                <h3 className="text-sm font-semibold">{t("html")}</h3>
                <iframe title={t("htmlFrame", { subject: message.subject })} srcDoc={message.html} sandbox="" className="h-[32rem] w-full rounded-md border border-zinc-200 bg-white dark:border-zinc-700" />
              </div>
              <div className="min-w-0 space-y-1">
                <h3 className="text-sm font-semibold">{t("text")}</h3>
                <pre tabIndex={0} aria-label={t("text")} className="max-h-[32rem] overflow-auto whitespace-pre-wrap break-words rounded-md border border-zinc-200 bg-zinc-50 p-3 text-xs dark:border-zinc-700 dark:bg-zinc-950">{message.text}</pre>
              </div>
            </div>
          </Card>
        ))}
      </div>
    </>
  );
}
