// Generates the store's compact indexes in one pass over (seed, index): creation time, status,
// customer, product, channel, discount and affiliate per sale, in typed arrays. Everything else about
// a sale is re-derived on demand (sale-model.ts), which is what lets a 1M-sale store start in seconds.
// Returning buyers (returning-buyers.ts) are planned in the same pass: a failed or abandoned sale may be
// tried again later, and the first sale at or after that moment becomes the retry (same customer, product,
// discount and channel), timed at the planned moment — which keeps creation times in index order.
import { AFFILIATES, COUNTRIES, COUNTRY_WEIGHTS, DISCOUNTS, PAYMENT_METHODS, PRODUCTS } from "./catalog";
import { rngFor, weighted } from "./prng";
import { planRetry, RetryQueue, RetryQuotas } from "./returning-buyers";
import { baseAbandonedSec, baseFailedSec, baseFailureCode, baseMethodId, basePaymentStatus } from "./sale-draws";
import type { SaleStatus } from "./types";
import { SALE_STATUSES } from "./types";

export const NONE = 0xffff;
export const HISTORY_DAYS = 548; // about 18 months
export const HELD_PAYOUT_SHARE = 0.2;
const DAY = 86_400;

export const STATUS_CODE: Record<SaleStatus, number> = { awaiting_payment: 0, completed: 1, failed: 2, abandoned: 3, settled: 4 };
export const statusOf = (code: number): SaleStatus => SALE_STATUSES[code];

/** Grows a typed array (doubling) when live activity appends sales or customers. */
export function grow<T extends Uint8Array | Uint16Array | Uint32Array>(arr: T, needed: number): T {
  if (needed <= arr.length) return arr;
  const Ctor = arr.constructor as new (n: number) => T;
  const next = new Ctor(Math.max(needed, arr.length * 2, 16));
  next.set(arr);
  return next;
}

export interface StoreArrays {
  saleCount: number;
  created: Uint32Array; // epoch seconds, non-decreasing with the index (keyset pagination relies on it)
  status: Uint8Array;
  customer: Uint32Array;
  product: Uint16Array;
  channel: Uint8Array; // index into CHANNELS
  discount: Uint16Array; // index into DISCOUNTS or NONE
  affiliate: Uint16Array; // index into the affiliate list or NONE
  customerCount: number;
  custCreated: Uint32Array;
  custCountry: Uint8Array;
}

/**
 * Paid-sale timeline: completion seconds to minutes after checkout (how long depends on the method: a card
 * is quick, a USSD push waits for the customer's PIN — catalog PAYMENT_METHODS `paySpanSec`), due 3 days
 * after (midnight UTC), done later.
 */
export function paidTimes(seed: number, index: number, createdSec: number, methodId: string): { completed: number; due: number; done: number } {
  const rng = rngFor(seed, index, 3);
  const completed = createdSec + 30 + Math.floor(rng() * (PAYMENT_METHODS[methodId]?.paySpanSec ?? 570));
  const due = Math.floor(completed / DAY) * DAY + 3 * DAY; // seed 001: due_at "…T00:00:00+00:00"
  const late = rng() < 0.06 ? (2 + Math.floor(rng() * 5)) * DAY : 0;
  const done = due + 8 * 3600 + Math.floor(rng() * 22 * 3600) + late;
  return { completed, due, done };
}

/**
 * Creation times: quantiles of a linearly growing density over the history (the store grows), so
 * times are non-decreasing in the index by construction and each one depends only on (seed, index).
 */
function createdAt(u: number, startSec: number, spanSec: number): number {
  const a = 0.35;
  const b = 1;
  const x = (-a + Math.sqrt(a * a + 2 * b * u * (a + b / 2))) / b;
  return startSec + Math.floor(Math.min(x, 1) * spanSec);
}

const PRODUCT_WEIGHTS = PRODUCTS.map((p) => p.weight);
const PUBLISHED_WEIGHTS = PRODUCTS.map((p) => (p.published ? p.weight : 0));
const DISCOUNT_WEIGHTS = DISCOUNTS.map((d) => d.weight);
const CHANNEL_WEIGHTS = [55, 12, 13, 12, 8];

function affiliateFor(rng: () => number, currency: string): number {
  // An affiliate is paid in their own country's currency, so they only refer sales in it: that keeps
  // their total_earnings a single-currency sum (chariow-api.md §4: never add two currencies).
  const weights = AFFILIATES.map((a) => (COUNTRIES.find((c) => c.code === a.country)?.currency === currency ? a.weight : 0));
  if (weights.every((w) => w === 0)) return NONE;
  return weighted(rng, weights);
}

export function pickStatus(rng: () => number, ageHours: number): number {
  if (ageHours < 36) return [0, 1, 2, 3][weighted(rng, [30, 45, 10, 15])];
  return [1, 2, 3][weighted(rng, [63, 14, 23])];
}

/** The returning buyers of a generated history (returning-buyers.ts). */
export interface GeneratedRetries {
  /** Retry sale index → the failed or abandoned sale it tries again. */
  retryOf: Map<number, number>;
  /** Retry sale index → its depth (1: retry of an original checkout). */
  depth: Map<number, number>;
  /** Retries still `awaiting_payment` at the end of the history → whether they will be paid (live mode resolves them). */
  intended: Map<number, boolean>;
  /** Retries planned but not made by the end of the history: live mode makes them when they are due. */
  pending: RetryQueue;
  /** The running quotas after the history: live mode goes on with them. */
  quotas: RetryQuotas;
}

