// The Payments view's query and answer (issue 20, docs/payments.md): shapes shared by the service, the
// API, the export and the page (types and zod only, no server-only). Counts are sales; money is minor units
// of the view's one currency. A rate is null when it has nothing to divide by — never shown as 0 %.
import { z } from "zod";
import { csvPresetSchema } from "@/lib/csv/schemas";
import { parsePageQuery, type SearchParamsRecord } from "@/lib/http/page-query";
import { RANGE_KEYS, checkRangeParams, rangeFields } from "@/lib/analytics/query-schemas";
import type { OverviewRange } from "@/lib/analytics/schemas";
import type { AnalyticsParams } from "@/lib/analytics/url-params";
import type { MethodKind } from "./keys";

/** A method key as the URL carries it: the canonical id, or a name Chariow sent for a method the app does not know. */
const subject = z.string().trim().min(1).max(80);

const paymentsFields = rangeFields.extend({
  currency: z.string().regex(/^[A-Z]{3}$/, "expected a currency code like XOF").optional(),
  method: subject.optional(),
  country: z.string().regex(/^([A-Z]{2}|unknown)$/, "expected a country code like CI").optional(),
});

export const paymentsQuerySchema = paymentsFields.superRefine(checkRangeParams);
export type PaymentsQuery = z.output<typeof paymentsQuerySchema>;
export const paymentsExportQuerySchema = paymentsFields.extend({ preset: csvPresetSchema.optional() }).superRefine(checkRangeParams);

export type PaymentsParams = AnalyticsParams & { method?: string; country?: string };

/** The page's URL → parameters; a bad value is cleared and named (as the other analytics pages do). */
export function readPaymentsQuery(query: SearchParamsRecord | URLSearchParams): { params: PaymentsParams; cleared: string[] } {
  const given = query instanceof URLSearchParams ? Object.fromEntries(query) : query;
  // "Against the previous period" is what the view is for: a first visit (no range, no comparison in the
  // URL) compares. Once the member picks a range, the shared rule holds (no `compare` key: none), so
  // "no comparison" stays choosable with the shared date control.
  const record = given.range === undefined && given.compare === undefined ? { ...given, compare: "previous" } : given;
  const { value, cleared } = parsePageQuery(paymentsQuerySchema, record, { together: [RANGE_KEYS] });
  const { currency, method, country, ...range } = value;
  return { params: { ...range, ...(currency ? { currency } : {}), ...(method ? { method } : {}), ...(country ? { country } : {}) }, cleared };
}

/** Attempts of one subject: paid = completed | settled. Abandoned checkouts are beside, never in the rate. */
export type AttemptFigures = {
  paid: number;
  failed: number;
  abandoned: number;
  /** paid + failed: the payments that were tried to the end. */
  attempts: number;
  /** paid ÷ (paid + failed); null with no attempt. */
  successRate: number | null;
  /** The failed sales' amounts: what the failures cost. */
  valueLost: number;
  abandonedValue: number;
  /** The bucket [from, to) seconds holding the median checkout → payment time (lib/payments/keys.ts); null with no paid sale timed. */
  medianPay: { from: number; to: number | null } | null;
  /** Paid sales whose checkout → payment time is known (the median's sample). */
  timedPaid: number;
};

export type PaymentRow = AttemptFigures & {
  method: string;
  country: string;
  kind: MethodKind;
  /** The comparison period's rate and attempts (null without a comparison). */
  previousSuccessRate: number | null;
  previousAttempts: number | null;
};

export type MethodFailures = { method: string; failed: number; codes: Array<{ code: string; count: number }> };

export type CountryMix = { country: string; paid: number; mobileMoney: number; card: number; other: number; unknown: number };

export type RatePoint = { bucket: string; attempts: number; successRate: number | null; previousBucket: string | null; previousAttempts: number | null; previousSuccessRate: number | null };

export type DegradedSubject = {
  dimension: "method" | "country";
  code: string;
  windowHours: number;
  baselineDays: number;
  /** The rule's other two settings, so the notice can say when it flags. */
  minAttempts: number;
  risePoints: number;
  window: { paid: number; failed: number };
  baseline: { paid: number; failed: number };
  windowShare: number;
  baselineShare: number;
};

export type PaymentsReport = {
  range: OverviewRange;
  currencies: string[];
  currency: string | null;
  hasSales: boolean;
  /** Checkouts in the range (paid, failed, abandoned), and how many of them say their method / country. */
  coverage: { checkouts: number; methodKnown: number; countryKnown: number };
  total: AttemptFigures;
  /** Method × country, most attempts first; unknown method or country kept as their own rows. */
  rows: PaymentRow[];
  methods: PaymentRow[];
  countries: PaymentRow[];
  failures: MethodFailures[];
  mix: CountryMix[];
  /** The success rate per interval bucket, of the whole currency or of the URL's method / country. */
  series: RatePoint[];
  seriesSubject: { method: string | null; country: string | null };
  degraded: DegradedSubject[];
};
