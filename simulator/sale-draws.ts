// The per-sale random draws that both the generator (which plans returning buyers from a lead's failure
// reason and payment method) and the sale model (which materialises the sale) need: one definition, so
// the reason a retry was planned for is the reason the API shows.
import { CANCELLED_ERROR, FAILURE_ERRORS, METHODS } from "./catalog";
import { rngFor, weighted } from "./prng";
import type { Currency, PaymentStatus, SaleStatus } from "./types";

const FAILURE_WEIGHTS = FAILURE_ERRORS.map((f) => f.weight);
const METHOD_WEIGHTS = Object.fromEntries(Object.entries(METHODS).map(([c, ms]) => [c, ms.map((x) => x.weight)])) as Record<Currency, number[]>;

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

/** `payment.failure_error.code` of a generated sale with this payment status (null: no error). */
export function baseFailureCode(seed: number, i: number, paymentStatus: PaymentStatus): string | null {
  if (paymentStatus === "failed") return FAILURE_ERRORS[weighted(rngFor(seed, i, 6), FAILURE_WEIGHTS)].code;
  if (paymentStatus === "cancelled") return CANCELLED_ERROR.code;
  return null;
}

/**
 * The payment method, drawn first from the sale's stream 2 (`rng`, fresh): the sale model goes on drawing
 * its other details from the same stream, so this must stay the stream's first draw.
 */
export function drawMethod(rng: () => number, currency: Currency): { id: string; name: string } {
  const methods = METHODS[currency];
  return methods[weighted(rng, METHOD_WEIGHTS[currency])];
}

/** The payment method of generated sale `i` (the same draw as the sale model's). */
export function baseMethodId(seed: number, i: number, currency: Currency): string {
  return drawMethod(rngFor(seed, i, 2), currency).id;
}

/** When a generated failed sale failed: 45 s to 16 min after checkout. */
export function baseFailedSec(seed: number, i: number, createdSec: number): number {
  return createdSec + 45 + Math.floor(rngFor(seed, i, 5)() * 900);
}

/** When a generated abandoned sale was given up: 1 to 3 h after checkout, never after the history's end. */
export function baseAbandonedSec(seed: number, i: number, createdSec: number, historyEndSec: number): number {
  return Math.min(historyEndSec, createdSec + 3600 + Math.floor(rngFor(seed, i, 5)() * 7200));
}
