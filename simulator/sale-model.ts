// Materialises one sale (internal form: minor units, epoch seconds) from the compact indexes, the
// (seed, index) PRNG streams and any live mutation. Serialisers turn this into either dialect.
import { CAMPAIGNS, COUNTRIES, DISCOUNTS, PAYMENT_METHODS, PRODUCTS, RATING_COMMENTS, USER_AGENTS, type Campaign, type Discount, type Product } from "./catalog";
import type { CustomerIdentity } from "./customers";
import { NONE, paidTimes } from "./generator";
import type { AffiliateRecord, StoreModel } from "./model";
import { hash32, intBetween, pick, rngFor, weighted } from "./prng";
import { baseAbandonedSec, baseFailedSec, baseFailureCode, basePaymentStatus, drawMethod, failureOf } from "./sale-draws";
import type { Json } from "./serialize-sale";
import { CHANNELS, type Channel, type Currency, type PaymentStatus, type SaleStatus } from "./types";

export { basePaymentStatus };

export const GATEWAY_FEE_PERCENT = 3;
export const SERVICE_FEE_PERCENT = 5;

/**
 * Which fees Chariow takes out of the settlement: its service fee only (seed 001: 79.20 − 3.96 = 75.24,
 * the gateway fee shown but not deducted from the settlement) or both fees. The dashboard must read the
 * net from the settlement amount either way; the simulator serves both to prove it.
 */
export type FeesDeducted = "service" | "both";

export interface Economics {
  original: number;
  discount: number;
  amount: number;
  gatewayFee: number;
  serviceFee: number;
  /** Settled to the merchant (settlement.amount): paid minus the fees Chariow deducts (FeesDeducted). */
  net: number;
}

/** Seed 001's economics: 99.00 −20 % → 79.20; gateway 3 % floored (2.37); service 5 % (3.96); net 75.24. */
export function economics(product: Product, currency: Currency, discount: Discount | null, deducted: FeesDeducted = "service"): Economics {
  const original = product.price[currency];
  let off = 0;
  if (discount) off = discount.type === "percentage" ? Math.round((original * discount.percent) / 100) : Math.min(discount.fixed[currency], original);
  const amount = original - off;
  const gatewayFee = Math.floor((amount * GATEWAY_FEE_PERCENT) / 100);
  const serviceFee = Math.round((amount * SERVICE_FEE_PERCENT) / 100);
  const net = amount - serviceFee - (deducted === "both" ? gatewayFee : 0);
  return { original, discount: off, amount, gatewayFee, serviceFee, net };
}

export interface LicenceModel {
  id: string;
  key: string;
  status: "pending_activation" | "active" | "expired" | "revoked";
  activations: number;
  maxActivations: number;
  expiresSec: number | null;
  activatedSec: number | null;
  createdSec: number;
}

export interface SaleModel {
  index: number;
  id: string;
  status: SaleStatus;
  paymentStatus: PaymentStatus;
  currency: Currency;
  product: Product;
  customer: CustomerIdentity;
  customerId: string;
  channel: Channel;
  discount: Discount | null;
  affiliate: AffiliateRecord | null;
  money: Economics;
  commission: number | null;
  createdSec: number;
  completedSec: number | null;
  failedSec: number | null;
  abandonedSec: number | null;
  dueSec: number | null;
  doneSec: number | null;
  updatedSec: number;
  failure: { code: string; message: string } | null;
  gateway: string;
  method: { id: string; name: string };
  transactionId: string | null;
  campaign: Campaign | null;
  shipping: { address: string; city: string; state: string; country: { code: string; name: string }; zip: string } | null;
  context: { ip: string; userAgent: string; country: { code: string; name: string }; device: string; locale: string };
  rating: { id: string; value: number; comment: string | null } | null;
  downloads: { total: number; lastSec: number | null };
  files: { id: string; name: string; size: number; type: string }[];
  licence: LicenceModel | null;
  customFields: { label: string; value: string }[];
  /** `custom_metadata` given to POST /checkout (null: none; serialised as PHP's empty array `[]`). */
  customMetadata: { [key: string]: Json } | null;
}

