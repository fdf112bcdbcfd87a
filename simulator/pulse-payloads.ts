// Pulse (webhook) bodies as Chariow sends them (chariow-api.md §8): no data wrapper, top-level keys
// per event, and PHP json_encode escaping so that re-serialising the parsed body changes the bytes.
import { STORE } from "./catalog";
import type { AffiliateRecord } from "./model";
import { amount } from "./money";
import { isPaid, type SaleModel } from "./sale-model";
import { customMetadataJson, isoOffset, type Json } from "./serialize-sale";
import type { Dialect } from "./types";

/** PHP's default json_encode: `/` → `\/`, every non-ASCII UTF-16 unit → `\uxxxx` (lower-case hex). */
export function phpJson(value: Json): string {
  return JSON.stringify(value)
    .replace(/\//g, "\\/")
    .replace(/[\u0080-\uffff]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

const storeRef = (): Json => ({ id: STORE.id, name: STORE.name, url: STORE.url });

export type SaleEvent = "successful.sale" | "failed.sale" | "abandoned.sale";

function checkoutUrl(s: SaleModel): string {
  const q = new URLSearchParams({ email: s.customer.email, name: s.customer.name, phone: s.customer.phone });
  return `${STORE.url}/checkout/${s.product.slug}?${q.toString()}`;
}

export function salePayload(event: SaleEvent, s: SaleModel, dialect: Dialect): Json {
  const money = (minor: number) => amount(minor, s.currency, dialect) as unknown as Json;
  const paid = isPaid(s.status);
  return {
    event,
    sale: {
      id: s.id, status: s.status, amount: money(s.money.amount), original_amount: money(s.money.original), discount_amount: money(s.money.discount),
      settlement: paid ? { amount: money(s.money.net), due_at: isoOffset(s.dueSec), done_at: isoOffset(s.doneSec), service_fee: money(s.money.serviceFee) } : {},
      payment: {
        status: s.paymentStatus, gateway: s.gateway, method: s.method.name, fee: paid ? money(s.money.gatewayFee) : null,
        failure_error: s.failure ? { code: s.failure.code, message: s.failure.message } : null,
      },
      channel: s.channel,
      discount: s.discount ? { id: s.discount.id, code: s.discount.code, type: s.discount.type } : null,
      custom_metadata: customMetadataJson(s),
      created_at: isoOffset(s.createdSec), completed_at: isoOffset(s.completedSec), abandoned_at: isoOffset(s.abandonedSec), failed_at: isoOffset(s.failedSec),
    },
    product: { id: s.product.id, name: s.product.name, url: `${STORE.url}/${s.product.slug}`, price: money(s.product.price[s.currency]) },
    customer: {
      id: s.customerId, name: s.customer.name, first_name: s.customer.firstName, last_name: s.customer.lastName,
      email: s.customer.email, phone: s.customer.phone, country: s.customer.country.code,
    },
    affiliate: s.affiliate
      ? { id: s.affiliate.storeAffiliateId, code: s.affiliate.code, pseudo: s.affiliate.pseudo, commission_rate: s.affiliate.commission, commission: s.commission === null ? null : money(s.commission) }
      : null,
    store: storeRef(),
    // The prefilled checkout link of a failed/abandoned sale is the recovery link (§8).
    checkout: paid ? {} : { url: checkoutUrl(s) },
  };
}

export function licencePayload(event: "license.issued" | "license.revoked" | "license.activated", s: SaleModel): Json | null {
  const l = s.licence;
  if (!l) return null;
  return {
    event,
    license: { id: l.id, key: l.key, status: l.status, activations: l.activations, max_activations: l.maxActivations, expires_at: isoOffset(l.expiresSec), created_at: isoOffset(l.createdSec) },
    product: { id: s.product.id, name: s.product.name },
    customer: { id: s.customerId, name: s.customer.name, email: s.customer.email, phone: s.customer.phone, country: s.customer.country.code },
    sale: { id: s.id },
    store: storeRef(),
  };
}

/** Seed 002's affiliate.joined body. */
export function affiliateJoinedPayload(a: AffiliateRecord): Json {
  const local = a.phone.slice(1 + a.country.dial.length);
  return {
    event: "affiliate.joined",
    affiliate: {
      id: a.storeAffiliateId,
      account: {
        id: a.accountId, code: a.code, pseudo: a.pseudo, email: a.email, first_name: a.firstName, last_name: a.lastName,
        name: `${a.firstName} ${a.lastName}`, country: { code: a.country.code, name: a.country.name },
        phone: { country_code: a.country.code, formatted: `+${a.country.dial} ${local.replace(/(\d{2})(?=\d)/g, "$1 ")}` },
      },
      source: a.source, status: a.status, joined_at: isoOffset(a.createdSec),
    },
    store: storeRef(),
  };
}
