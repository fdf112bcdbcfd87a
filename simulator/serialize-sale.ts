// Sale serialisers for both dialects: the list summary (no channel, settlement or fees:
// chariow-api.md §5) and the full detail object (seed 001 "Sale Object" plus the reference's additions).
import { STORE } from "./catalog";
import { amount, exchangeRate } from "./money";
import { hash32 } from "./prng";
import { GATEWAY_FEE_PERCENT, isPaid, type SaleModel } from "./sale-model";
import type { Dialect, PaymentMethodShape } from "./types";

export interface SerializeContext {
  dialect: Dialect;
  /** `payment.method` as `{id, name}` or as the bare id (absent: the object). */
  paymentMethodAs?: PaymentMethodShape;
  /** Request time (clock), epoch seconds: signed download URLs expire relative to it. */
  nowSec: number;
  /** Key for the fake CDN signatures (derived from the seed, so responses stay deterministic). */
  signingKey: string;
}

export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** `2025-01-15T10:30:00+00:00`, the style of the sale object (chariow-api.md §1). */
export function isoOffset(sec: number | null): string | null {
  if (sec === null) return null;
  return new Date(sec * 1000).toISOString().slice(0, 19) + "+00:00";
}
/** `2025-01-15T09:00:00.000000Z`, the Laravel style of the seeds' affiliate object. */
export function isoMicros(sec: number | null): string | null {
  if (sec === null) return null;
  return new Date(sec * 1000).toISOString().slice(0, 19) + ".000000Z";
}

const CHANNEL_LABELS: Record<string, [string, string]> = {
  store: ["Store", "Sale made through the store checkout"],
  affiliate: ["Affiliate", "Sale made through an affiliate link"],
  discover: ["Discover", "Sale from the Chariow Discover marketplace"],
  widget: ["Widget", "Sale made through an embedded checkout widget"],
  api: ["API", "Sale created via the public API"],
};

function money(s: SaleModel, minor: number, ctx: SerializeContext): Json {
  return amount(minor, s.currency, ctx.dialect) as unknown as Json;
}

function failureError(s: SaleModel): Json {
  return s.failure ? { code: s.failure.code, message: s.failure.message } : null;
}

/**
 * Fake CDN signature (32 hex chars). Not cryptographic on purpose: nothing verifies it, and an HMAC
 * per file was a third of the cost of a list page.
 */
function cdnSignature(key: string, fileId: string, expires: number): string {
  let h = hash32(key.length, expires);
  for (let k = 0; k < fileId.length; k++) h = hash32(h, fileId.charCodeAt(k));
  let out = "";
  for (let k = 0; k < 4; k++) out += hash32(h, k, key.charCodeAt(k % key.length)).toString(16).padStart(8, "0");
  return out;
}

export function postPurchase(s: SaleModel, ctx: SerializeContext): Json {
  if (!isPaid(s.status)) return null;
  // Signed URLs valid one hour from the request (chariow-api.md §5: never cache beyond expires_at).
  const expires = ctx.nowSec + 3600;
  const files = s.files.map((f) => {
    const sig = cdnSignature(ctx.signingKey, f.id, expires);
    return {
      id: f.id, name: f.name, size: f.size, type: f.type,
      download_url: `https://cdn.chariow.com/downloads/${f.id}/${encodeURIComponent(f.name)}?expires=${expires}&signature=${sig}`,
      expires_at: isoOffset(expires),
    };
  });
  const licences = s.licence
    ? [{ id: s.licence.id, licence_key: s.licence.key, status: s.licence.status, activations: s.licence.activations, max_activations: s.licence.maxActivations, expires_at: isoOffset(s.licence.expiresSec) }]
    : [];
  return { files, licences, instructions: s.product.instructions };
}

function storeRef(ctx: SerializeContext): Json {
  return ctx.dialect === "legacy" ? { id: STORE.id, name: STORE.name, slug: STORE.slug } : { id: STORE.id, name: STORE.name, url: STORE.url };
}

function productRef(s: SaleModel): Json {
  return { id: s.product.id, name: s.product.name, type: s.product.type, slug: s.product.slug };
}

function customerRef(s: SaleModel): Json {
  return { id: s.customerId, email: s.customer.email, name: s.customer.name };
}

function discountRef(s: SaleModel): Json {
  return s.discount ? { id: s.discount.id, code: s.discount.code, type: s.discount.type } : null;
}

function rateRef(s: SaleModel): Json {
  return s.rating ? { id: s.rating.id, value: s.rating.value, comment: s.rating.comment } : null;
}