export interface GeneratedStore {
  arrays: StoreArrays;
  retries: GeneratedRetries;
}

export function generateStore(seed: number, saleCount: number, endSec: number): GeneratedStore {
  const spanSec = HISTORY_DAYS * DAY;
  const startSec = endSec - spanSec;
  const archiveCutoff = endSec - 270 * DAY; // the unpublished product stopped selling 9 months ago
  const created = new Uint32Array(saleCount);
  const status = new Uint8Array(saleCount);
  const customer = new Uint32Array(saleCount);
  const product = new Uint16Array(saleCount);
  const channel = new Uint8Array(saleCount);
  const discount = new Uint16Array(saleCount);
  const affiliate = new Uint16Array(saleCount);
  const custCreated = new Uint32Array(Math.max(16, saleCount));
  const custCountry = new Uint8Array(Math.max(16, saleCount));
  let customerCount = 0;

  const retries: GeneratedRetries = { retryOf: new Map(), depth: new Map(), intended: new Map(), pending: new RetryQueue(), quotas: new RetryQuotas() };

  for (let i = 0; i < saleCount; i++) {
    const rng = rngFor(seed, i, 1);
    const t = Math.min(endSec - 1, createdAt((i + rng()) / saleCount, startSec, spanSec));
    const plan = retries.pending.takeDue(t);
    if (plan) {
      // The customer comes back: this sale is their new checkout for the same purchase, made at the planned
      // moment (between the previous sale's time and this one's, so the order by index holds).
      const lead = plan.lead;
      created[i] = Math.max(plan.dueSec, i > 0 ? created[i - 1] : 0);
      customer[i] = customer[lead];
      product[i] = product[lead];
      channel[i] = channel[lead];
      affiliate[i] = affiliate[lead];
      discount[i] = discount[lead];
      status[i] = plan.paid ? paidStatus(seed, i, created[i], endSec, custCountry[customer[i]]) : STATUS_CODE.failed;
      retries.retryOf.set(i, lead);
      retries.depth.set(i, plan.depth);
      if (status[i] === STATUS_CODE.awaiting_payment) retries.intended.set(i, plan.paid);
    } else {
      created[i] = t;
      let ci: number;
      if (customerCount > 0 && rng() < 0.32) {
        // Returning customers favour recent buyers (square biases towards the end of the list).
        const r = rng();
        ci = Math.min(customerCount - 1, Math.floor((1 - r * r) * customerCount));
      } else {
        ci = customerCount++;
        custCreated[ci] = t;
        custCountry[ci] = weighted(rng, COUNTRY_WEIGHTS);
      }
      customer[i] = ci;
      const currency = COUNTRIES[custCountry[ci]].currency;
      product[i] = weighted(rng, t < archiveCutoff ? PRODUCT_WEIGHTS : PUBLISHED_WEIGHTS);
      let ch = weighted(rng, CHANNEL_WEIGHTS);
      let aff = NONE;
      if (ch === 1) {
        aff = affiliateFor(rng, currency);
        if (aff === NONE) ch = 0;
      }
      channel[i] = ch;
      affiliate[i] = aff;
      discount[i] = rng() < 0.18 ? weighted(rng, DISCOUNT_WEIGHTS) : NONE;
      const st = pickStatus(rng, (endSec - t) / 3600);
      status[i] = st === STATUS_CODE.completed ? paidStatus(seed, i, t, endSec, custCountry[ci]) : st;
    }
    const st = status[i];
    if (st === STATUS_CODE.failed || st === STATUS_CODE.abandoned) {
      const failed = st === STATUS_CODE.failed;
      const status = failed ? "failed" : "abandoned";
      const methodId = baseMethodId(seed, i, custCountry[customer[i]], status);
      const next = planRetry(seed, i, {
        status,
        atSec: failed ? baseFailedSec(seed, i, created[i]) : baseAbandonedSec(seed, i, created[i], endSec),
        failureCode: baseFailureCode(seed, i, basePaymentStatus(seed, i, status), methodId),
        methodId,
        depth: retries.depth.get(i) ?? 0,
      }, retries.quotas);
      if (next) retries.pending.push(next);
    }
  }
  return { arrays: { saleCount, created, status, customer, product, channel, discount, affiliate, customerCount, custCreated, custCountry }, retries };
}

/**
 * Status of a checkout that will be paid: still paying when the history ends, else settled — except about a
 * fifth of paid sales that stay `completed` (payout held, settlement.done_at null) long after due: the
 * seeds' revenue example filters status=completed on an old month and must find sales, and the
 * settlements page needs overdue payouts to show.
 */
function paidStatus(seed: number, i: number, createdSec: number, endSec: number, countryIndex: number): number {
  // Paid and awaiting checkouts draw their method with the same weights, so the method is known here
  // whichever of the two this sale turns out to be.
  const pt = paidTimes(seed, i, createdSec, baseMethodId(seed, i, countryIndex, "completed"));
  if (pt.completed > endSec) return STATUS_CODE.awaiting_payment;
  if (pt.done <= endSec && rngFor(seed, i, 14)() >= HELD_PAYOUT_SHARE) return STATUS_CODE.settled;
  return STATUS_CODE.completed;
}
