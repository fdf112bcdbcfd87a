// The failure-spike alert (issue 19, docs/notifications.md "Alerts"): a payment method or a buyer country
// whose payments fail far more often over the last hours than they usually do.
//
// The rule, per subject (a payment method — sales.payment_method_id, canonical ids — or a country —
// the shipping country, else the buyer's context country — the rollups' `country`, so the Payments view's
// rows and its "degraded now" flag name the same country):
//   failure share = failed ÷ (paid + failed), paid = completed | settled; abandoned checkouts are left out
//   (a buyer who walked away is not a payment that failed);
//   window   = sales created in the last `windowHours` before now;
//   baseline = the same subject's sales created in the `baselineDays` before the window (none: share 0);
//   it fires when window attempts ≥ minAttempts AND window share ≥ baseline share + risePoints / 100
//   AND so many failures would happen by chance less than once in 100,000 windows at the baseline's share
//   (one-sided binomial tail < CHANCE_LIMIT).
// Why the last condition: with the default settings (3 h, 10 attempts, 20 points) a method with 50–200
// attempts a day and a steady 25 % failure share crosses "+20 points" by chance in most ordinary weeks
// (10–15 failures of 30 happen), evaluated every hour; the tail keeps those quiet while a method that
// really breaks (11 of 12 failing against a 25 % baseline: tail ≈ 2·10⁻⁶) still fires.
// A sale whose method or country is unknown belongs to no subject (never counted as a "0" subject).
// Issue 20 reuses `failureSpikeVerdict` for its "degraded now" flag, so it stays pure.
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { countryName } from "@/lib/format/display-names";
import { codeLabel } from "@/lib/format/codes";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "../render";
import type { StoreNotificationSettings } from "../store-settings";
import type { AlertEvent } from "./types";

export type FailureSpikeRule = StoreNotificationSettings["failureSpike"];
export type SpikeDimension = "method" | "country";

/** Paid and failed attempts of one subject over one period. */
export interface AttemptCounts {
  paid: number;
  failed: number;
}

export interface SubjectAttempts {
  dimension: SpikeDimension;
  /** The canonical method id ("wave") or the ISO country code ("CI"). */
  code: string;
  window: AttemptCounts;
  baseline: AttemptCounts;
}

export interface FailureSpikeVerdict {
  fires: boolean;
  attempts: number;
  /** P(at least this many failures of `attempts` at the baseline's share): how likely chance alone is. */
  chance: number;
  /** Shares in [0, 1]; the baseline's is 0 when it had no attempt. */
  windowShare: number;
  baselineShare: number;
}

/** Below this, the window's failures are not chance (see the module comment). */
export const CHANCE_LIMIT = 1e-5;

/** P(X ≥ k) for X ~ Binomial(n, p), summed term by term from k in log space (n is at most thousands). */
export function binomialTail(n: number, k: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n || p <= 0) return 0;
  if (p >= 1) return 1;
  let logChoose = 0;
  for (let i = 1; i <= k; i++) logChoose += Math.log(n - k + i) - Math.log(i);
  let term = Math.exp(logChoose + k * Math.log(p) + (n - k) * Math.log(1 - p));
  let sum = term;
  for (let i = k; i < n; i++) {
    term *= ((n - i) / (i + 1)) * (p / (1 - p));
    sum += term;
  }
  return Math.min(1, sum);
}

const share = (c: AttemptCounts) => (c.paid + c.failed === 0 ? 0 : c.failed / (c.paid + c.failed));

/** The rule on one subject's counts (pure; see the module comment). */
export function failureSpikeVerdict(counts: { window: AttemptCounts; baseline: AttemptCounts }, rule: Pick<FailureSpikeRule, "minAttempts" | "risePoints">): FailureSpikeVerdict {
  const attempts = counts.window.paid + counts.window.failed;
  const windowShare = share(counts.window);
  const baselineShare = share(counts.baseline);
  // In whole numbers (failed/attempts ≥ bFailed/bAttempts + points/100, both sides × 100 × attempts ×
  // bAttempts), so a share exactly at the threshold fires whatever floating point does with a division.
  const b = counts.baseline.paid + counts.baseline.failed;
  const rises = b === 0 ? 100 * counts.window.failed >= rule.risePoints * attempts : 100 * counts.window.failed * b >= (100 * counts.baseline.failed + rule.risePoints * b) * attempts;
  const chance = binomialTail(attempts, counts.window.failed, baselineShare);
  const fires = attempts >= rule.minAttempts && rises && chance < CHANCE_LIMIT;
  return { fires, attempts, chance, windowShare, baselineShare };
}

/** The subjects whose window spikes, each with its verdict (pure). */
export function detectFailureSpikes(subjects: readonly SubjectAttempts[], rule: FailureSpikeRule): (SubjectAttempts & { verdict: FailureSpikeVerdict })[] {
  return subjects.map((s) => ({ ...s, verdict: failureSpikeVerdict(s, rule) })).filter((s) => s.verdict.fires);
}

const PAID = ["completed", "settled"] as const;

/**
 * Paid and failed attempts in the window and in the baseline before it, per payment method and per country:
 * one pass over the sales of the baseline and window, grouped by method × country, then summed per subject
 * (a sale whose method — or country — is unknown counts for its country — or method — only).
 */
