// Invites sent but not yet accepted: who, with which role, until when (the links themselves are never
// stored), and a revoke button on the ones the viewer may withdraw.
import { useFormatter, useTranslations } from "next-intl";
import type { Role } from "@/lib/auth/permissions";
import { Button } from "@/components/ui/button";

export type PendingInvite = { id: string; email: string; role: Role; expiresAt: string };

type Props = {
  invites: PendingInvite[];
  /** Whether the viewer may withdraw this invite (absent: no button at all). */
  canRevoke?: (invite: PendingInvite) => boolean;
  onRevoke?: (invite: PendingInvite) => void;
  busyId?: string | null;
};

export function PendingInvites({ invites, canRevoke, onRevoke, busyId }: Props) {
  const t = useTranslations();
  const format = useFormatter();
  if (invites.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("team.pendingEmpty")}</p>;
  return (
    <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800" data-testid="pending-invites">
      {invites.map((invite) => (
        <li key={invite.id} data-email={invite.email} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <span className="font-mono text-xs">{invite.email}</span>
          <span>{t(`roles.${invite.role}`)}</span>
          <span className="text-xs text-zinc-600 dark:text-zinc-400">
            {t("team.pendingExpires")} {format.dateTime(new Date(invite.expiresAt), { dateStyle: "medium", timeStyle: "short" })}
          </span>
          {onRevoke && canRevoke?.(invite) ? (
            <Button
              variant="danger"
              className="px-2 py-1 text-xs"
              disabled={busyId === invite.id}
              aria-label={t("team.revokeInviteLabel", { email: invite.email })}
              data-testid="revoke-invite"
              onClick={() => onRevoke(invite)}
            >
              {t("team.revokeInvite")}
            </Button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
