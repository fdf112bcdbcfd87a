// The payment cases in the shared table (cards on a phone): the case (links to its page), the sale, its
// status in words, the amount the operator debited, the customer, the operator reference and the last
// change. Last changed first, one page of the URL (keys `cases_page`, `cases_size`); the CSV holds them all.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { DataTable, type Column } from "@/components/data-table/data-table";
import { DateTime } from "@/components/ui/date-time";
import { useCodeLabel } from "@/components/ui/use-code-label";
import type { SearchParamsRecord } from "@/lib/http/page-query";
import { formatMoney, type Money } from "@/lib/money";

export const CASES_TABLE_PREFIX = "cases";
export const CASES_PAGE_SIZES = [25, 50, 100] as const;

export type CaseRow = { id: string; saleId: string; status: string; amountDebited: Money; customer: string | null; operatorReference: string | null; updatedAt: string };

type Props = {
  rows: CaseRow[];
  url: { pathname: string; query: SearchParamsRecord };
  page: { number: number; size: number; hasMore: boolean };
  exportHref: string | null;
  emptyMessage: string;
};

const TONE: Record<string, string> = { open: "text-amber-700 dark:text-amber-300", sent: "text-brand-700 dark:text-brand-100", resolved: "text-emerald-700 dark:text-emerald-300" };

export function CasesTable({ rows, url, page, exportHref, emptyMessage }: Props) {
  const t = useTranslations("PaymentCases");
  const locale = useLocale();
  const codeLabel = useCodeLabel();
  const muted = "text-zinc-600 dark:text-zinc-400";
  const columns: Column<CaseRow>[] = [
    {
      id: "case",
      header: t("columns.case"),
      alwaysVisible: true,
      card: "title",
      cell: (r) => (
        <Link href={`/payments/cases/${encodeURIComponent(r.id)}`} className="inline-flex min-h-11 items-center font-medium underline-offset-2 hover:underline" data-testid="case-link">
          {r.id}
        </Link>
      ),
    },
    { id: "amount", header: t("columns.amountDebited"), align: "right", card: "amount", cell: (r) => <span className="tabular-nums">{formatMoney(r.amountDebited, locale)}</span> },
    { id: "status", header: t("columns.status"), card: "status", cell: (r) => <span data-status={r.status} className={`font-medium ${TONE[r.status] ?? ""}`}>{codeLabel("paymentCaseStatus", r.status)}</span> },
    { id: "updated_at", header: t("columns.updatedAt"), card: "date", cell: (r) => <DateTime value={r.updatedAt} className={muted} /> },
    {
      id: "sale",
      header: t("columns.sale"),
      cell: (r) => (
        <Link href={`/sales/${encodeURIComponent(r.saleId)}`} className="inline-flex min-h-11 items-center break-all underline-offset-2 hover:underline">
          {r.saleId}
        </Link>
      ),
    },
    { id: "customer", header: t("columns.customer"), cell: (r) => <span className="break-all">{r.customer ?? "—"}</span> },
    { id: "operator_reference", header: t("columns.operatorReference"), cell: (r) => <span className="break-all">{r.operatorReference ?? "—"}</span> },
  ];
  return (
    <DataTable
      label={t("list.label")}
      testId="payment-cases"
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      rowHref={(r) => `/payments/cases/${encodeURIComponent(r.id)}`}
      url={url}
      keyPrefix={CASES_TABLE_PREFIX}
      page={{ ...page, sizes: CASES_PAGE_SIZES }}
      columnMenu={false}
      emptyMessage={emptyMessage}
      exportControl={exportHref ? { href: exportHref, filename: "payment-cases.csv" } : null}
    />
  );
}
