// The sale detail (DESIGN §2 "Live where it must be"): GET /sales/{id} at interactive priority — file
// links are signed and expire, so they are only ever shown fresh — and the answer refreshes the mirror.
// When the API cannot answer (outage, rate limit, no key), the mirror's copy is shown with a notice.
import "server-only";
import type { Kysely } from "kysely";
import { ChariowError, ChariowNotFoundError, type ChariowClient, type Sale } from "@/lib/chariow";
import type { Database, SaleRow } from "@/lib/db";
import { getMirrorSale, paymentMethodColumns, paymentMethodShown, upsertSales } from "@/lib/mirror";
import { maskLicenceKey } from "@/lib/licences/schemas";
import type { Money } from "@/lib/money";
import { deductedByChariow, saleNet } from "@/lib/settlements/net";
import type { SaleDetailResult, SaleDetailView, SaleLicence } from "./sale-detail-view";

// By code as well as by class: a production build can hold two copies of lib/chariow (one per
// server bundle), and the client's errors then fail `instanceof` against this module's copy.
function isChariowError(error: unknown, code?: string): boolean {
  const byClass = code === "not_found" ? error instanceof ChariowNotFoundError : error instanceof ChariowError;
  if (byClass) return true;
  if (!(error instanceof Error) || !("endpoint" in error)) return false;
  const errorCode: unknown = (error as unknown as { code?: unknown }).code;
  return typeof errorCode === "string" && (code === undefined || errorCode === code);
}

/** A person is waiting: past this the mirror's copy is better than a spinner. */
const LIVE_TIMEOUT_MS = 5_000;

function moneyOf(minor: number | null, currency: string | null): Money | null {
  return minor === null || currency === null ? null : { minor, currency };
}

export function viewFromLiveSale(s: Sale): SaleDetailView {
  const p = s.payment;
  const currency = s.amount?.currency ?? null;
  const net = saleNet({ currency, settlementNet: s.settlement?.amount?.minor ?? null, settlementCurrency: s.settlement?.amount?.currency ?? null });
  return {
    id: s.id,
    status: s.status,
    channel: s.channel,
    amounts: { original: s.originalAmount, discount: s.discountAmount, paid: s.amount, net, deducted: deductedByChariow(s.amount, net) },
    payment: {
      status: p?.status ?? null,
      gateway: p?.gateway ?? null,
      method: paymentMethodShown(paymentMethodColumns(p?.method)),
      transactionId: p?.transactionId ?? null,
      amount: p?.amount ?? null,
      fee: p?.fee ?? null,
      feeRatePercent: p?.feeRatePercent ?? null,
      exchangeRate: p?.exchangeRate ?? null,
      failure: p?.failureError ? { code: p.failureError.code, message: p.failureError.message } : null,
    },
    settlement: s.settlement && { net, serviceFee: s.settlement.serviceFee, dueAt: s.settlement.dueAt, doneAt: s.settlement.doneAt },
    download: s.download,
    postPurchase: s.postPurchase && {
      files: s.postPurchase.files,
      licences: s.postPurchase.licences.map((l) => ({ id: l.id, maskedKey: maskLicenceKey(l.key), status: l.status, activations: l.activations, maxActivations: l.maxActivations, expiresAt: l.expiresAt })),
      instructions: s.postPurchase.instructions,
    },
    shipping: s.shipping && { address: s.shipping.address, city: s.shipping.city, state: s.shipping.state, zip: s.shipping.zip, country: s.shipping.country?.code ?? null },
    context: s.context && {
      country: s.context.country?.code ?? null,
      device: s.context.deviceType,
      locale: s.context.locale,
      ipAddress: s.context.ipAddress,
      userAgent: s.context.userAgent,
    },
    rating: s.rating,
    product: s.product && { id: s.product.id, name: s.product.name, type: s.product.type ?? s.product.slug },
    customer: s.customer,
    discount: s.discount,
    campaign: s.campaign,
    affiliate: s.storeAffiliate || s.affiliateCommission ? { id: s.storeAffiliate?.id ?? null, code: s.storeAffiliate?.code ?? null, commission: s.affiliateCommission } : null,
    invoiceUrl: s.invoiceDownloadUrl,
    times: {
      createdAt: s.createdAt,
      awaitingPaymentAt: s.awaitingPaymentAt,
      completedAt: s.completedAt,
      failedAt: s.failedAt,
      abandonedAt: s.abandonedAt,
      settledAt: s.settlement?.doneAt ?? null,
      updatedAt: s.updatedAt,
    },
  };
}

/** Instructions are kept only in the raw payload (no column); links were stripped before storing. */
function instructionsFromRaw(raw: string | null): string | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as { post_purchase?: { instructions?: unknown } };
    const text = value.post_purchase?.instructions;
    return typeof text === "string" && text !== "" ? text : null;
  } catch {
    return null;
  }
}

