// Sales in both dialects and both depths (list summary vs detail, chariow-api.md §5) → one `Sale`.
// Fields a payload did not carry are null ("unknown"): a summary's null fee is not a zero fee.
import "server-only";
import { z } from "zod";
import { discountTypeSchema, paymentStatusSchema, saleChannelSchema, saleStatusSchema } from "../enums";
import {
  countSchema,
  countrySchema,
  emptyObjectAsNull,
  idSchema,
  moneySchema,
  numberSchema,
  opt,
  optString,
  percentSchema,
  rateNumberSchema,
  timestampSchema,
} from "./common";

const channelSchema = z.union([
  z.object({ value: saleChannelSchema, label: optString, description: optString }),
  saleChannelSchema.transform((value) => ({ value, label: null, description: null })),
]);

/** `{id, name}` or a bare string such as "mobile_money" (§5). */
const paymentMethodSchema = z.union([
  z.object({ id: optString, name: optString }),
  z.string().transform((id) => ({ id, name: null as string | null })),
]);

const failureErrorSchema = z.object({ code: optString, message: optString });

const paymentSchema = z.object({
  status: opt(paymentStatusSchema),
  transaction_id: optString,
  gateway: optString,
  method: opt(paymentMethodSchema),
  amount: opt(moneySchema),
  fee: opt(moneySchema),
  fee_rate: opt(percentSchema),
  // Undocumented shape (money in some payloads, a rate in others): kept only when it is money.
  interchange: opt(moneySchema).catch(null),
  exchange_rate: opt(rateNumberSchema),
  failure_error: opt(failureErrorSchema),
});

const settlementSchema = z.object({
  amount: opt(moneySchema),
  due_at: opt(timestampSchema),
  done_at: opt(timestampSchema),
  service_fee: opt(moneySchema),
});

const shippingSchema = z.object({
  address: optString,
  city: optString,
  state: optString,
  zip: optString,
  country: opt(countrySchema),
});

const contextSchema = z.object({
  ip_address: optString,
  user_agent: optString,
  country: opt(countrySchema),
  device_type: optString,
  locale: optString,
});

/** `rate` is `{id, value, comment}` in the seeds; some payloads send a bare number (§5). */
const ratingSchema = z.union([
  numberSchema.transform((value) => ({ value, comment: null as string | null })),
  z.object({ value: numberSchema, comment: optString }),
]);

const fileSchema = z.object({
  id: idSchema,
  name: optString,
  size: opt(countSchema),
  type: optString,
  download_url: optString,
  expires_at: opt(timestampSchema),
});

const licenceSchema = z.object({
  id: idSchema,
  licence_key: optString,
  status: optString,
  activations: opt(countSchema),
  max_activations: opt(countSchema),
  expires_at: opt(timestampSchema),
});

const postPurchaseSchema = z.object({
  files: opt(z.array(fileSchema)),
  licences: opt(z.array(licenceSchema)),
  instructions: optString,
});

export const saleRawSchema = z.object({
  id: idSchema,
  status: saleStatusSchema,
  channel: opt(channelSchema),
  original_amount: opt(moneySchema),
  amount: opt(moneySchema),
  discount_amount: opt(moneySchema),
  settlement: emptyObjectAsNull(settlementSchema),
  download: opt(z.object({ total: opt(countSchema), last_at: opt(timestampSchema) })),
  payment: opt(paymentSchema),
  shipping: opt(shippingSchema),
  context: opt(contextSchema),
  store: opt(z.object({ id: idSchema, name: optString })),
  product: opt(z.object({ id: idSchema, name: optString, type: optString, slug: optString })),
  customer: opt(z.object({ id: idSchema, email: optString, name: optString })),
  discount: opt(z.object({ id: idSchema, code: optString, type: opt(discountTypeSchema) })),
  campaign: opt(z.object({ id: idSchema, name: optString })),
  rate: opt(ratingSchema),
  rating: opt(ratingSchema),
  // The referral code at top level (seeds) or in the wrapped account (current shape, like GET /affiliates
  // and affiliate.joined, §6 §8): without it the affiliate stays "known only from a sale" and cannot be
  // looked up by code (lib/sync/affiliate-lookups.ts).
  store_affiliate: opt(
    z.object({ id: idSchema, code: optString, account: opt(z.object({ code: optString })) }).transform((a) => ({ id: a.id, code: a.code ?? a.account?.code ?? null })),
  ),
  affiliate_commission: opt(moneySchema),
  post_purchase: opt(postPurchaseSchema),
  custom_fields_values: opt(z.unknown()),
  custom_metadata: opt(z.unknown()),
  invoice_download_url: optString,
  created_at: opt(timestampSchema),
  updated_at: opt(timestampSchema),
  completed_at: opt(timestampSchema),
  failed_at: opt(timestampSchema),
  abandoned_at: opt(timestampSchema),
  awaiting_payment_at: opt(timestampSchema),
});
type SaleRaw = z.output<typeof saleRawSchema>;

