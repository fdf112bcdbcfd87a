// Zod building blocks shared by every Chariow resource: money in both formats, both timestamp styles,
// ids, "missing means unknown" fields, and the envelope / list shapes (chariow-api.md §1, §3, §4).
import "server-only";
import { z } from "zod";
import { currencyExponent, MoneyError, normalizeCurrency, parseMinor, toMinor, type Money } from "@/lib/money";

/** A field that may be absent or null: both become null ("unknown"), never a default like 0. */
export function opt<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((v): z.output<T> | null => (v ?? null) as z.output<T> | null);
}

/** Ids are opaque strings (§9); numbers are accepted and stringified. */
export const idSchema = z.union([z.string().min(1), z.number().int()]).transform(String);

const numeric = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]);
export const countSchema = numeric.transform(Number).pipe(z.number().int().nonnegative());
export const numberSchema = numeric.transform(Number).pipe(z.number());

const currencySchema = z.string().transform((c, ctx) => {
  try {
    return normalizeCurrency(c);
  } catch (e) {
    ctx.addIssue({ code: "custom", message: (e as Error).message });
    return z.NEVER;
  }
});

function moneyIssue(ctx: z.RefinementCtx, e: unknown): never {
  ctx.addIssue({ code: "custom", message: e instanceof MoneyError ? e.message : "invalid amount" });
  return z.NEVER as never;
}

/** Current format: `{value (major units), formatted, short, currency, raw?}` (§4). */
const currentMoneySchema = z.object({ value: numeric, currency: currencySchema }).transform((m, ctx): Money => {
  try {
    return { minor: toMinor(m.value, m.currency), currency: m.currency };
  } catch (e) {
    return moneyIssue(ctx, e);
  }
});

/** Older format from the source documents: `{amount (minor units), currency, formatted}` (§4). */
const legacyMoneySchema = z.object({ amount: numeric, currency: currencySchema }).transform((m, ctx): Money => {
  try {
    return { minor: parseMinor(m.amount), currency: m.currency };
  } catch (e) {
    return moneyIssue(ctx, e);
  }
});

export const moneySchema = z.union([currentMoneySchema, legacyMoneySchema]);

/**
 * A rate wrapped like legacy money, `{amount, currency, formatted}`. Legacy amounts are minor units
 * (chariow-api.md §4), and an independent mock sends a rate of 1 USD as `{amount: 100, formatted:
 * "$1.00"}`; yet seed 001 writes the same rate `{amount: 1.0, formatted: "$1.00"}`, major. `formatted`
 * tells them apart: its digits equal to `amount` → minor units, divided by the currency's exponent;
 * equal to `amount` × 10^exponent → already the rate. A fractional amount cannot be minor units. With no
 * `formatted` (or one that matches neither) it is minor units like every other legacy amount; with no
 * usable currency there is no unit to convert by, so the number is taken as it is.
 */
export function legacyRate(amount: number, currency: string | null | undefined, formatted: string | null | undefined): number {
  if (!Number.isInteger(amount)) return amount;
  let exponent: number;
  try {
    exponent = currencyExponent(currency ?? "");
  } catch {
    return amount;
  }
  const scale = 10 ** exponent;
  const digits = formatted?.replace(/\D/g, "") ?? "";
  if (digits !== "" && Number(digits) !== amount && Number(digits) === amount * scale) return amount;
  return amount / scale;
}

/** A plain rate: a number, `{value}` (current dialect, major) or legacy money-shaped (`legacyRate`). */
export const rateNumberSchema = z.union([
  numberSchema,
  z.object({ value: numberSchema }).transform((r) => r.value),
  z
    .object({ amount: numberSchema, currency: z.string().nullish(), formatted: z.string().nullish() })
    .transform((r) => legacyRate(r.amount, r.currency, r.formatted)),
]);

