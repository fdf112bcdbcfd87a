// The Team page (owners/admins): members, invites and roles, then the audit log. Data is read on the
// server through the services and handed to the client islands under the same query keys.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ExportButton } from "@/components/data-table/export-button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button";
import { listAudit } from "@/lib/audit";
import { can } from "@/lib/auth/permissions";
import { defaultPresetFor } from "@/lib/csv/presets";
import { currentLocale } from "@/lib/i18n/request";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listMembers, listPendingInvites } from "@/lib/team";
import { AUDIT_PAGE_SIZE } from "@/lib/query/keys";
import { AuditClient } from "./audit-client";
import { TeamClient } from "./team-client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.team"))("title") };
}

export default async function TeamPage() {
  const member = await requirePermission("team:read");
  const t = await getTranslations();
  const db = await getDb();
  const showAudit = can(member.role, "audit:read");
  const csvPreset = defaultPresetFor(await currentLocale());
  const [members, invites, audit] = await Promise.all([
    listMembers(db),
    listPendingInvites(db),
    showAudit ? listAudit(db, { limit: AUDIT_PAGE_SIZE }) : [],
  ]);
  return (
    <>
      <PageHeader
        title={t("pages.team.title")}
        description={t("pages.team.description")}
        actions={
          can(member.role, "export:csv") ? (
            <a href="/api/team/members/export.csv" className={buttonClass("secondary")} download>
              {t("team.export")}
            </a>
          ) : null
        }
      />
      <div className="space-y-6">
        <TeamClient initialMembers={members} initialInvites={invites} viewer={{ id: member.id, role: member.role, canManage: can(member.role, "team:manage") }} />
        {showAudit ? (
          <Card title={t("audit.title")} testId="audit">
            {can(member.role, "export:csv") ? (
              <div className="mb-3">
                <ExportButton href="/api/audit/export.csv" expectedRows={null} defaultPreset={csvPreset} filename="audit-log.csv" />
              </div>
            ) : null}
            <AuditClient initialEntries={audit.map(({ id, at, actorEmail, action, target }) => ({ id, at, actorEmail, action, target }))} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
