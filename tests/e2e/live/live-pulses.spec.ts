// A sale paid in the simulator reaches the Overview's Recent sales through a signed Pulse without a
// page reload, and Settings shows the delivery (and a test delivery) in the Pulse log.
import { expect, test } from "@playwright/test";
import { storageStatePath } from "../support/e2e-env";
import { createPaidSale, simControl } from "../support/simulator-control";

test.use({ storageState: storageStatePath("owner") });

test("a new sale appears live on the Overview, and its Pulse in the Settings log", async ({ page }) => {
  await page.goto("/overview");
  await expect(page.getByTestId("recent-sales-card")).toBeVisible();
  // A mark on the window survives client-side updates but not a reload.
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

  const sale = await createPaidSale();
  const row = page.locator(`[data-testid="recent-sales"] tr[data-row-id="${sale.id}"]`);
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row.locator("[data-status]")).toHaveAttribute("data-status", "completed");
  await expect(row).toContainText("Payée");
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true); // no reload: the island polled the mirror

  await simControl("POST", "/pulses/test");
  await page.getByRole("navigation").getByRole("link", { name: "Paramètres" }).click();
  const log = page.getByTestId("pulse-log");
  // Codes are data on the cells; the page reads words ("Vente réussie", "Traité").
  await expect(log.locator('tr:has([data-event="successful.sale"]):has([data-status="processed"])').first()).toContainText("Vente réussie");
  await expect(log.locator('tr:has([data-status="test"])').first()).toContainText("Test");
  await expect(page.getByTestId("pulse-url")).toHaveText(/\/api\/pulses$/);
  await expect(page.getByTestId("pulse-secrets")).toHaveText("tous les Pulses (un seul secret)");
  await expect(page.getByTestId("sync-backfill")).toBeVisible();
});