function toSale(r: SaleRaw, detail: boolean) {
  const p = r.payment;
  const pp = r.post_purchase;
  return {
    id: r.id,
    /** true when parsed from GET /sales/{id}; list summaries lack channel, settlement and fees. */
    detail,
    status: r.status,
    channel: r.channel?.value ?? null,
    originalAmount: r.original_amount,
    amount: r.amount,
    discountAmount: r.discount_amount,
    payment: p && {
      status: p.status,
      transactionId: p.transaction_id,
      gateway: p.gateway,
      method: p.method,
      amount: p.amount,
      fee: p.fee,
      feeRatePercent: p.fee_rate,
      interchange: p.interchange,
      exchangeRate: p.exchange_rate,
      failureError: p.failure_error,
    },
    settlement: r.settlement && {
      amount: r.settlement.amount,
      serviceFee: r.settlement.service_fee,
      dueAt: r.settlement.due_at,
      doneAt: r.settlement.done_at,
    },
    download: r.download && { total: r.download.total, lastAt: r.download.last_at },
    shipping: r.shipping,
    context: r.context && {
      ipAddress: r.context.ip_address,
      userAgent: r.context.user_agent,
      country: r.context.country,
      deviceType: r.context.device_type,
      locale: r.context.locale,
    },
    store: r.store,
    product: r.product,
    customer: r.customer,
    discount: r.discount,
    campaign: r.campaign,
    rating: r.rate ?? r.rating,
    storeAffiliate: r.store_affiliate,
    affiliateCommission: r.affiliate_commission,
    postPurchase: pp && {
      files: (pp.files ?? []).map((f) => ({
        id: f.id,
        name: f.name,
        size: f.size,
        mimeType: f.type,
        // Signed and expiring (§5): callers must not keep it beyond expiresAt.
        downloadUrl: f.download_url,
        expiresAt: f.expires_at,
      })),
      licences: (pp.licences ?? []).map((l) => ({
        id: l.id,
        key: l.licence_key,
        status: l.status,
        activations: l.activations,
        maxActivations: l.max_activations,
        expiresAt: l.expires_at,
      })),
      instructions: pp.instructions,
    },
    customFieldsValues: r.custom_fields_values,
    customMetadata: r.custom_metadata,
    invoiceDownloadUrl: r.invoice_download_url,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    completedAt: r.completed_at,
    failedAt: r.failed_at,
    abandonedAt: r.abandoned_at,
    awaitingPaymentAt: r.awaiting_payment_at,
  };
}

// The payload each parsed sale came from, as the API sent it (unknown fields included): the mirror keeps
// it as raw_json (DESIGN §2). A WeakMap keeps the Sale type and its equality untouched and frees the
// payload with the sale.
const rawPayloads = new WeakMap<object, unknown>();

/** The JSON object a sale was parsed from, or undefined for a sale built in code. */
export function rawPayloadOf(sale: object): unknown {
  return rawPayloads.get(sale);
}

function keepingRaw(detail: boolean) {
  return z.unknown().transform((input, ctx) => {
    const parsed = saleRawSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: [...issue.path] });
      return z.NEVER;
    }
    const sale = toSale(parsed.data, detail);
    rawPayloads.set(sale, input);
    return sale;
  });
}

export const saleSummarySchema = keepingRaw(false);
export const saleDetailSchema = keepingRaw(true);
export type Sale = ReturnType<typeof toSale>;
export type SalePayment = NonNullable<Sale["payment"]>;
export type SaleSettlement = NonNullable<Sale["settlement"]>;
