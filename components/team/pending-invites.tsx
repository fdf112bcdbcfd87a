// Invites sent but not yet accepted, one page of the shared table (URL keys `invites_*`): who, with which
// role, until when (the links themselves are never stored), and a revoke button on the ones the viewer
// may withdraw (a client island, components/team/team-actions.tsx).
import { useTranslations } from "next-intl";
import { DataTable, type Column } from "@/components/data-table/data-table";
import { CodeLabel } from "@/components/ui/code-label";
import { DateTime } from "@/components/ui/date-time";
import type { Role } from "@/lib/auth/permissions";
import type { SearchParamsRecord } from "@/lib/http/page-query";
import { RevokeInviteButton } from "./team-actions";

export type PendingInvite = { id: string; email: string; role: Role; expiresAt: string; revocable: boolean };

export const INVITES_TABLE_PREFIX = "invites";

type Props = {
  invites: PendingInvite[];
  url: { pathname: string; query: SearchParamsRecord };
  page: { number: number; size: number; hasMore: boolean };
};

export function PendingInvites({ invites, url, page }: Props) {
  const t = useTranslations("team");
  const columns: Column<PendingInvite>[] = [
    {
      id: "email",
      header: t("columns.email"),
      alwaysVisible: true,
      card: "title",
      // data-email: the row's identity for end-to-end tests (rows are keyed by invite id).
      cell: (i) => (
        <span data-email={i.email} className="break-all">
          {i.email}
        </span>
      ),
    },
    { id: "role", header: t("columns.role"), card: "status", cell: (i) => <CodeLabel kind="role" code={i.role} /> },
    { id: "expires_at", header: t("columns.expires"), card: "date", cell: (i) => <DateTime value={i.expiresAt} className="text-zinc-600 dark:text-zinc-400" /> },
    { id: "actions", header: t("columns.actions"), alwaysVisible: true, card: "actions", cell: (i) => (i.revocable ? <RevokeInviteButton invite={i} /> : null) },
  ];
  return (
    <DataTable
      label={t("pendingTitle")}
      testId="pending-invites"
      columns={columns}
      rows={invites}
      rowKey={(i) => i.id}
      url={url}
      keyPrefix={INVITES_TABLE_PREFIX}
      page={page}
      columnMenu={false}
      emptyMessage={t("pendingEmpty")}
    />
  );
}