/** The campaign running on that day (windows repeat every year), if any. */
function campaignAt(sec: number): Campaign | null {
  const d = new Date(sec * 1000);
  const md = (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
  for (const c of CAMPAIGNS) {
    const from = c.from[0] * 100 + c.from[1];
    const to = c.to[0] * 100 + c.to[1];
    if (from <= to ? md >= from && md <= to : md >= from || md <= to) return c;
  }
  return null;
}

const isPaid = (s: SaleStatus) => s === "completed" || s === "settled";

export function materialiseSale(m: StoreModel, i: number, nowSec: number): SaleModel {
  const a = m.arrays;
  const seed = m.seed;
  const createdSec = a.created[i];
  const mut = m.mutations.get(i);
  const status = mut ? mut.status : m.status(i);
  const ci = a.customer[i];
  const customer = m.customer(ci);
  const currency = COUNTRIES[a.custCountry[ci]].currency;
  const product = PRODUCTS[a.product[i]];
  const discount = a.discount[i] === NONE ? null : DISCOUNTS[a.discount[i]];
  const affiliate = m.affiliateOfSale(i);
  const money = economics(product, currency, discount, m.feesDeducted);
  const rng = rngFor(seed, i, 2);
  // The stream's first draw is the method's, even when the method was chosen (the other details follow it).
  const drawn = drawMethod(rng, a.custCountry[ci], m.drawStatus(i));
  const chosen = m.methodOverrides.get(i);
  const method = chosen === undefined ? drawn : PAYMENT_METHODS[chosen];

  let completedSec: number | null = null, dueSec: number | null = null, doneSec: number | null = null;
  let failedSec: number | null = null, abandonedSec: number | null = null, paymentStatus: PaymentStatus;
  let failureCode: string | null = null;
  if (mut) {
    ({ completed: completedSec, due: dueSec, done: doneSec, failed: failedSec, abandoned: abandonedSec } = mut);
    paymentStatus = mut.paymentStatus;
    failureCode = mut.failureCode;
  } else {
    paymentStatus = basePaymentStatus(seed, i, status);
    if (isPaid(status)) {
      const t = paidTimes(seed, i, createdSec, method.id);
      completedSec = t.completed;
      dueSec = t.due;
      doneSec = status === "settled" ? t.done : null;
    } else if (status === "failed") failedSec = baseFailedSec(seed, i, createdSec);
    else if (status === "abandoned") abandonedSec = baseAbandonedSec(seed, i, createdSec, m.historyEndSec);
    failureCode = baseFailureCode(seed, i, paymentStatus, method.id);
  }
  const failure = failureCode === null ? null : failureOf(failureCode);
  const updatedSec = mut ? mut.updated : Math.max(createdSec, completedSec ?? 0, doneSec ?? 0, failedSec ?? 0, abandonedSec ?? 0);

  const gateway = method.id === "paypal" ? "paypal" : method.id === "card" && (currency === "EUR" || currency === "USD") ? "stripe" : "moneroo";
  const txn = paymentStatus === "initiated" ? null : `txn_${gateway}_${hash32(seed, i, 7).toString(36)}${hash32(seed, i, 8).toString(36)}`;
  const extras = m.saleExtras.get(i);
  const running = campaignAt(createdSec);
  const drawnCampaign = running && rng() < 0.45 ? running : null;
  // A checkout made through the API names its campaign (or none) itself.
  const campaign = extras ? (CAMPAIGNS.find((c) => c.id === extras.campaignId) ?? null) : drawnCampaign;
  const ctxCountry = customer.country;
  const device = ["mobile", "desktop", "tablet"][weighted(rng, [72, 24, 4])];
  const context = {
    ip: `${intBetween(rng, 41, 197)}.${intBetween(rng, 0, 255)}.${intBetween(rng, 0, 255)}.${intBetween(rng, 1, 254)}`,
    userAgent: device === "desktop" ? USER_AGENTS[3] : pick(rng, USER_AGENTS.slice(0, 3)),
    country: { code: ctxCountry.code, name: ctxCountry.name }, device, locale: ctxCountry.locale,
  };
  const paid = isPaid(status);
  const shipping = product.shipping
    ? {
        address: `Lot ${intBetween(rng, 1, 999)}, Rue ${intBetween(rng, 1, 400)}`, city: pick(rng, ctxCountry.cities),
        state: pick(rng, ctxCountry.cities), country: { code: ctxCountry.code, name: ctxCountry.name }, zip: String(intBetween(rng, 10000, 99999)),
      }
    : null;
  const rated = paid && rng() < 0.22;
  const rating = rated
    ? { id: "rat_" + hash32(seed, i, 9).toString(36), value: [5, 4, 3, 2, 1][weighted(rng, [55, 30, 10, 3, 2])], comment: pick(rng, RATING_COMMENTS) }
    : null;
  const files = paid ? product.files.map((f, k) => ({ id: "fil_" + hash32(seed, i, 10, k).toString(36).padStart(7, "0"), ...f })) : [];
  let downloads = { total: 0, lastSec: null as number | null };
  if (paid && files.length > 0 && completedSec !== null && rng() > 0.15) {
    const horizon = Math.max(60, Math.min(nowSec, completedSec + 20 * 86_400) - completedSec);
    downloads = { total: intBetween(rng, 1, 6), lastSec: completedSec + Math.floor(rng() * horizon) };
  }
  const licence = paid && product.type === "license" && completedSec !== null ? licenceOf(m, i, completedSec, nowSec) : null;
  const customFields = rng() < 0.5 ? [{ label: "Numéro WhatsApp", value: customer.phone }] : [];
  return {
    index: i, id: m.saleId(i), status, paymentStatus, currency, product, customer, customerId: m.customerId(ci),
    channel: CHANNELS[a.channel[i]], discount, affiliate, money,
    commission: affiliate ? Math.round((money.amount * affiliate.commission) / 100) : null,
    createdSec, completedSec, failedSec, abandonedSec, dueSec, doneSec, updatedSec, failure, gateway,
    method: { id: method.id, name: method.name }, transactionId: txn, campaign, shipping, context, rating, downloads,
    files, licence, customFields, customMetadata: extras?.customMetadata ?? null,
  };
}

export function licenceOf(m: StoreModel, i: number, completedSec: number, nowSec: number): LicenceModel {
  const rng = rngFor(m.seed, i, 12);
  const maxActivations = [1, 3, 5][weighted(rng, [30, 50, 20])];
  const lifetime = rng() < 0.5;
  const expiresSec = lifetime ? null : completedSec + 365 * 86_400;
  const r = rng();
  let status: LicenceModel["status"];
  let activations = 0;
  let activatedSec: number | null = null;
  if (r < 0.04) status = "revoked";
  else if (r < 0.24) status = "pending_activation";
  else {
    status = expiresSec !== null && expiresSec <= nowSec ? "expired" : "active";
    activations = intBetween(rng, 1, maxActivations);
    activatedSec = completedSec + Math.floor(rng() * 3 * 86_400);
  }
  const o = m.licenceOverrides.get(i);
  if (o) {
    status = o.status;
    activations = o.activations;
    activatedSec ??= completedSec;
  }
  return { id: m.licenceId(i), key: m.licenceKey(i), status, activations, maxActivations, expiresSec, activatedSec, createdSec: completedSec };
}

export { isPaid };