export async function readSubjectAttempts(db: Kysely<Database>, rule: FailureSpikeRule, now: Date): Promise<SubjectAttempts[]> {
  const windowStart = new Date(now.getTime() - rule.windowHours * 3_600_000).toISOString();
  const baselineStart = new Date(now.getTime() - rule.windowHours * 3_600_000 - rule.baselineDays * 86_400_000).toISOString();
  const method = sql<string | null>`payment_method_id`;
  const country = sql<string | null>`coalesce(shipping_country, context_country)`;
  const inWindow = sql`created_at >= ${windowStart}`;
  const paid = sql`status in (${sql.join(PAID.map((s) => sql.lit(s)))})`;
  const failed = sql`status = 'failed'`;
  const count = (when: ReturnType<typeof sql>) => sql<number>`sum(case when ${when} then 1 else 0 end)`;
  const rows = await db
    .selectFrom("sales")
    .select([
      method.as("method"),
      country.as("country"),
      count(sql`${inWindow} and ${paid}`).as("window_paid"),
      count(sql`${inWindow} and ${failed}`).as("window_failed"),
      count(sql`not (${inWindow}) and ${paid}`).as("baseline_paid"),
      count(sql`not (${inWindow}) and ${failed}`).as("baseline_failed"),
    ])
    .where("created_at", ">=", baselineStart)
    .where("created_at", "<=", now.toISOString())
    .where("status", "in", [...PAID, "failed"])
    .groupBy([method, country])
    .execute();
  const subjects = new Map<string, SubjectAttempts>();
  for (const r of rows) {
    for (const [dimension, code] of [["method", r.method], ["country", r.country]] as const) {
      if (code === null) continue;
      const key = `${dimension}:${code}`;
      let s = subjects.get(key);
      if (!s) subjects.set(key, (s = { dimension, code, window: { paid: 0, failed: 0 }, baseline: { paid: 0, failed: 0 } }));
      s.window.paid += Number(r.window_paid);
      s.window.failed += Number(r.window_failed);
      s.baseline.paid += Number(r.baseline_paid);
      s.baseline.failed += Number(r.baseline_failed);
    }
  }
  return [...subjects.values()];
}

/** The hour of `now` (UTC), e.g. "2026-06-01T10": a subject's firing within the same hour has one key. */
export const hourBucket = (now: Date) => now.toISOString().slice(0, 13);

/** Subjects that already had this alert in the 24 h before `now` (at most one per subject per day). */
export async function subjectsAlertedSince(db: Kysely<Database>, topic: string, now: Date, hours = 24): Promise<Set<string>> {
  const rows = await db
    .selectFrom("alert_events")
    .select("subject")
    .where("topic", "=", topic)
    .where("detected_at", ">", new Date(now.getTime() - hours * 3_600_000).toISOString())
    .execute();
  return new Set(rows.map((r) => r.subject));
}

const percent = (value: number, locale: Locale) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(value);

/** The subject in the member's words: the method's name from the Codes messages, the country's from Intl. */
async function subjectName(dimension: SpikeDimension, code: string, locale: Locale): Promise<string> {
  if (dimension === "country") return countryName(code, locale);
  return codeLabel(await translatorFor(locale, "Codes"), "paymentMethod", code);
}

export function failureSpikeEvent(s: SubjectAttempts & { verdict: FailureSpikeVerdict }, rule: FailureSpikeRule, now: Date): AlertEvent {
  const subject = `${s.dimension}:${s.code}`;
  return {
    topic: "failure_spike",
    subject,
    dedupeKey: `failure_spike:${subject}:${hourBucket(now)}`,
    facts: {
      dimension: s.dimension,
      code: s.code,
      windowHours: rule.windowHours,
      baselineDays: rule.baselineDays,
      windowPaid: s.window.paid,
      windowFailed: s.window.failed,
      baselinePaid: s.baseline.paid,
      baselineFailed: s.baseline.failed,
    },
    // The Sales list filters failed sales by country; it has no method filter yet.
    path: s.dimension === "country" ? `/sales?status=failed&country=${encodeURIComponent(s.code)}` : "/sales?status=failed",
    permission: "sales:read",
    async words(locale) {
      const t = await translatorFor(locale, `Notifications.alerts.failure_spike`);
      const name = await subjectName(s.dimension, s.code, locale);
      return {
        title: t(s.dimension === "method" ? "titleMethod" : "titleCountry", { name }),
        body: t("body", {
          share: percent(s.verdict.windowShare, locale),
          failed: s.window.failed,
          attempts: s.verdict.attempts,
          hours: rule.windowHours,
          baseline: percent(s.verdict.baselineShare, locale),
          days: rule.baselineDays,
        }),
      };
    },
  };
}

/** The detector: every spiking method and country not already alerted in the last 24 h. */
export async function failureSpikeAlerts(db: Kysely<Database>, rule: FailureSpikeRule, now: Date): Promise<AlertEvent[]> {
  const subjects = await readSubjectAttempts(db, rule, now);
  const spikes = detectFailureSpikes(subjects, rule);
  if (spikes.length === 0) return [];
  const recent = await subjectsAlertedSince(db, "failure_spike", now);
  return spikes.filter((s) => !recent.has(`${s.dimension}:${s.code}`)).map((s) => failureSpikeEvent(s, rule, now));
}
