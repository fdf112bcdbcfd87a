// New vs returning customers over the range for one currency, as the one table (two rows, no pages); its
// export control downloads the same two rows.
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { DataTable, type Column } from "@/components/data-table/data-table";
import type { CustomerSplit } from "@/lib/analytics/schemas";
import { formatMoney } from "@/lib/money";

export function CustomerSplitTable({ split, currency, exportControl }: { split: CustomerSplit[]; currency: string; exportControl: { href: string; filename: string } | null }) {
  const t = useTranslations("Analytics.breakdowns");
  const locale = useLocale();
  const format = useFormatter();
  const columns: Column<CustomerSplit>[] = [
    { id: "kind", header: t("columns.kind"), card: "title", cell: (s) => t(`kinds.${s.kind}`) },
    { id: "customers", header: t("columns.customers"), align: "right", cell: (s) => format.number(s.customers) },
    { id: "paidCount", header: t("columns.paidSales"), align: "right", cell: (s) => format.number(s.paidCount) },
    { id: "revenue", header: t("columns.revenue"), align: "right", card: "amount", cell: (s) => formatMoney({ minor: s.revenue, currency }, locale) },
  ];
  return (
    <DataTable
      label={t("customers")}
      testId="breakdown-customers"
      columns={columns}
      rows={split}
      rowKey={(s) => s.kind}
      exportControl={exportControl ? { ...exportControl, expectedRows: split.length } : null}
    />
  );
}