/** "3.00%" or 3.0 → 3 (percent). */
export const percentSchema = z.union([
  numberSchema,
  z
    .string()
    .regex(/^\s*-?\d+(\.\d+)?\s*%\s*$/)
    .transform((s) => Number(s.replace("%", "").trim())),
]);

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Parses both styles (`+00:00` and `.000000Z`, §1) → ISO UTC with milliseconds; no offset = UTC. */
export function parseTimestamp(text: string): string | null {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = "0", frac = "", zone = "Z"] = m;
  const ms = Number(frac.padEnd(3, "0").slice(0, 3));
  let offsetMin = 0;
  if (zone.toUpperCase() !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || "0"));
  }
  const utc = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, ms) - offsetMin * 60_000;
  const date = new Date(utc);
  // Date.UTC silently rolls 2025-02-30 over to March: reject impossible calendar values instead.
  if (Number.isNaN(utc) || +mo < 1 || +mo > 12 || +d < 1 || +d > 31 || +h > 23 || +mi > 59 || +s > 60) return null;
  return date.toISOString();
}

export const timestampSchema = z.string().transform((text, ctx) => {
  const iso = parseTimestamp(text);
  if (iso === null) {
    ctx.addIssue({ code: "custom", message: `not an ISO 8601 timestamp: ${JSON.stringify(text.slice(0, 40))}` });
    return z.NEVER;
  }
  return iso;
});

/** Optional string that treats "" like missing. */
export const optString = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === undefined || v === null || v === "" ? null : String(v)));

/** Country as ISO2 string or `{code, name}` (§5) → `{ code, name }`. */
export const countrySchema = z.union([
  z.string().transform((code) => ({ code: code.toUpperCase(), name: null as string | null })),
  z.object({ code: z.string(), name: optString }).transform((c) => ({ code: c.code.toUpperCase(), name: c.name })),
]);
export type Country = z.output<typeof countrySchema>;

/** An object that may come as `{}` meaning "nothing yet" (settlement, checkout in Pulses, §8). */
export function emptyObjectAsNull<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (v) => (v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0 ? null : v),
    opt(schema),
  );
}

export const paginationSchema = z.object({
  next_cursor: optString,
  prev_cursor: optString,
  has_more: z.boolean().nullish(),
  // Laravel-style extras (§3)
  has_more_pages: z.boolean().nullish(),
  per_page: opt(countSchema),
});

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  prevCursor: string | null;
  hasMore: boolean;
  perPage: number | null;
}

/** The list envelope in both shapes (§3): nested `data.data` + `data.pagination`, or flat. */
export function listSchema<T extends z.ZodType>(item: T) {
  const normalize = (items: z.output<T>[], p: z.output<typeof paginationSchema> | null | undefined): Page<z.output<T>> => {
    const nextCursor = p?.next_cursor ?? null;
    const hasMore = (p?.has_more ?? p?.has_more_pages ?? nextCursor !== null) && nextCursor !== null;
    return { items, nextCursor, prevCursor: p?.prev_cursor ?? null, hasMore, perPage: p?.per_page ?? null };
  };
  const nested = z
    .object({ data: z.object({ data: z.array(item), pagination: paginationSchema.nullish() }) })
    .transform((b) => normalize(b.data.data, b.data.pagination));
  const flat = z
    .object({ data: z.array(item), pagination: paginationSchema.nullish() })
    .transform((b) => normalize(b.data, b.pagination));
  // Decide by shape first so the error path points into the right variant, not into a union summary.
  return z.unknown().transform((body, ctx): Page<z.output<T>> => {
    const data = (body as { data?: unknown } | null)?.data;
    const schema = Array.isArray(data) ? flat : nested;
    const r = schema.safeParse(body);
    if (r.success) return r.data as Page<z.output<T>>;
    for (const issue of r.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
    return z.NEVER;
  });
}

/** A single-object envelope: `{data: {...}}`. */
export function itemSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: item }).transform((b) => (b as { data: z.output<T> }).data);
}