export function viewFromMirror(r: SaleRow, licences: SaleLicence[]): SaleDetailView {
  const settlementCurrency = r.settlement_currency ?? r.currency;
  const hasSettlement = r.settlement_net !== null || r.service_fee !== null || r.settlement_due_at !== null || r.settlement_done_at !== null;
  const instructions = instructionsFromRaw(r.raw_json);
  const paid = moneyOf(r.amount, r.currency);
  const net = saleNet({ currency: r.currency, settlementNet: r.settlement_net, settlementCurrency: r.settlement_currency });
  return {
    id: r.id,
    status: r.status,
    channel: r.channel,
    amounts: { original: moneyOf(r.original_amount, r.currency), discount: moneyOf(r.discount_amount, r.currency), paid, net, deducted: deductedByChariow(paid, net) },
    payment: {
      status: r.payment_status,
      gateway: r.payment_gateway,
      method: paymentMethodShown(r),
      transactionId: r.payment_transaction_id,
      amount: moneyOf(r.payment_amount, r.payment_currency),
      fee: moneyOf(r.gateway_fee, r.gateway_fee_currency ?? r.currency),
      feeRatePercent: r.fee_rate_percent,
      exchangeRate: r.exchange_rate,
      failure: r.failure_code || r.failure_message ? { code: r.failure_code, message: r.failure_message } : null,
    },
    settlement: hasSettlement
      ? { net, serviceFee: moneyOf(r.service_fee, settlementCurrency), dueAt: r.settlement_due_at, doneAt: r.settlement_done_at }
      : null,
    download: r.download_total !== null || r.download_last_at !== null ? { total: r.download_total, lastAt: r.download_last_at } : null,
    // Files are not listed: their links are signed and expire (chariow-api.md §5), the mirror never keeps them.
    postPurchase: licences.length > 0 || instructions ? { files: [], licences, instructions } : null,
    shipping:
      r.shipping_address || r.shipping_city || r.shipping_country
        ? { address: r.shipping_address, city: r.shipping_city, state: r.shipping_state, zip: r.shipping_zip, country: r.shipping_country }
        : null,
    context: r.context_country || r.context_device || r.context_locale ? { country: r.context_country, device: r.context_device, locale: r.context_locale, ipAddress: null, userAgent: null } : null,
    rating: r.rating_value !== null ? { value: r.rating_value, comment: r.rating_comment } : null,
    product: r.product_id ? { id: r.product_id, name: r.product_name, type: r.product_type } : null,
    customer: r.customer_id ? { id: r.customer_id, name: r.customer_name, email: r.customer_email } : null,
    discount: r.discount_id ? { id: r.discount_id, code: r.discount_code, type: r.discount_type } : null,
    campaign: r.campaign_id ? { id: r.campaign_id, name: r.campaign_name } : null,
    affiliate:
      r.store_affiliate_id || r.store_affiliate_code || r.affiliate_commission !== null
        ? { id: r.store_affiliate_id, code: r.store_affiliate_code, commission: moneyOf(r.affiliate_commission, r.affiliate_commission_currency ?? r.currency) }
        : null,
    invoiceUrl: null,
    times: {
      createdAt: r.created_at,
      awaitingPaymentAt: r.awaiting_payment_at,
      completedAt: r.completed_at,
      failedAt: r.failed_at,
      abandonedAt: r.abandoned_at,
      settledAt: r.settlement_done_at,
      updatedAt: r.updated_at,
    },
  };
}

async function fromMirror(db: Kysely<Database>, id: string, notice: SaleDetailResult["notice"]): Promise<SaleDetailResult | null> {
  const row = await getMirrorSale(db, id);
  if (!row) return null;
  const licences = await db.selectFrom("sale_licences").selectAll().where("sale_id", "=", id).orderBy("licence_id").execute();
  const view = viewFromMirror(
    row,
    licences.map((l) => ({ id: l.licence_id, maskedKey: maskLicenceKey(l.licence_key), status: l.status, activations: l.activations, maxActivations: l.max_activations, expiresAt: l.expires_at })),
  );
  return { sale: view, source: "mirror", notice, mirroredAt: row.source_at };
}

export type SaleDetailDeps = { client: ChariowClient | null; timeZone: string; now?: () => Date };

/** Null when neither Chariow nor the mirror knows the sale (the page answers 404). */
export async function getSaleDetail(db: Kysely<Database>, id: string, deps: SaleDetailDeps): Promise<SaleDetailResult | null> {
  if (!deps.client) return fromMirror(db, id, "not_connected");
  let sale: Sale;
  try {
    sale = await deps.client.getSale(id, { priority: "interactive", signal: AbortSignal.timeout(LIVE_TIMEOUT_MS) });
  } catch (error) {
    if (isChariowError(error, "not_found")) return fromMirror(db, id, "not_found_upstream");
    if (!isChariowError(error) && !(error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))) throw error;
    return fromMirror(db, id, "upstream_unavailable");
  }
  try {
    const receivedAt = (deps.now?.() ?? new Date()).toISOString();
    await upsertSales(db, [sale], { source: "detail", receivedAt, timeZone: deps.timeZone });
  } catch (error) {
    // The page still shows the live answer; the next sync pass writes it again.
    console.error("[sales] mirror refresh after a live read failed", error);
  }
  return { sale: viewFromLiveSale(sale), source: "live", notice: null, mirroredAt: null };
}
