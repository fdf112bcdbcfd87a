// Shapes of the analytics answers shared by the services, the API and the client islands (types only,
// no server-only). Money is always minor units of the row's own currency; nothing is summed across currencies.
import type { DayRange, Interval, ResolvedRange } from "./date-range";

export const PAID_STATUSES = ["completed", "settled"] as const;

/** One currency's figures over a range. */
export type CurrencyKpis = {
  currency: string;
  /** Sales completed or settled, and their paid amounts. */
  paidCount: number;
  paidRevenue: number;
  /** Every checkout attempt (all statuses, awaiting payment included). */
  attempts: number;
  /** paidCount ÷ attempts, null with no attempt. */
  conversion: number | null;
  /** paidRevenue ÷ paidCount rounded to the minor unit, null with no paid sale. */
  averageOrderValue: number | null;
  /** Discount given on paid sales. */
  discounts: number;
  /** Chariow's settlement amounts summed over the paid sales that have one (lib/settlements/net.ts). */
  netRevenue: number;
  /** How many paid sales netRevenue covers (settlement amount known). */
  netKnownCount: number;
  /** Fees as Chariow reports them, summed where known: information beside the net, never subtracted. */
  gatewayFees: number;
  serviceFees: number;
  failedCount: number;
  failedValue: number;
  abandonedCount: number;
  abandonedValue: number;
};

export const KPI_KEYS = [
  "paidRevenue", "netRevenue", "paidCount", "conversion", "averageOrderValue", "discounts", "failedCount", "failedValue", "abandonedCount", "abandonedValue",
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

/** Relative change against the comparison period (0.25 = +25 %); null when the previous value is 0 or unknown. */
export type KpiChanges = Record<KpiKey, number | null>;

export type SeriesPoint = { bucket: string; revenue: number; paidCount: number; previousBucket: string | null; previousRevenue: number | null };

export type TopProduct = { id: string; name: string | null; paidCount: number; revenue: number };

export type CurrencyOverview = {
  currency: string;
  kpis: CurrencyKpis;
  previous: CurrencyKpis | null;
  changes: KpiChanges | null;
  series: SeriesPoint[];
  topProducts: TopProduct[];
};

export type OverviewRange = Pick<ResolvedRange, "from" | "to" | "preset" | "interval" | "intervalAuto" | "compareMode"> & {
  compare: DayRange | null;
  timeZone: string;
};

export type Overview = {
  range: OverviewRange;
  /** Currencies with at least one sale in the range or its comparison, most paid sales first. */
  currencies: string[];
  byCurrency: CurrencyOverview[];
};

export const BREAKDOWN_DIMENSIONS = ["product", "channel", "discount", "campaign", "country", "payment_method", "payment_gateway"] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];
/** Dimensions only a sale's detail (or a Pulse) gives; their tables say how many paid sales they cover. */
export const DETAIL_ONLY_DIMENSIONS: readonly BreakdownDimension[] = ["channel", "campaign", "country", "payment_method", "payment_gateway"];

export type BreakdownRow = {
  key: string;
  label: string | null;
  paidCount: number;
  revenue: number;
  discounts: number;
  /** Discount given per paid sale, rounded to the minor unit. */
  averageDiscount: number | null;
  attempts: number;
  /** Share of this currency's paid revenue. */
  share: number | null;
};

export type Breakdown = {
  dimension: BreakdownDimension;
  currency: string;
  rows: BreakdownRow[];
  /** Paid sales whose value for this dimension is known, of all paid sales (coverage of detail-only fields). */
  knownPaidCount: number;
  paidCount: number;
};

export type CustomerSplit = { kind: "new" | "returning"; customers: number; paidCount: number; revenue: number };

export type RevenueReport = {
  range: OverviewRange;
  /** Currencies with a sale (any status) in the range, most paid sales first: what the switch offers. */
  currencies: string[];
  /** The currency asked for (even without sales), else the range's main one; null when neither. */
  currency: string | null;
  /** Whether `currency` has a sale in the range; false → empty figures, said as such, never another currency's. */
  hasSales: boolean;
  breakdowns: Breakdown[];
  customers: CustomerSplit[];
  /** Paid sales without a known customer (not counted in either group). */
  unknownCustomerSales: number;
};

export type { Interval };
