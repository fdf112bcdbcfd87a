// The printable packing list: invisible on screen, the only thing on paper (print: classes; the app
// shell hides its sidebar and top bar when printing). One block per order, a tick box to pack.
import { useLocale, useTranslations } from "next-intl";
import { DateTime } from "@/components/ui/date-time";
import { formatDateTime } from "@/lib/format/date-time";
import type { OrderView } from "./order-types";

/** `printedOn`: today in the store's calendar ("YYYY-MM-DD"). */
export function PackingList({ orders, printedOn }: { orders: readonly OrderView[]; printedOn: string }) {
  const t = useTranslations("orders");
  const locale = useLocale();
  return (
    <section data-testid="packing-list" className="hidden print:block">
      <h1 className="mb-1 text-xl font-semibold">{t("packingList.title")}</h1>
      <p className="mb-4 text-xs">{t("packingList.printedOn", { date: formatDateTime(printedOn, { locale, timeZone: "UTC" }, "date") })}</p>
      <ol className="space-y-3">
        {orders.map((o) => (
          <li key={o.saleId} className="break-inside-avoid border border-black p-3 text-sm">
            <div className="flex justify-between gap-4">
              <div>
                <div className="font-semibold">{o.customerName ?? o.customerEmail ?? t("unknown")}</div>
                {o.addressLines.map((line) => <div key={line}>{line}</div>)}
                {o.phone ? <div>{o.phone}</div> : null}
              </div>
              <div className="text-right">
                <div>{t("packingList.reference", { id: o.saleId })}</div>
                <DateTime value={o.paidAt} style="date" />
                <div className="mt-2">☐ {t("packingList.packed")}</div>
              </div>
            </div>
            <div className="mt-2 border-t border-black pt-1 font-medium">{o.productName ?? t("unknown")}</div>
          </li>
        ))}
      </ol>
    </section>
  );
}
