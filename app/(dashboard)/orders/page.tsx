// The Orders-to-ship page (issue 9): paid sales with a shipping address, oldest first, filtered by the
// merchant's fulfilment state (default: to ship). Rows are read here on the server; the island marks
// orders, exports the courier CSV and prints the packing list, then refreshes the page.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { OrderView } from "@/components/orders/order-types";
import { OrdersWorklist } from "@/components/orders/orders-worklist";
import { Card } from "@/components/ui/card";
import { ClearedFiltersNotice } from "@/components/ui/cleared-filters-notice";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { parsePageQuery } from "@/lib/http/page-query";
import { listOrders, ORDER_FILTERS, ordersQuerySchema, type Order } from "@/lib/orders";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { localDayOrNull, today } from "@/lib/time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("orders"))("title") };
}

type Search = Record<string, string | string[] | undefined>;

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const member = await requirePermission("fulfilment:read");
  // A bad state in the URL is cleared and named (the notice), never an error page.
  const q = parsePageQuery(ordersQuerySchema, { state: (await searchParams).state });
  const filter = q.value.state;
  const t = await getTranslations("orders");
  const db = await getDb();
  const [orders, timeZone] = await Promise.all([listOrders(db, { filter }), getStoreTimeZone(db)]);
  const view = (o: Order): OrderView => ({
    saleId: o.saleId,
    customer: o.customerName ?? o.customerEmail ?? t("unknown"),
    product: o.productName ?? t("unknown"),
    addressLines: [o.address, [o.city, o.state].filter(Boolean).join(", "), [o.zip, o.country].filter(Boolean).join(" ")].filter((l) => l !== ""),
    phone: o.phone,
    email: o.customerEmail,
    paidDay: localDayOrNull(o.paidAt, timeZone) ?? t("unknown"),
    fulfilment: o.fulfilment,
    stateLabel: t(`states.${o.fulfilment}`),
    stateDetail: (o.fulfilment === "shipped" ? [o.carrier, o.trackingReference].filter(Boolean).join(" — ") : o.reason) || null,
  });
  return (
    <>
      <div className="print:hidden">
        <PageHeader title={t("title")} description={t("description")} />
        {q.cleared.length > 0 ? <div className="mb-4"><ClearedFiltersNotice fields={q.cleared} /></div> : null}
        <form method="get" className="mb-6 flex flex-wrap items-end gap-3 text-sm" aria-label={t("filter.label")}>
          <label className="flex flex-col gap-1">{t("filter.state")}
            <select className="rounded border px-2 py-1" name="state" defaultValue={filter}>
              {ORDER_FILTERS.map((f) => <option key={f} value={f}>{t(`filter.${f}`)}</option>)}
            </select>
          </label>
          <button type="submit" className="rounded bg-zinc-900 px-3 py-1.5 text-white dark:bg-zinc-100 dark:text-zinc-900">{t("filter.apply")}</button>
        </form>
      </div>
      <Card title={t("worklist.title", { count: orders.length })}>
        <OrdersWorklist
          orders={orders.map(view)}
          exportHref={can(member.role, "export:csv") ? `/api/orders/export.csv?state=${filter}` : null}
          labels={{
            columns: { customer: t("columns.customer"), product: t("columns.product"), address: t("columns.address"), contact: t("columns.contact"), paidAt: t("columns.paidAt"), status: t("columns.status") },
            select: t("worklist.select"), selectAll: t("worklist.selectAll"), selected: t("worklist.selected"), empty: t("worklist.empty"),
            markShipped: t("actions.markShipped"), markNotShippable: t("actions.markNotShippable"), backToShip: t("actions.backToShip"),
            carrier: t("actions.carrier"), trackingReference: t("actions.trackingReference"), reason: t("actions.reason"), reasonRequired: t("actions.reasonRequired"),
            saved: t("actions.saved"), exportSelected: t("actions.exportSelected"), exportAll: t("actions.exportAll"), print: t("actions.print"),
            packingTitle: t("packingList.title"), printedOn: t("packingList.printedOn", { date: today(timeZone) }), reference: t("packingList.reference"), packed: t("packingList.packed"),
          }}
        />
      </Card>
    </>
  );
}
