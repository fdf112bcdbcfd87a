// Invites sent but not yet accepted: who, with which role, until when (the links themselves are never stored).
import { useFormatter, useTranslations } from "next-intl";
import type { Role } from "@/lib/auth/permissions";

export type PendingInvite = { id: string; email: string; role: Role; expiresAt: string };

export function PendingInvites({ invites }: { invites: PendingInvite[] }) {
  const t = useTranslations();
  const format = useFormatter();
  if (invites.length === 0) return <p className="text-sm text-zinc-500">{t("team.pendingEmpty")}</p>;
  return (
    <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800" data-testid="pending-invites">
      {invites.map((invite) => (
        <li key={invite.id} data-email={invite.email} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <span className="font-mono text-xs">{invite.email}</span>
          <span>{t(`roles.${invite.role}`)}</span>
          <span className="text-xs text-zinc-500">
            {t("team.pendingExpires")} {format.dateTime(new Date(invite.expiresAt), { dateStyle: "medium", timeStyle: "short" })}
          </span>
        </li>
      ))}
    </ul>
  );
}
