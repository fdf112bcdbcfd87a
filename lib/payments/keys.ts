// The two rollup dimensions behind the Payments view (issue 20, docs/payments.md): what one sale is
// bucketed under, and reading the bucket back. Pure and without server-only: the mirror's writer, the
// migration's test, the service and the client's labels share one definition.
//
// `payment_health` value  = method ␟ country ␟ failure code   (every sale)
// `payment_timing` value  = method ␟ country ␟ pay bucket      (paid sales with both instants only)
// method  = the canonical method key (lib/mirror/payment-method.ts paymentMethodKey), else "unknown";
// country = shipping country, else the buyer's context country (as the rollups' `country`), else "unknown";
// failure code = the failure's code on failed sales ("unknown" when Chariow gave none), "" on any other.
// ␟ is U+001F (the ASCII unit separator): no method name, country code or failure code carries it.
import { PAYMENT_METHOD_KEYS } from "@/lib/format/payment-methods";

export const KEY_SEPARATOR = "\u001f";
export const UNKNOWN_KEY = "unknown";

/**
 * Checkout → payment seconds are kept per bucket, not per second: a million sales would otherwise keep
 * about one rollup row each. The median is then the bucket holding the lower median (the ⌈n/2⌉-th
 * smallest time), whose bounds the view shows. Widths: 10 s below 2 min, 30 s below 10 min, 1 min below
 * 1 h, 15 min below 24 h, then one bucket for a day or more.
 */
const BUCKET_STEPS: ReadonlyArray<readonly [below: number, width: number]> = [
  [120, 10],
  [600, 30],
  [3600, 60],
  [86_400, 900],
];
export const LAST_BUCKET = 86_400;

/** The bucket's lower bound (seconds) of a checkout → payment time; null for a negative time (bad data). */
export function payBucket(seconds: number): number | null {
  if (!Number.isFinite(seconds) || seconds < 0) return null;
  for (const [below, width] of BUCKET_STEPS) if (seconds < below) return Math.floor(seconds / width) * width;
  return LAST_BUCKET;
}

/** A bucket's bounds [from, to) in seconds; `to` null for the open last one. */
export function bucketBounds(lower: number): { from: number; to: number | null } {
  if (lower >= LAST_BUCKET) return { from: LAST_BUCKET, to: null };
  for (const [below, width] of BUCKET_STEPS) if (lower < below) return { from: lower, to: lower + width };
  return { from: LAST_BUCKET, to: null };
}

/** Whole seconds from checkout to payment, from the two ISO instants (each truncated to its second). */
export function paySeconds(createdAt: string | null, completedAt: string | null): number | null {
  if (createdAt === null || completedAt === null) return null;
  const a = Date.parse(createdAt);
  const b = Date.parse(completedAt);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
  return Math.floor(b / 1000) - Math.floor(a / 1000);
}

export type HealthFacts = {
  status: string;
  methodKey: string | null;
  country: string | null;
  failureCode: string | null;
  createdAt: string | null;
  completedAt: string | null;
};

const isPaid = (status: string) => status === "completed" || status === "settled";

export function paymentHealthValue(f: HealthFacts): string {
  const code = f.status === "failed" ? (f.failureCode ?? UNKNOWN_KEY) : "";
  return [f.methodKey ?? UNKNOWN_KEY, f.country ?? UNKNOWN_KEY, code].join(KEY_SEPARATOR);
}

/** Null when the sale adds no timing row: not paid, or an instant missing. */
export function paymentTimingValue(f: HealthFacts): string | null {
  if (!isPaid(f.status)) return null;
  const seconds = paySeconds(f.createdAt, f.completedAt);
  const bucket = seconds === null ? null : payBucket(seconds);
  if (bucket === null) return null;
  return [f.methodKey ?? UNKNOWN_KEY, f.country ?? UNKNOWN_KEY, String(bucket)].join(KEY_SEPARATOR);
}

/** A stored value back into its three parts. */
export function splitKey(value: string): [string, string, string] {
  const [a = UNKNOWN_KEY, b = UNKNOWN_KEY, c = ""] = value.split(KEY_SEPARATOR);
  return [a, b, c];
}

/** How a buyer pays: mobile money (an operator's wallet), card, or another way (PayPal, a method we do not know). */
export type MethodKind = "mobile_money" | "card" | "other" | "unknown";
const MOBILE_MONEY: ReadonlySet<string> = new Set(PAYMENT_METHOD_KEYS.filter((k) => k !== "card" && k !== "paypal"));

export function methodKind(methodKey: string): MethodKind {
  if (methodKey === UNKNOWN_KEY) return "unknown";
  if (methodKey === "card") return "card";
  return MOBILE_MONEY.has(methodKey) ? "mobile_money" : "other";
}
