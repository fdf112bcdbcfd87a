// A degradation window (issue 20): a payment method — in one country or everywhere — goes down for a while,
// as mobile-money operators do for hours. Live checkouts made while it is on with that method (and country)
// fail with `failureShare` probability, and more of them arrive (`extraPerHour`: customers trying again
// and again through the broken operator), so a dashboard's "degraded now" rule has enough attempts to see
// it. Switched on by the control API (`/__sim/degradation`), `SimulatorOptions.degradation` or the CLI's
// `--degrade wave:SN` (env SIMULATOR_DEGRADE) for the demo.
import { COUNTRIES, FAILURE_ERRORS, METHODS, PAYMENT_METHODS } from "./catalog";
import type { DegradationInput } from "./types";

export interface Degradation {
  method: string;
  /** ISO2 buyer country, or null: every country where the method is offered. */
  country: string | null;
  failureShare: number;
  code: string;
  extraPerHour: number;
  fromSec: number;
  /** End of the window (exclusive), or null: until switched off. */
  untilSec: number | null;
}

export const DEFAULT_FAILURE_SHARE = 0.9;
export const DEFAULT_EXTRA_PER_HOUR = 12;

/** Countries (ISO2) where a method is offered (catalog METHODS). */
export function countriesOf(methodId: string): string[] {
  return Object.entries(METHODS).filter(([, ms]) => ms.some((x) => x.id === methodId)).map(([c]) => c);
}

type Parsed = { ok: Degradation } | { field: string; message: string };

/**
 * Validates a degradation request starting at `nowSec`: the control API's body (snake_case) or the
 * option and CLI flag (DegradationInput, camelCase).
 */
export function parseDegradation(input: DegradationInput | Record<string, unknown>, nowSec: number): Parsed {
  const body = (typeof input === "object" && input !== null && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
  const method = body.method;
  if (typeof method !== "string" || !PAYMENT_METHODS[method]) return { field: "method", message: `method must be one of ${Object.keys(PAYMENT_METHODS).join(", ")}.` };
  const country = body.country ?? null;
  if (country !== null) {
    if (typeof country !== "string" || !COUNTRIES.some((c) => c.code === country)) return { field: "country", message: `country must be one of ${COUNTRIES.map((c) => c.code).join(", ")}.` };
    if (!countriesOf(method).includes(country)) return { field: "country", message: `${method} is not offered in ${country} (it is in ${countriesOf(method).join(", ")}).` };
  }
  const share = body.failure_share ?? body.failureShare ?? DEFAULT_FAILURE_SHARE;
  if (typeof share !== "number" || !(share > 0 && share <= 1)) return { field: "failure_share", message: "failure_share must be a number in (0, 1]." };
  const minutes = body.minutes ?? null;
  if (minutes !== null && (typeof minutes !== "number" || !Number.isInteger(minutes) || minutes < 1 || minutes > 30 * 24 * 60)) return { field: "minutes", message: "minutes must be a whole number from 1 to 43200 (30 days)." };
  const mobile = PAYMENT_METHODS[method].mobileMoney;
  const code = body.code ?? (mobile ? "operator_unavailable" : "timeout");
  if (typeof code !== "string" || !FAILURE_ERRORS.some((f) => f.code === code)) return { field: "code", message: `code must be one of ${FAILURE_ERRORS.map((f) => f.code).join(", ")}.` };
  const extra = body.extra_per_hour ?? body.extraPerHour ?? DEFAULT_EXTRA_PER_HOUR;
  if (typeof extra !== "number" || !Number.isFinite(extra) || extra < 0 || extra > 200) return { field: "extra_per_hour", message: "extra_per_hour must be a number from 0 to 200." };
  return { ok: { method, country: country as string | null, failureShare: share, code, extraPerHour: extra, fromSec: nowSec, untilSec: minutes === null ? null : nowSec + (minutes as number) * 60 } };
}

/** `--degrade wave:SN:0.9:180` (method, then optional country, failure share, minutes; `*` = any country). */
export function parseDegradeFlag(spec: string): DegradationInput {
  const [method, country, share, minutes] = spec.split(":").map((s) => s.trim());
  const num = (v: string | undefined) => (v === undefined || v === "" ? undefined : Number(v));
  return { method, country: country && country !== "*" ? country.toUpperCase() : undefined, failureShare: num(share), minutes: num(minutes) };
}

/** Whether the window is on at `sec`. */
export function degradationActive(d: Degradation | null, sec: number): d is Degradation {
  return d !== null && sec >= d.fromSec && (d.untilSec === null || sec < d.untilSec);
}

/** Whether a checkout created at `createdSec` with this method and buyer country falls in the window. */
export function degradationMatches(d: Degradation | null, createdSec: number, methodId: string, country: string): boolean {
  return degradationActive(d, createdSec) && d.method === methodId && (d.country === null || d.country === country);
}

/** The control API's view of it. */
export function degradationJson(d: Degradation | null, nowSec: number) {
  if (!d) return { degradation: null };
  const iso = (sec: number) => new Date(sec * 1000).toISOString();
  return {
    degradation: {
      method: d.method, country: d.country, failure_share: d.failureShare, code: d.code, extra_per_hour: d.extraPerHour,
      from: iso(d.fromSec), until: d.untilSec === null ? null : iso(d.untilSec), active: degradationActive(d, nowSec),
    },
  };
}
