// The licences a sale issued, as the one table (a card per licence on a phone): the masked key with its
// audited reveal, status in words, activations, expiry day. A sale issues a handful, so no pages.
import { useTranslations } from "next-intl";
import { DataTable, type Column } from "@/components/data-table/data-table";
import { RevealKey } from "@/components/licences/reveal-key";
import { CodeLabel } from "@/components/ui/code-label";
import { DateTime } from "@/components/ui/date-time";
import type { SaleLicence } from "@/lib/sales/sale-detail-view";

export function SaleLicences({ licences }: { licences: SaleLicence[] }) {
  const t = useTranslations("SaleDetail.delivery");
  const tSale = useTranslations("SaleDetail");
  const unknown = <span className="text-zinc-600 dark:text-zinc-400">{tSale("unknown")}</span>;
  const columns: Column<SaleLicence>[] = [
    {
      id: "key",
      header: t("licence"),
      card: "title",
      cell: (l) => (
        <span className="font-mono text-xs" data-licence-id={l.id}>
          <RevealKey licenceId={l.id} maskedKey={l.maskedKey} />
        </span>
      ),
    },
    { id: "status", header: t("licenceStatus"), card: "status", cell: (l) => (l.status ? <CodeLabel kind="licenceStatus" code={l.status} /> : unknown) },
    { id: "activations", header: t("activations"), cell: (l) => (l.activations !== null ? `${l.activations} / ${l.maxActivations ?? "∞"}` : unknown) },
    { id: "expires", header: t("licenceExpires"), card: "date", cell: (l) => (l.expiresAt ? <DateTime value={l.expiresAt} style="date" /> : "—") },
  ];
  return <DataTable label={t("licences")} testId="sale-licences" columns={columns} rows={licences} rowKey={(l) => l.id} />;
}
