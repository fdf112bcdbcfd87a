"use client";
// The audit log section (owners/admins): hydrated from the server, refetched after team changes.
import { useQuery } from "@tanstack/react-query";
import { AuditTable, type AuditRow } from "@/components/team/audit-table";
import { apiFetch } from "@/lib/http/api-client";
import { AUDIT_PAGE_SIZE, queryKeys } from "@/lib/query/keys";

export function AuditClient({ initialEntries }: { initialEntries: AuditRow[] }) {
  const entries = useQuery({
    queryKey: queryKeys.audit(AUDIT_PAGE_SIZE),
    queryFn: () => apiFetch<{ entries: AuditRow[] }>(`/api/audit?limit=${AUDIT_PAGE_SIZE}`).then((r) => r.entries),
    initialData: initialEntries,
  });
  return <AuditTable entries={entries.data} />;
}
