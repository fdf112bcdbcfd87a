// Maps the client's domain `Sale` (lib/chariow/schemas/sale.ts) to the mirror's flat columns. Fields the
// payload did not carry stay null: a list summary's null fee means "not given", not "no fee" (§5).
import "server-only";
import type { Sale } from "@/lib/chariow";
import type { SaleRow } from "@/lib/db";
import { localDayOrNull } from "@/lib/time";
import { paymentMethodColumns } from "./payment-method";

/** The columns that describe the sale itself (everything but the mirror's bookkeeping and the customer
 * facts computed across sales, lib/mirror/customer-facts.ts). */
export type SaleData = Omit<SaleRow, "id" | "raw_json" | "source" | "source_at" | "detail_at" | "first_paid_at" | "prev_paid_at" | "next_paid_at" | "next_paid_id">;
export type SaleDataKey = keyof SaleData;

/**
 * The custom_metadata key naming the recovery lead an exact recovery link was made for (lib/recovery
 * exact-link.ts writes it; POST /checkout echoes it on the sale and its Pulses).
 */
export const RECOVERY_LEAD_METADATA_KEY = "lead_id";
// Chariow allows 10 keys of short values; anything far larger is not a checkout's metadata.
const MAX_METADATA_JSON = 8_000;

/** A checkout's custom_metadata as JSON, or null for none (absent, null, PHP's empty `[]`, not an object). */
export function customMetadataColumns(metadata: unknown): { custom_metadata: string | null; recovery_lead_id: string | null } {
  if (!metadata || typeof metadata !== "object" || Array.isArray(metadata) || Object.keys(metadata).length === 0) return { custom_metadata: null, recovery_lead_id: null };
  const json = JSON.stringify(metadata);
  const lead = (metadata as Record<string, unknown>)[RECOVERY_LEAD_METADATA_KEY];
  return {
    custom_metadata: json.length <= MAX_METADATA_JSON ? json : null,
    recovery_lead_id: typeof lead === "string" && lead.length > 0 && lead.length <= 100 ? lead : null,
  };
}

/** Columns derived from others (recomputed after a merge, never merged themselves). */
const DERIVED = new Set<SaleDataKey>(["settled", "local_day", "paid_local_day"]);

export function saleToData(sale: Sale, checkoutUrl: string | null): SaleData {
  const p = sale.payment;
  const s = sale.settlement;
  const currency = sale.amount?.currency ?? sale.originalAmount?.currency ?? sale.discountAmount?.currency ?? p?.amount?.currency ?? null;
  const email = sale.customer?.email?.trim().toLowerCase() || null;
  return {
    status: sale.status,
    payment_status: p?.status ?? null,
    channel: sale.channel,
    currency,
    original_amount: sale.originalAmount?.minor ?? null,
    amount: sale.amount?.minor ?? null,
    discount_amount: sale.discountAmount?.minor ?? null,
    payment_amount: p?.amount?.minor ?? null,
    payment_currency: p?.amount?.currency ?? null,
    exchange_rate: p?.exchangeRate ?? null,
    gateway_fee: p?.fee?.minor ?? null,
    gateway_fee_currency: p?.fee?.currency ?? null,
    fee_rate_percent: p?.feeRatePercent ?? null,
    service_fee: s?.serviceFee?.minor ?? null,
    settlement_net: s?.amount?.minor ?? null,
    settlement_currency: s?.amount?.currency ?? s?.serviceFee?.currency ?? null,
    settlement_due_at: s?.dueAt ?? null,
    settlement_done_at: s?.doneAt ?? null,
    payment_gateway: p?.gateway ?? null,
    ...paymentMethodColumns(p?.method),
    payment_transaction_id: p?.transactionId ?? null,
    failure_code: p?.failureError?.code ?? null,
    failure_message: p?.failureError?.message ?? null,
    product_id: sale.product?.id ?? null,
    product_name: sale.product?.name ?? null,
    product_type: sale.product?.type ?? sale.product?.slug ?? null,
    customer_id: sale.customer?.id ?? null,
    customer_email: email,
    customer_name: sale.customer?.name ?? null,
    discount_id: sale.discount?.id ?? null,
    discount_code: sale.discount?.code ?? null,
    discount_type: sale.discount?.type ?? null,
    campaign_id: sale.campaign?.id ?? null,
    campaign_name: sale.campaign?.name ?? null,
    store_affiliate_id: sale.storeAffiliate?.id ?? null,
    store_affiliate_code: sale.storeAffiliate?.code ?? null,
    affiliate_commission: sale.affiliateCommission?.minor ?? null,
    affiliate_commission_currency: sale.affiliateCommission?.currency ?? null,
    shipping_address: sale.shipping?.address ?? null,
    shipping_city: sale.shipping?.city ?? null,
    shipping_state: sale.shipping?.state ?? null,
    shipping_zip: sale.shipping?.zip ?? null,
    shipping_country: sale.shipping?.country?.code ?? null,
    context_country: sale.context?.country?.code ?? null,
    context_device: sale.context?.deviceType ?? null,
    context_locale: sale.context?.locale ?? null,
    download_total: sale.download?.total ?? null,
    download_last_at: sale.download?.lastAt ?? null,
    rating_value: sale.rating?.value ?? null,
    rating_comment: sale.rating?.comment ?? null,
    created_at: sale.createdAt,
    updated_at: sale.updatedAt,
    completed_at: sale.completedAt,
    failed_at: sale.failedAt,
    abandoned_at: sale.abandonedAt,
    awaiting_payment_at: sale.awaitingPaymentAt,
    settled: 0,
    local_day: null,
    paid_local_day: null,
    checkout_url: checkoutUrl,
    // From API reads and Pulses alike (both parse the sale with lib/chariow/schemas/sale.ts).
    ...customMetadataColumns(sale.customMetadata),
  };
}

/** Recomputes the derived columns in place (local days depend on the store timezone). */
export function deriveColumns<T extends SaleData>(data: T, timeZone: string): T {
  data.settled = data.status === "settled" || data.settlement_done_at !== null ? 1 : 0;
  data.local_day = localDayOrNull(data.created_at, timeZone);
  data.paid_local_day = localDayOrNull(data.completed_at, timeZone);
  return data;
}

const DATA_KEYS = Object.keys(saleToData({ id: "x", status: "completed" } as Sale, null)) as SaleDataKey[];
/** Merged column by column; derived ones are recomputed afterwards. */
export const MERGED_KEYS: readonly SaleDataKey[] = DATA_KEYS.filter((k) => !DERIVED.has(k));
export const SALE_DATA_KEYS: readonly SaleDataKey[] = DATA_KEYS;

/**
 * The payload to keep as raw_json, without signed download links (§5: never stored beyond their
 * expiry, so never stored at all) — any key ending in `download_url`, at any depth.
 */
export function stripSignedUrls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripSignedUrls);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === "download_url" || k === "downloadUrl" || k.endsWith("_download_url") || k === "invoiceDownloadUrl") continue;
    out[k] = stripSignedUrls(v);
  }
  return out;
}
