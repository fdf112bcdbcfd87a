// One page of the Sales table from the mirror: the view's filters, sort and page (lib/sales/schemas.ts).
import "server-only";
import type { Kysely, Selectable } from "kysely";
import type { Database, SalesTable } from "@/lib/db";
import { paymentMethodShown } from "@/lib/mirror";
import type { Money } from "@/lib/money";
import { orderSales, salesBase, type SalesQueryContext } from "./sales-query";
import type { SaleListItem, SalesPage, SalesView } from "./schemas";

export const SALE_LIST_COLUMNS = [
  "id",
  "status",
  "payment_status",
  "created_at",
  "customer_id",
  "customer_name",
  "customer_email",
  "product_id",
  "product_name",
  "channel",
  "currency",
  "original_amount",
  "discount_amount",
  "amount",
  "discount_code",
  "campaign_name",
  "shipping_country",
  "context_country",
  "payment_method_id",
  "payment_method_name",
] as const satisfies ReadonlyArray<keyof SalesTable>;

type ListRow = Pick<Selectable<SalesTable>, (typeof SALE_LIST_COLUMNS)[number]>;

function moneyOf(minor: number | null, currency: string | null): Money | null {
  return minor === null || currency === null ? null : { minor, currency };
}

export function toSaleListItem(r: ListRow): SaleListItem {
  return {
    id: r.id,
    status: r.status,
    paymentStatus: r.payment_status,
    createdAt: r.created_at,
    customerId: r.customer_id,
    customerName: r.customer_name,
    customerEmail: r.customer_email,
    productId: r.product_id,
    productName: r.product_name,
    channel: r.channel,
    originalAmount: moneyOf(r.original_amount, r.currency),
    discountAmount: moneyOf(r.discount_amount, r.currency),
    amount: moneyOf(r.amount, r.currency),
    discountCode: r.discount_code,
    campaignName: r.campaign_name,
    country: r.shipping_country ?? r.context_country,
    paymentMethod: paymentMethodShown(r),
  };
}

export async function listSales(db: Kysely<Database>, view: SalesView, ctx: SalesQueryContext): Promise<SalesPage> {
  const rows = await orderSales(salesBase(db, view, { ...ctx, createdOrder: view.sort === "created_at" }).select([...SALE_LIST_COLUMNS]), view.sort, view.dir)
    .limit(view.size + 1)
    .offset((view.page - 1) * view.size)
    .execute();
  return { sales: rows.slice(0, view.size).map(toSaleListItem), page: view.page, size: view.size, hasMore: rows.length > view.size };
}
