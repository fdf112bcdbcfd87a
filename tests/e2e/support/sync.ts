// Waiting on the demo sync from the journeys: the backfill is bound by the simulator's rate limit (30
// requests a minute in e2e), and the journeys running beside it take interactive slots first, so how long
// it takes depends on what else runs — the bound is generous; a passing run returns as soon as it is done.
import { expect, type Page } from "@playwright/test";

/** Upper bound for the demo backfill, seen between ~70 s alone and ~170 s beside the affiliate journeys. */
export const BACKFILL_TIMEOUT_MS = 300_000;

/** Resolves once /api/sync/status says the history backfill is done (figures stop moving under a test). */
export async function waitForBackfill(page: Page): Promise<void> {
  await expect(async () => {
    const res = await page.request.get("/api/sync/status");
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { freshness: { backfill: { done: boolean } } };
    expect(body.freshness.backfill.done).toBe(true);
  }).toPass({ timeout: BACKFILL_TIMEOUT_MS, intervals: [1_000] });
}