/** The checkout's `custom_metadata`, or PHP's empty array `[]` when it had none (as Pulses send it, §8). */
export function customMetadataJson(s: SaleModel): Json {
  return s.customMetadata ? { ...s.customMetadata } : [];
}

function invoiceUrl(s: SaleModel): string | null {
  return isPaid(s.status) ? `${STORE.url}/invoices/${s.id}.pdf` : null;
}

export function saleSummary(s: SaleModel, ctx: SerializeContext): Json {
  return {
    id: s.id,
    status: s.status,
    original_amount: money(s, s.money.original, ctx),
    amount: money(s, s.money.amount, ctx),
    discount_amount: money(s, s.money.discount, ctx),
    payment: { status: s.paymentStatus, amount: money(s, s.money.amount, ctx), exchange_rate: exchangeRate(s.currency, ctx.dialect) as unknown as Json, failure_error: failureError(s) },
    // chariow-api.md §5: in lists the shipping country is an ISO2 string.
    shipping: s.shipping ? { ...s.shipping, country: s.shipping.country.code } : null,
    store: storeRef(ctx),
    product: productRef(s),
    customer: customerRef(s),
    discount: discountRef(s),
    rate: rateRef(s),
    post_purchase: postPurchase(s, ctx),
    invoice_download_url: invoiceUrl(s),
    custom_metadata: customMetadataJson(s),
    created_at: isoOffset(s.createdSec),
    completed_at: isoOffset(s.completedSec),
  };
}

export function saleDetail(s: SaleModel, ctx: SerializeContext): Json {
  const paid = isPaid(s.status);
  const [label, description] = CHANNEL_LABELS[s.channel];
  const feeRate: Json = ctx.dialect === "legacy" ? `${GATEWAY_FEE_PERCENT.toFixed(2)}%` : GATEWAY_FEE_PERCENT;
  return {
    id: s.id,
    status: s.status,
    channel: { value: s.channel, label, description },
    original_amount: money(s, s.money.original, ctx),
    amount: money(s, s.money.amount, ctx),
    discount_amount: money(s, s.money.discount, ctx),
    settlement: paid
      ? { amount: money(s, s.money.net, ctx), due_at: isoOffset(s.dueSec), done_at: isoOffset(s.doneSec), service_fee: money(s, s.money.serviceFee, ctx) }
      : null,
    download: { total: s.downloads.total, last_at: isoOffset(s.downloads.lastSec) },
    payment: {
      status: s.paymentStatus,
      transaction_id: s.transactionId,
      gateway: s.gateway,
      method: ctx.paymentMethodAs === "string" ? s.method.id : { id: s.method.id, name: s.method.name },
      amount: money(s, s.money.amount, ctx),
      fee: paid ? money(s, s.money.gatewayFee, ctx) : null,
      fee_rate: paid ? feeRate : null,
      interchange: null,
      exchange_rate: exchangeRate(s.currency, ctx.dialect) as unknown as Json,
      failure_error: failureError(s),
    },
    shipping: s.shipping ? { ...s.shipping } : null,
    context: { ip_address: s.context.ip, user_agent: s.context.userAgent, country: { ...s.context.country }, device_type: s.context.device, locale: s.context.locale },
    custom_fields_values: s.customFields.map((f) => ({ ...f })),
    custom_metadata: customMetadataJson(s),
    store: storeRef(ctx),
    product: productRef(s),
    customer: customerRef(s),
    discount: discountRef(s),
    rate: rateRef(s),
    campaign: s.campaign ? { id: s.campaign.id, name: s.campaign.name } : null,
    store_affiliate: s.affiliate
      ? ctx.dialect === "legacy"
        ? { id: s.affiliate.accountId, code: s.affiliate.code, name: `${s.affiliate.firstName} ${s.affiliate.lastName}`, commission_rate: s.affiliate.commission }
        : { id: s.affiliate.storeAffiliateId, status: s.affiliate.status, account: { id: s.affiliate.accountId, code: s.affiliate.code, pseudo: s.affiliate.pseudo } }
      : null,
    affiliate_commission: s.commission !== null ? money(s, s.commission, ctx) : null,
    post_purchase: postPurchase(s, ctx),
    invoice_download_url: invoiceUrl(s),
    awaiting_payment_at: isoOffset(s.createdSec),
    completed_at: isoOffset(s.completedSec),
    failed_at: isoOffset(s.failedSec),
    abandoned_at: isoOffset(s.abandonedSec),
    created_at: isoOffset(s.createdSec),
    updated_at: isoOffset(s.updatedSec),
  };
}
