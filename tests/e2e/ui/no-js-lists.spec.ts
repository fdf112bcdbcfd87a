// Lists before JavaScript has loaded (issue 15): with JavaScript off, a merchant on a slow connection can
// already sort, page, filter and pick a period — the table's headers and pages are links, filters are GET
// forms — and every page's rows come in the server's HTML.
import { expect, test } from "@playwright/test";
import { storageStatePath } from "../support/e2e-env";

test.use({ storageState: storageStatePath("owner"), javaScriptEnabled: false, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test("Sales: sort, next page and a status filter without JavaScript", async ({ page }) => {
  await page.goto("/sales?size=25");
  const rows = page.getByTestId("sales-table").locator("tbody tr[data-row-id]");
  await expect(rows.first()).toBeVisible();

  // On a phone the rows are cards and the header row is hidden: sorting is a menu of links.
  await page.getByTestId("sort-menu").click();
  await page.getByTestId("phone-sort-amount-desc").click();
  await expect(page).toHaveURL(/sort=amount&dir=desc/);
  await expect(page.getByTestId("sort-menu")).toContainText("Payé");

  const firstOfPageOne = await rows.first().getAttribute("data-row-id");
  await page.getByTestId("page-next").click();
  await expect(page).toHaveURL(/page=2/);
  await expect(rows.first()).not.toHaveAttribute("data-row-id", firstOfPageOne!);

  // On a phone the filters not in use fold under one "+ Filtrer", so the sales come first; each opens
  // its own small GET form.
  await expect(page.getByTestId("filter-status-failed")).toBeHidden();
  await page.getByTestId("filters-toggle").click();
  await page.getByTestId("filter-open-status").click();
  await page.getByTestId("filter-status-failed").check();
  await page.getByTestId("filters-apply-status").click();
  await expect(page).toHaveURL(/status=failed/);
  await expect(page).toHaveURL(/sort=amount&dir=desc/);
  await expect(page).not.toHaveURL(/page=2/);
  const statuses = await page.getByTestId("sales-table").locator("tbody [data-status]").evaluateAll((els) => els.map((e) => e.getAttribute("data-status")));
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set(["failed"]));
  // The filter in use is a chip on one row (no wall of fields); its × is a link that removes it.
  await expect(page.getByTestId("filter-chip-status")).toContainText("Échouée");
  expect((await page.getByTestId("filter-chips").boundingBox())!.height).toBeLessThan(60);
  await page.getByTestId("filter-status-remove").click();
  await expect(page).not.toHaveURL(/status=/);
  await expect(page).toHaveURL(/sort=amount&dir=desc/);
  await expect(page.getByTestId("filter-chip-status")).toHaveCount(0);
});

test("Payouts and Recovery: a period preset and the next page without JavaScript", async ({ page }) => {
  await page.goto("/settlements");
  await page.getByTestId("date-preset-last90").click();
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
  await expect(page.getByTestId("date-preset-last90")).toHaveAttribute("aria-current", "true");

  await page.goto("/recovery?status=all");
  const leads = page.locator("tbody tr[data-row-id]");
  await expect(leads.first()).toBeVisible();
  const first = await leads.first().getAttribute("data-row-id");
  await page.getByTestId("page-next").first().click();
  await expect(page).toHaveURL(/page=2/);
  await expect(leads.first()).not.toHaveAttribute("data-row-id", first!);
});
