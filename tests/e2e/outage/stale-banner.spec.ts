// Chariow down (every API call a 5xx, through the simulator's fault control): after "sync now" the shell
// shows the stale banner with the last successful sync, and the pages keep serving the mirror; once the
// API answers again, the next sync clears the banner without a reload. Runs after every other project
// (playwright.config.ts), so no other journey sees the outage.
import { expect, test } from "@playwright/test";
import { storageStatePath } from "../support/e2e-env";
import { simControl } from "../support/simulator-control";

test.use({ storageState: storageStatePath("owner") });

test("an upstream outage shows the stale banner while the pages serve the mirror, then clears", async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto("/sales");
  const rows = page.getByTestId("sales-table").locator("tbody tr[data-row-id]");
  await expect(rows.first()).toBeVisible();
  const before = await rows.count();
  await expect(page.getByTestId("stale-banner")).toHaveCount(0);

  await simControl("PUT", "/faults", { errorRate: 1 });
  try {
    await page.getByTestId("sync-now").click();
    const banner = page.getByTestId("stale-banner");
    await expect(banner).toBeVisible({ timeout: 120_000 });
    await expect(banner).toContainText("Chariow ne répond pas");
    await expect(banner).toContainText("Dernière mise à jour réussie");
    // The mirror still answers: the same page of sales after a reload.
    await page.reload();
    await expect(page.getByTestId("stale-banner")).toBeVisible();
    await expect(rows).toHaveCount(before);
    const status = (await (await page.request.get("/api/sync/status")).json()) as { freshness: { stale: boolean } };
    expect(status.freshness.stale).toBe(true);
  } finally {
    await simControl("PUT", "/faults", {});
  }
  // Chariow answers again: the next sync (asked for now) succeeds and the banner goes, without a reload.
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
  await page.getByTestId("sync-now").click();
  await expect(page.getByTestId("stale-banner")).toHaveCount(0, { timeout: 120_000 });
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});
