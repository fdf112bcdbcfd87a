// Generates the store's compact indexes in one pass over (seed, index): creation time, status,
// customer, product, channel, discount and affiliate per sale, in typed arrays. Everything else about
// a sale is re-derived on demand (sale-model.ts), which is what lets a 1M-sale store start in seconds.
import { AFFILIATES, COUNTRIES, COUNTRY_WEIGHTS, DISCOUNTS, PRODUCTS } from "./catalog";
import { rngFor, weighted } from "./prng";
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

/** Paid-sale timeline: completion minutes after checkout, due 3 days after (midnight UTC), done later. */
export function paidTimes(seed: number, index: number, createdSec: number): { completed: number; due: number; done: number } {
  const rng = rngFor(seed, index, 3);
  const completed = createdSec + 30 + Math.floor(rng() * 570);
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

export function generateStore(seed: number, saleCount: number, endSec: number): StoreArrays {
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

  for (let i = 0; i < saleCount; i++) {
    const rng = rngFor(seed, i, 1);
    const t = Math.min(endSec - 1, createdAt((i + rng()) / saleCount, startSec, spanSec));
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
    let st = pickStatus(rng, (endSec - t) / 3600);
    if (st === STATUS_CODE.completed) {
      const pt = paidTimes(seed, i, t);
      if (pt.completed > endSec) st = STATUS_CODE.awaiting_payment; // still paying when history ends
      // About a fifth of paid sales stay `completed` (payout held, settlement.done_at null) long
      // after due: the seeds' revenue example filters status=completed on an old month and must
      // find sales, and the settlements page needs overdue payouts to show.
      else if (pt.done <= endSec && rngFor(seed, i, 14)() >= HELD_PAYOUT_SHARE) st = STATUS_CODE.settled;
    }
    status[i] = st;
  }
  return { saleCount, created, status, customer, product, channel, discount, affiliate, customerCount, custCreated, custCountry };
}
