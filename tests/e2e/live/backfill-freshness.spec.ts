// Demo mode from a fresh database: the shell's freshness slot shows the history backfill in progress
// (a progress bar with an estimate) until it completes, then "synced … ago", the settlement coverage and
// the API budget; owners get "sync now", marketing does not.
import { expect, test } from "@playwright/test";
import { storageStatePath } from "../support/e2e-env";
import { BACKFILL_TIMEOUT_MS } from "../support/sync";

test.use({ storageState: storageStatePath("owner") });

test("the freshness slot shows the backfill progress to completion", async ({ page }) => {
  test.setTimeout(BACKFILL_TIMEOUT_MS + 30_000);
  await page.goto("/overview");
  const slot = page.getByTestId("freshness");
  await expect(slot).toBeVisible();
  // A mark on the window survives client-side updates but not a reload.
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
  const seen: number[] = [];
  // Poll the live slot (no reload): record every progress value until the history is complete.
  await expect(async () => {
    const bar = slot.getByRole("progressbar");
    if (await bar.count()) seen.push(Number(await bar.getAttribute("aria-valuenow")));
    await expect(slot).toHaveAttribute("data-history", "complete", { timeout: 500 });
  }).toPass({ timeout: BACKFILL_TIMEOUT_MS, intervals: [500] });
  test.info().annotations.push({ type: "backfill progress seen", description: seen.join(",") });
  // This project starts while the demo backfill runs (playwright.config.ts): the bar was seen
  // part-way, and the page was never reloaded to get from there to "complete".
  expect(seen.some((v) => v < 100)).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  await expect(page.getByTestId("freshness-last")).toContainText("Mis à jour");
  await expect(slot.getByRole("progressbar")).toHaveCount(0);
  // Merchant words only in the top bar: the budget and the detail coverage moved to Settings.
  await expect(slot).not.toContainText(/API|Budget|Versement connu/);
  await expect(page.getByTestId("sync-now")).toBeVisible();
  // The Overview's recent sales come from the mirror the backfill filled.
  await expect(page.getByTestId("recent-sales").locator("tbody tr")).toHaveCount(10);
});

test.describe("without settings:manage", () => {
  test.use({ storageState: storageStatePath("marketing") });
  test("marketing sees the freshness but no sync-now button", async ({ page }) => {
    await page.goto("/overview");
    await expect(page.getByTestId("freshness")).toBeVisible();
    await expect(page.getByTestId("sync-now")).toHaveCount(0);
  });
});
