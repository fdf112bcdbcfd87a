// Public types of the Chariow API simulator: options, fault profile, ground truth.
// Other parts of the repo (client contract tests, demo start-up) depend on these shapes.
import type { PaymentsTruth, PaymentStats } from "./payments-truth";
import type { RecoveryTruth, RecoveryTruthOptions } from "./recovery-truth";

export type { PaymentsTruth, PaymentStats, RecoveryTruth, RecoveryTruthOptions };

export type Dialect = "current" | "legacy";

/**
 * How a sale detail sends `payment.method`: `{id, name}` (seed 001) or the bare method id as a string
 * ("mtn_momo"), the other shape the reference allows (chariow-api.md §5).
 */
export type PaymentMethodShape = "object" | "string";

export const SALE_STATUSES = ["awaiting_payment", "completed", "failed", "abandoned", "settled"] as const;
export type SaleStatus = (typeof SALE_STATUSES)[number];

export const PAYMENT_STATUSES = ["initiated", "pending", "success", "failed", "cancelled"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const CHANNELS = ["store", "affiliate", "discover", "widget", "api"] as const;
export type Channel = (typeof CHANNELS)[number];

export const CURRENCIES = ["XOF", "XAF", "EUR", "USD"] as const;
export type Currency = (typeof CURRENCIES)[number];

export type AffiliateStatus = "active" | "inactive" | "suspended";

export interface SimulatorClock {
  /** Epoch milliseconds. Default: Date.now. */
  now(): number;
}

/**
 * Faults applied to /v1 requests (never to /__sim). Rates are probabilities in [0, 1], drawn from a
 * PRNG seeded by `seed`, so a given profile misbehaves the same way on every run.
 */
export interface FaultProfile {
  /** Fraction of requests answered with a JSON 500/503. */
  errorRate?: number;
  /** Fraction answered with a non-JSON HTML 500/502 page (chariow-api.md §1: "may not be JSON at all"). */
  htmlRate?: number;
  /** Delay added before answering, in ms (applied to `slowRate` of requests, default all). */
  slowMs?: number;
  slowRate?: number;
  /** Fraction of requests that are never answered (the socket stays open until the client gives up). */
  timeoutRate?: number;
  /** Fraction of requests whose socket is destroyed without any response. */
  dropRate?: number;
  /** The next N requests are answered 429 with Retry-After, whatever the real budget. */
  storm429?: number;
  /** Retry-After seconds announced during a storm (default 1). */
  stormRetryAfter?: number;
  /** Schema drift: add unknown fields and/or remove optional fields from every JSON object. */
  drift?: boolean | { extraFields?: boolean; dropOptional?: boolean };
  /** PRNG seed for the rates above (default 1). */
  seed?: number;
}

export interface PulseOptions {
  url: string;
  secret: string;
  pulseId?: string;
  /** Delays between attempts; Chariow's is about 10 s, 100 s, 17 min, 2 h 47 (chariow-api.md §8). */
  retryDelaysMs?: number[];
  /** Per-attempt timeout (default 15 000 ms; Chariow expects an answer well under 30 s). */
  timeoutMs?: number;
}

/**
 * Read endpoints a store may not have (the independent mock had none of these; a real store may answer
 * 404/403 where its plan or its products do not include them). Listed in `missingEndpoints`, `GET /<name>`
 * and `GET /<name>/{id}` answer 404 with Laravel's route-not-found body, like any unknown route.
 */
export const OPTIONAL_ENDPOINTS = ["licenses", "products", "customers", "store"] as const;
export type OptionalEndpoint = (typeof OPTIONAL_ENDPOINTS)[number];

/**
 * A degradation window (simulator/degradation.ts): live checkouts with this method (in this buyer country,
 * if given) made while it is on fail with `failureShare` probability (default 0.9) with `code` (default
 * operator_unavailable for mobile money, timeout otherwise), and `extraPerHour` more of them arrive
 * (default 12). `minutes`: how long from the start (default: until switched off).
 */
export interface DegradationInput {
  method: string;
  country?: string;
  failureShare?: number;
  minutes?: number;
  code?: string;
  extraPerHour?: number;
}

export interface SimulatorOptions {
  port?: number;
  host?: string;
  seed?: number;
  dialect?: Dialect;
  /**
   * Which fees Chariow takes out of `settlement.amount`: "service" (default, seed 001: 79.20 − 3.96 =
   * 75.24) or "both" (service and gateway fee). The truth's netSettlement follows.
   */
  feesDeducted?: "service" | "both";
  /** `payment.method` in sale details: `{id, name}` (default) or the method id as a plain string. */
  paymentMethodAs?: PaymentMethodShape;
  rateLimit?: number;
  sales?: number;
  now?: Date;
  apiKey?: string;
  controlToken?: string;
  clock?: SimulatorClock;
  live?: boolean | { intervalMs: number };
  pulse?: PulseOptions;
  faults?: FaultProfile;
  /** Endpoints this store does not have (404), e.g. `["licenses"]`; `setMissingEndpoints` changes it at run time. */
  missingEndpoints?: OptionalEndpoint[];
  /** A degradation window on from the start (the demo's `--degrade wave:SN`); `setDegradation` changes it. */
  degradation?: DegradationInput;
}

export interface CurrencyTruth {
  /** Sales with status completed or settled. */
  paidCount: number;
  /** Sum of `amount` of paid sales, minor units. */
  paidRevenue: number;
  originalAmount: number;
  discountAmount: number;
  gatewayFees: number;
  serviceFees: number;
  /** settlement.amount summed over paid sales (completed: due, settled: done), per the store's feesDeducted. */
  netSettlement: number;
  /** settlement.amount of settled sales only (done_at set). */
  settledNet: number;
  /** All sales in this currency whatever their status. */
  salesCount: number;
}

export interface GroundTruth {
  totalSales: number;
  byStatus: Record<SaleStatus, number>;
  byPaymentStatus: Record<PaymentStatus, number>;
  byCurrency: Partial<Record<Currency, CurrencyTruth>>;
  byChannel: Record<Channel, number>;
  /** UTC month `YYYY-MM` of created_at → count per status. */
  byMonth: Record<string, Record<SaleStatus, number>>;
  affiliates: { code: string; id: string; accountId: string; status: AffiliateStatus; email: string }[];
  invitations: { id: string; email: string; status: "pending" | "accepted" | "expired" }[];
  customers: number;
  /** All products, including unpublished ones that still appear on old sales. */
  products: number;
  publishedProducts: number;
  discounts: number;
  licences: number;
  /** Licences per status at the simulator's now (expiry and activate/revoke overrides applied). */
  licencesByStatus: Record<string, number>;
  /** Sales carrying a discount code, per code. */
  discountUses: Record<string, number>;
  /**
   * Returning buyers (returning-buyers.ts): of the failed and abandoned sales (`leads`), how many their
   * customer tried again (`retried`: a later sale of the same purchase exists), per reason (the failure code,
   * or "abandoned"); the retry sales and how many of them were paid. The recovery a dashboard should find
   * in a range: `sim.recoveryTruth()` / `GET /__sim/truth/recovery`.
   */
  returningBuyers: { leads: number; retried: number; retries: number; paidRetries: number; byReason: Record<string, { leads: number; retried: number }> };
  /** ISO instants: end of the generated history, and the clock when truth() was called. */
  historyEnd: string;
  clockNow: string;
  newestSaleId: string | null;
  oldestSaleId: string | null;
}

export interface RunningSimulator {
  baseUrl: string;
  origin: string;
  apiKey: string;
  controlToken: string;
  port: number;
  truth(): GroundTruth;
  /** Per currency, the sales created in [from, to) (ISO instants): paid, failed and abandoned counts and amounts. */
  periodTruth(from: string, to: string): Partial<Record<string, import("./truth").PeriodCurrencyTruth>>;
  /** The recovery of the leads created in a range, by the dashboard's rule (simulator/recovery-truth.ts). */
  recoveryTruth(opts: RecoveryTruthOptions): RecoveryTruth;
  setFaults(f: FaultProfile): void;
  setDialect(d: Dialect): void;
  setPaymentMethodAs(shape: PaymentMethodShape): void;
  setMissingEndpoints(endpoints: OptionalEndpoint[]): void;
  /** Per payment method × buyer country, the sales created in [from, to) (simulator/payments-truth.ts). */
  paymentsTruth(from: string, to: string): PaymentsTruth;
  /** Switches a degradation window on from the clock's now (throws on an invalid one), or off with null. */
  setDegradation(d: DegradationInput | null): void;
  requestCount(): number;
  close(): Promise<void>;
}
