// A case's history (its audit entries, newest first) in the shared table: when, who, what — the action in
// words and, for a move, from which status to which; for an edit, which fields changed (never their values).
import { useTranslations } from "next-intl";
import { DataTable, type Column } from "@/components/data-table/data-table";
import { DateTime } from "@/components/ui/date-time";
import { useCodeLabel } from "@/components/ui/use-code-label";

export type CaseAuditRow = { id: number; at: string; actorEmail: string | null; action: string; details: Record<string, unknown> | null };

const FIELD_LABELS: Record<string, string> = {
  operatorReference: "operatorReference",
  smsText: "smsText",
  amountDebited: "amountDebited",
  currency: "amountDebited",
  debitedOn: "debitedOn",
  debitedTime: "debitedOn",
  note: "note",
};

export function CaseAuditTable({ rows }: { rows: CaseAuditRow[] }) {
  const t = useTranslations("PaymentCases.detail");
  const codeLabel = useCodeLabel();
  const status = (v: unknown) => codeLabel("paymentCaseStatus", typeof v === "string" ? v : null);
  const detail = (r: CaseAuditRow): string | null => {
    const d = r.details ?? {};
    if (r.action === "payment_case.status_changed") return t("auditDetails.move", { from: status(d.from), to: status(d.to) });
    if (r.action === "payment_case.updated" && Array.isArray(d.fields)) {
      const names = [...new Set(d.fields.map((f) => (typeof f === "string" && FIELD_LABELS[f] ? t(`fields.${FIELD_LABELS[f]}`) : String(f))))];
      return t("auditDetails.fields", { fields: names.join(", ") });
    }
    if (r.action === "payment_case.summary" && typeof d.format === "string") return t("auditDetails.format", { format: d.format === "pdf" ? "PDF" : "TXT" });
    return null;
  };
  const columns: Column<CaseAuditRow>[] = [
    { id: "at", header: t("auditColumns.at"), card: "date", cell: (r) => <DateTime value={r.at} className="text-zinc-600 dark:text-zinc-400" /> },
    {
      id: "what",
      header: t("auditColumns.what"),
      card: "title",
      alwaysVisible: true,
      cell: (r) => (
        <span data-action={r.action} className="whitespace-normal">
          {codeLabel("auditAction", r.action)}
          {detail(r) ? <span className="block text-xs text-zinc-600 dark:text-zinc-400">{detail(r)}</span> : null}
        </span>
      ),
    },
    { id: "who", header: t("auditColumns.who"), cell: (r) => <span className="break-all">{r.actorEmail ?? "—"}</span> },
  ];
  return <DataTable label={t("audit")} testId="case-audit" columns={columns} rows={rows} rowKey={(r) => String(r.id)} emptyMessage={t("auditEmpty")} columnMenu={false} />;
}
