// The team as one page of the shared table (server-rendered, sorted and paged by the URL's `members_*`
// keys): name, email, role, joined. For members the viewer may manage, the role is a select and a
// remove button follows (client islands, components/team/team-actions.tsx); everyone else reads words.
import { useTranslations } from "next-intl";
import { DataTable, type Column } from "@/components/data-table/data-table";
import type { TableSort } from "@/components/data-table/table-state";
import { CodeLabel } from "@/components/ui/code-label";
import { DateTime } from "@/components/ui/date-time";
import type { Role } from "@/lib/auth/permissions";
import type { SearchParamsRecord } from "@/lib/http/page-query";
import { RemoveMemberButton, RoleSelect } from "./team-actions";

export type MemberRow = { id: string; email: string; name: string | null; role: Role; createdAt: string; manageable: boolean; isSelf: boolean };

/** The URL keys of this table (`members_sort`, `members_page`…): the Team page holds three tables. */
export const MEMBERS_TABLE_PREFIX = "members";

type Props = {
  members: MemberRow[];
  /** Roles the viewer may give (their select offers these and the member's current one). */
  assignableRoles: readonly Role[];
  url: { pathname: string; query: SearchParamsRecord };
  sort: TableSort;
  page: { number: number; size: number; hasMore: boolean };
  /** The CSV of the whole team, when the viewer may export. */
  exportHref?: string | null;
};

export function MembersTable({ members, assignableRoles, url, sort, page, exportHref }: Props) {
  const t = useTranslations("team");
  const muted = "text-zinc-600 dark:text-zinc-400";
  const columns: Column<MemberRow>[] = [
    {
      id: "name",
      header: t("columns.name"),
      sortable: true,
      alwaysVisible: true,
      card: "title",
      cell: (m) => (
        // data-email: the row's identity for end-to-end tests (the table's rows are keyed by member id).
        <span data-email={m.email}>
          {m.name ?? <span className={muted}>{t("noName")}</span>}
          {m.isSelf ? <span className={`ml-1 text-xs ${muted}`}>({t("you")})</span> : null}
        </span>
      ),
    },
    { id: "email", header: t("columns.email"), sortable: true, cell: (m) => <span className="break-all">{m.email}</span> },
    {
      id: "role",
      header: t("columns.role"),
      sortable: true,
      card: "status",
      cell: (m) => (m.manageable ? <RoleSelect key={m.role} member={m} roles={assignableRoles} /> : <CodeLabel kind="role" code={m.role} className="font-medium" />),
    },
    { id: "created_at", header: t("columns.joined"), sortable: true, card: "date", cell: (m) => <DateTime value={m.createdAt} style="date" className={muted} /> },
    {
      id: "actions",
      header: t("columns.actions"),
      card: "actions",
      alwaysVisible: true,
      cell: (m) => (m.manageable && !m.isSelf ? <RemoveMemberButton member={m} /> : null),
    },
  ];
  return (
    <DataTable
      label={t("membersTitle")}
      testId="members-table"
      columns={columns}
      rows={members}
      rowKey={(m) => m.id}
      url={url}
      keyPrefix={MEMBERS_TABLE_PREFIX}
      sort={sort}
      page={page}
      columnMenu={false}
      emptyMessage={t("membersEmpty")}
      exportControl={exportHref ? { href: exportHref, filename: "team-members.csv" } : null}
    />
  );
}
