// The Team page (owners/admins): invite, pending invites, members and roles, then the audit log — three
// tables, each one page of the URL (`members_*`, `invites_*`, `audit_*` keys), read here on the server
// so they page and sort before JavaScript. Only the changes (invite, role, remove, revoke) are client
// islands; after one, the page is read again from the server.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { readTableState } from "@/components/data-table/table-state";
import { AUDIT_PAGE_SIZES, AUDIT_TABLE_PREFIX, AuditTable } from "@/components/team/audit-table";
import { MEMBERS_TABLE_PREFIX, MembersTable } from "@/components/team/members-table";
import { INVITES_TABLE_PREFIX, PendingInvites } from "@/components/team/pending-invites";
import { TeamActionsProvider } from "@/components/team/team-actions";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listAudit } from "@/lib/audit";
import { ROLES, can, canManageMember } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import type { SearchParamsRecord } from "@/lib/http/page-query";
import { MEMBER_SORT_COLUMNS, listMembers, listPendingInvites, type MemberSortColumn } from "@/lib/team";
import { InviteClient } from "./team-client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.team"))("title") };
}

/** Members and invites: a team is small, one page of 25 holds most. */
const LIST_SIZE = 25;

export default async function TeamPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const member = await requirePermission("team:read");
  const t = await getTranslations();
  const db = await getDb();
  const query = await searchParams;
  const url = { pathname: "/team", query };
  const canManage = can(member.role, "team:manage");
  const showAudit = can(member.role, "audit:read");
  const canExport = can(member.role, "export:csv");

  const membersState = readTableState(query, { sort: { column: "role", dir: "asc" }, size: LIST_SIZE }, { prefix: MEMBERS_TABLE_PREFIX, sortable: MEMBER_SORT_COLUMNS, sizes: [LIST_SIZE] });
  const invitesState = readTableState(query, { sort: { column: "created_at", dir: "desc" }, size: LIST_SIZE }, { prefix: INVITES_TABLE_PREFIX, sizes: [LIST_SIZE] });
  const auditState = readTableState(query, { sort: { column: "at", dir: "desc" }, size: AUDIT_PAGE_SIZES[0] }, { prefix: AUDIT_TABLE_PREFIX, sizes: AUDIT_PAGE_SIZES });
  // One row more than the page: whether a next page exists, without counting.
  const slice = (s: { page: number; size: number }) => ({ limit: s.size + 1, offset: (s.page - 1) * s.size });

  const [members, invites, audit] = await Promise.all([
    listMembers(db, { sort: membersState.sort.column as MemberSortColumn, dir: membersState.sort.dir, ...slice(membersState) }),
    canManage ? listPendingInvites(db, slice(invitesState)) : [],
    showAudit ? listAudit(db, slice(auditState)) : [],
  ]);
  const pageOf = <T,>(rows: T[], s: { page: number; size: number }) => ({ rows: rows.slice(0, s.size), page: { number: s.page, size: s.size, hasMore: rows.length > s.size } });
  const memberPage = pageOf(members, membersState);
  const invitePage = pageOf(invites, invitesState);
  const auditPage = pageOf(audit, auditState);
  const assignableRoles = ROLES.filter((r) => canManageMember(member.role, r, r));

  return (
    <>
      <PageHeader title={t("pages.team.title")} description={t("pages.team.description")} />
      <TeamActionsProvider>
        {canManage ? (
          <Card title={t("team.invite.title")}>
            <InviteClient roles={assignableRoles} />
            <div className="mt-6 border-t border-zinc-200 pt-4 dark:border-zinc-800">
              <h3 className="mb-2 text-sm font-semibold">{t("team.pendingTitle")}</h3>
              <PendingInvites
                invites={invitePage.rows.map((i) => ({ id: i.id, email: i.email, role: i.role, expiresAt: i.expiresAt, revocable: canManageMember(member.role, i.role, i.role) }))}
                url={url}
                page={invitePage.page}
              />
            </div>
          </Card>
        ) : null}
        <Card title={t("team.membersTitle")} testId="members">
          <MembersTable
            members={memberPage.rows.map((m) => ({ ...m, isSelf: m.id === member.id, manageable: canManage && canManageMember(member.role, m.role) }))}
            assignableRoles={assignableRoles}
            url={url}
            sort={membersState.sort}
            page={memberPage.page}
            exportHref={canExport ? "/api/team/members/export.csv" : null}
          />
        </Card>
        {showAudit ? (
          <Card title={t("audit.title")} testId="audit">
            <AuditTable
              entries={auditPage.rows.map(({ id, at, actorEmail, action, target }) => ({ id: Number(id), at, actorEmail, action, target }))}
              url={url}
              page={auditPage.page}
              exportHref={canExport ? "/api/audit/export.csv" : null}
            />
          </Card>
        ) : null}
      </TeamActionsProvider>
    </>
  );
}
