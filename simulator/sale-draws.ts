// The per-sale random draws that both the generator (which plans returning buyers from a lead's failure
// reason and payment method) and the sale model (which materialises the sale) need: one definition, so
// the reason a retry was planned for is the reason the API shows. Payment methods and failure codes follow
// the mixes of catalog.ts (METHODS per buyer country, failures per method): the sale's status is drawn
// first (stream 1, independent of the method), then its method given its country and status — weight ×
// failFactor for a failed sale — so success rates differ by method × country while the statuses, times,
// customers and products of the history stay what they were.
import { CANCELLED_ERROR, COUNTRIES, FAILURE_ERRORS, METHODS, PAYMENT_METHODS, type MethodShare } from "./catalog";
import { rngFor, weighted, type Rng } from "./prng";
import type { PaymentStatus, SaleStatus } from "./types";

type DrawWeights = Record<"paid" | "failed" | "abandoned", number[]>;
const METHOD_WEIGHTS: Record<string, DrawWeights> = Object.fromEntries(
  Object.entries(METHODS).map(([country, ms]) => [country, {
    paid: ms.map((x) => x.weight),
    failed: ms.map((x) => x.weight * x.failFactor),
    abandoned: ms.map((x) => x.weight * x.abandonFactor),
  }]),
);
const FAILURE_WEIGHTS: Record<string, { codes: string[]; weights: number[] }> = Object.fromEntries(
  Object.values(PAYMENT_METHODS).map((pm) => {
    const entries = Object.entries(pm.failures).filter(([, w]) => (w ?? 0) > 0) as [string, number][];
    return [pm.id, { codes: entries.map(([c]) => c), weights: entries.map(([, w]) => w) }];
  }),
);
const FAILURE_MESSAGES = new Map(FAILURE_ERRORS.map((f) => [f.code, f.message]));

/** The message Chariow gives with a failure code (an unknown code: a generic one). */
export function failureOf(code: string): { code: string; message: string } {
  if (code === CANCELLED_ERROR.code) return CANCELLED_ERROR;
  return { code, message: FAILURE_MESSAGES.get(code) ?? "The payment failed." };
}

/** Payment status of a sale that has not been mutated live: a pure function of (seed, index, status). */
export function basePaymentStatus(seed: number, i: number, status: SaleStatus): PaymentStatus {
  const r = rngFor(seed, i, 4)();
  switch (status) {
    case "completed":
    case "settled":
      return "success";
    case "failed":
      return r < 0.85 ? "failed" : "cancelled";
    case "abandoned":
      return r < 0.55 ? "initiated" : "cancelled";
    case "awaiting_payment":
      return r < 0.45 ? "initiated" : "pending";
  }
}

/** A failure code of this method, drawn with its weights (catalog PAYMENT_METHODS `failures`). */
export function drawFailureCode(rng: Rng, methodId: string): string {
  const mix = FAILURE_WEIGHTS[methodId] ?? FAILURE_WEIGHTS.card;
  return mix.codes[weighted(rng, mix.weights)];
}

/** `payment.failure_error.code` of a generated sale with this payment status and method (null: no error). */
export function baseFailureCode(seed: number, i: number, paymentStatus: PaymentStatus, methodId: string): string | null {
  if (paymentStatus === "failed") return drawFailureCode(rngFor(seed, i, 6), methodId);
  if (paymentStatus === "cancelled") return CANCELLED_ERROR.code;
  return null;
}

/**
 * The payment method, drawn first from the sale's stream 2 (`rng`, fresh) with one draw whatever the
 * weights: the sale model goes on drawing its other details from the same stream. `drawStatus` is the
 * status the sale was generated with (a live checkout: awaiting_payment), never a later one, so a sale
 * keeps its method when it is paid or fails.
 */
export function drawMethod(rng: Rng, countryIndex: number, drawStatus: SaleStatus): MethodShare {
  const country = COUNTRIES[countryIndex].code;
  const w = METHOD_WEIGHTS[country];
  const kind = drawStatus === "failed" ? "failed" : drawStatus === "abandoned" ? "abandoned" : "paid";
  return METHODS[country][weighted(rng, w[kind])];
}

/** The payment method of generated sale `i` (the same draw as the sale model's). */
export function baseMethodId(seed: number, i: number, countryIndex: number, drawStatus: SaleStatus): string {
  return drawMethod(rngFor(seed, i, 2), countryIndex, drawStatus).id;
}

/**
 * How much likelier than its country's average a payment through this method fails: failFactor over the
 * checkout-weighted mean failFactor of the country. The history's odds of failure per method come out in
 * this ratio (Bayes on the weighted draw above), and live mode scales its failure odds by it.
 */
export function relativeFailOdds(countryIndex: number, methodId: string): number {
  const ms = METHODS[COUNTRIES[countryIndex].code];
  const own = ms.find((x) => x.id === methodId);
  if (!own) return 1;
  let w = 0;
  let wf = 0;
  for (const x of ms) {
    w += x.weight;
    wf += x.weight * x.failFactor;
  }
  return own.failFactor / (wf / w);
}

/** Whether this method is paid from a mobile-money wallet (as opposed to a card or PayPal). */
export function isMobileMoney(methodId: string): boolean {
  return PAYMENT_METHODS[methodId]?.mobileMoney ?? false;
}

/** When a generated failed sale failed: 45 s to 16 min after checkout. */
export function baseFailedSec(seed: number, i: number, createdSec: number): number {
  return createdSec + 45 + Math.floor(rngFor(seed, i, 5)() * 900);
}

/** When a generated abandoned sale was given up: 1 to 3 h after checkout, never after the history's end. */
export function baseAbandonedSec(seed: number, i: number, createdSec: number, historyEndSec: number): number {
  return Math.min(historyEndSec, createdSec + 3600 + Math.floor(rngFor(seed, i, 5)() * 7200));
}
