// The Orders-to-ship page (issue 9): paid sales with a shipping address, oldest first, filtered by the
// merchant's fulfilment state (default: to ship), 25 per page. The page of orders is read here on the
// server (SQL LIMIT/OFFSET) and the state tabs, sort and pages are links, so the list works before
// JavaScript; the island marks orders, exports the courier CSV and prints the packing list.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { readTableState, hrefWith } from "@/components/data-table/table-state";
import type { OrderView } from "@/components/orders/order-types";
import { OrdersWorklist } from "@/components/orders/orders-worklist";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ClearedFiltersNotice } from "@/components/ui/cleared-filters-notice";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { parsePageQuery, type SearchParamsRecord } from "@/lib/http/page-query";
import { listOrderPage, ORDER_FILTERS, ORDER_PAGE_SIZES, ORDER_SORT_COLUMNS, ordersQuerySchema, type Order, type OrderSortColumn } from "@/lib/orders";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { today } from "@/lib/time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("orders"))("title") };
}

const view = (o: Order): OrderView => ({
  saleId: o.saleId,
  customerName: o.customerName,
  customerEmail: o.customerEmail,
  productName: o.productName,
  addressLines: [o.address, [o.city, o.state].filter(Boolean).join(", "), [o.zip, o.country].filter(Boolean).join(" ")].filter((l) => l !== ""),
  phone: o.phone,
  paidAt: o.paidAt,
  fulfilment: o.fulfilment,
  carrier: o.carrier,
  trackingReference: o.trackingReference,
  reason: o.reason,
});

export default async function OrdersPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const member = await requirePermission("fulfilment:read");
  const sp = await searchParams;
  // A bad state in the URL is cleared and named (the notice), never an error page.
  const q = parsePageQuery(ordersQuerySchema, { state: sp.state });
  const filter = q.value.state;
  const table = readTableState(sp, { sort: { column: "paid_at", dir: "asc" }, size: ORDER_PAGE_SIZES[0] }, { sortable: ORDER_SORT_COLUMNS, sizes: ORDER_PAGE_SIZES });
  const t = await getTranslations("orders");
  const db = await getDb();
  const timeZone = await getStoreTimeZone(db);
  const { rows, hasMore, total } = await listOrderPage(db, { filter, sort: { column: table.sort.column as OrderSortColumn, dir: table.sort.dir }, page: table.page, size: table.size });
  return (
    <>
      <div className="print:hidden">
        <PageHeader title={t("title")} description={t("description")} />
        {q.cleared.length > 0 ? <div className="mb-4"><ClearedFiltersNotice fields={q.cleared} /></div> : null}
        {/* The state filter as links: one tap, before JavaScript, and the sort and page size kept. */}
        <nav aria-label={t("filter.label")} className="mb-6">
          <ul className="flex flex-wrap gap-1">
            {ORDER_FILTERS.map((f) => (
              <li key={f}>
                <Link
                  prefetch={false}
                  href={hrefWith("/orders", sp, { state: f === "to_ship" ? null : f })}
                  aria-current={f === filter ? "page" : undefined}
                  className={buttonClass(f === filter ? "primary" : "secondary", "min-h-11 rounded-full")}
                  data-testid={`orders-filter-${f}`}
                >
                  {t(`filter.${f}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <Card title={t("worklist.title", { count: total })}>
        <OrdersWorklist
          orders={rows.map(view)}
          total={total}
          url={{ pathname: "/orders", query: sp }}
          sort={table.sort}
          hidden={table.hidden}
          page={{ number: table.page, size: table.size, hasMore, sizes: ORDER_PAGE_SIZES }}
          exportHref={can(member.role, "export:csv") ? `/api/orders/export.csv?state=${filter}` : null}
          printedOn={today(timeZone)}
        />
      </Card>
    </>
  );
}
