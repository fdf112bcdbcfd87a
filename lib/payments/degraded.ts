// "Degraded now" (issue 20): the payment methods and buyer countries whose payments fail far more often over
// the last hours than over the days before — the very rule and settings of the failure-spike alert
// (lib/notifications/alerts/failure-spike.ts, docs/notifications.md), so the flag on the Overview and the
// Payments view and the alert a member receives can never disagree. Read from the sales of the window and
// the baseline (created_at index): hours, not the rollups' days.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { detectFailureSpikes, readSubjectAttempts } from "@/lib/notifications/alerts/failure-spike";
import { getStoreSettings } from "@/lib/notifications/store-settings";
import type { DegradedSubject } from "./schemas";

export async function degradedNow(db: Kysely<Database>, now: Date): Promise<DegradedSubject[]> {
  const rule = (await getStoreSettings(db)).failureSpike;
  const subjects = await readSubjectAttempts(db, rule, now);
  return detectFailureSpikes(subjects, rule)
    .map((s) => ({
      dimension: s.dimension,
      code: s.code,
      windowHours: rule.windowHours,
      baselineDays: rule.baselineDays,
      minAttempts: rule.minAttempts,
      risePoints: rule.risePoints,
      window: s.window,
      baseline: s.baseline,
      windowShare: s.verdict.windowShare,
      baselineShare: s.verdict.baselineShare,
    }))
    .sort((a, b) => b.windowShare - b.baselineShare - (a.windowShare - a.baselineShare) || a.code.localeCompare(b.code));
}
