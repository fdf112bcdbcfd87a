// The Sales journeys of issue 6 in Chromium: filter and sort (state in the URL), reopen the view from a
// bookmark and from a saved view, open a sale, export the filter as CSV and check the file; support sees
// sales but gets no export button (and the API refuses it).
import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { readFileSync } from "node:fs";
import { storageStatePath } from "../support/e2e-env";
import { waitForBackfill } from "../support/sync";

type ApiSales = { sales: { id: string; status: string; amount: { minor: number; currency: string } | null }[]; hasMore: boolean; totals: { count: number } };

/** Every sale id of a query, read through the API page by page. */
async function allIds(page: Page, query: string): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 1; ; n++) {
    const body = (await (await page.request.get(`/api/sales?${query}&size=200&page=${n}`)).json()) as ApiSales;
    ids.push(...body.sales.map((s) => s.id));
    if (!body.hasMore) return ids;
  }
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

test.describe("owner", () => {
  test.use({ storageState: storageStatePath("owner") });

  test("filter, sort, bookmark, saved view, sale detail and CSV export", async ({ page, context }) => {
    test.setTimeout(420_000);
    await waitForBackfill(page);
    await page.goto("/sales");
    await expect(page.getByTestId("sales-table").locator("tbody tr[data-row-id]").first()).toBeVisible();

    // Filter: failed sales in XOF, created up to 30 days ago (live demo activity cannot change that set).
    const to = daysAgo(30);
    // Each filter opens from its "+ Statut", "+ Devise"… and applies at once; once in use it is a chip.
    await page.getByTestId("filter-open-status").click();
    await page.getByTestId("filter-status-failed").check();
    await expect(page).toHaveURL(/status=failed/);
    await expect(page.getByTestId("filter-chip-status")).toContainText("Échouée");
    await page.getByTestId("filter-open-currency").click();
    await page.getByTestId("filter-currency").selectOption("XOF");
    await expect(page).toHaveURL(/currency=XOF/);
    await page.getByTestId("filter-open-date").click();
    await page.getByTestId("filter-to").fill(to);
    await expect(page).toHaveURL(new RegExp(`to=${to}`));
    // Sort by paid amount, largest first.
    await page.getByTestId("sort-amount").click();
    await expect(page).toHaveURL(/sort=amount&dir=desc|dir=desc.*sort=amount|sort=amount.*dir=desc/);
    await expect(page.getByRole("columnheader", { name: /Payé/ })).toHaveAttribute("aria-sort", "descending");

    const query = `status=failed&currency=XOF&to=${to}&sort=amount&dir=desc`;
    const api = (await (await page.request.get(`/api/sales?${query}&size=50&page=1`)).json()) as ApiSales;
    expect(api.totals.count).toBeGreaterThan(10);
    for (const s of api.sales) expect([s.status, s.amount?.currency]).toEqual(["failed", "XOF"]);
    const amounts = api.sales.map((s) => s.amount!.minor);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    const rows = page.getByTestId("sales-table").locator("tbody tr[data-row-id]");
    await expect(rows).toHaveCount(Math.min(50, api.totals.count));
    await expect(rows.first()).toHaveAttribute("data-row-id", api.sales[0].id);
    await expect(page.getByTestId("sales-count")).toHaveText(api.totals.count.toLocaleString("fr-FR"));

    // A bookmark (the URL alone) restores the same view in a new tab.
    const bookmark = page.url();
    const tab = await context.newPage();
    await tab.goto(bookmark);
    await expect(tab.getByTestId("filter-chip-status")).toContainText("Échouée");
    await expect(tab.getByTestId("filter-status-failed")).toBeChecked();
    await expect(tab.getByTestId("filter-chip-currency")).toContainText("XOF");
    await expect(tab.getByTestId("filter-currency")).toHaveValue("XOF");
    await expect(tab.getByTestId("filter-to")).toHaveValue(to);
    await expect(tab.getByRole("columnheader", { name: /Payé/ })).toHaveAttribute("aria-sort", "descending");
    await expect(tab.getByTestId("sales-table").locator("tbody tr[data-row-id]").first()).toHaveAttribute("data-row-id", api.sales[0].id);
    await tab.close();

    // Save the view, leave, and reopen it from the saved views menu.
    const viewName = `XOF échouées ${Date.now()}`;
    await page.getByTestId("saved-views").locator("summary").click();
    await page.getByTestId("saved-view-name").fill(viewName);
    await page.getByTestId("saved-view-save").click();
    await expect(page.getByTestId("saved-view-link").filter({ hasText: viewName })).toBeVisible();
    await page.goto("/sales");
    await expect(page.getByTestId("filter-chip-status")).toHaveCount(0);
    await page.getByTestId("saved-views").locator("summary").click();
    await page.getByTestId("saved-view-link").filter({ hasText: viewName }).click();
    await expect(page).toHaveURL(/status=failed/);
    await expect(page.getByTestId("filter-currency")).toHaveValue("XOF");
    await expect(page.getByTestId("sales-table").locator("tbody tr[data-row-id]").first()).toHaveAttribute("data-row-id", api.sales[0].id);

    // Download the export of this view and check its content against the API's answer.
    const downloadPromise = page.waitForEvent("download");
    await page.getByTestId("export-button").click();
    const download = await downloadPromise;
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes.toString("utf8"), { bom: true, delimiter: ";" }) as string[][];
    const [header, ...data] = records;
    expect(header[0]).toBe("Référence");
    expect(header[1]).toMatch(/^Créée le \(.+\)$/);
    const idx = { status: header.indexOf("Statut"), currency: header.indexOf("Devise"), paid: header.indexOf("Payé") };
    expect(data).toHaveLength(api.totals.count);
    expect(data.map((r) => r[0]).sort()).toEqual((await allIds(page, query)).sort());
    for (const r of data) {
      expect(r[idx.status]).toBe("failed");
      expect(r[idx.currency]).toBe("XOF");
      expect(r[idx.paid]).toMatch(/^\d+$/); // XOF has no decimals
    }
    const top = data.find((r) => r[0] === api.sales[0].id)!;
    expect(Number(top[idx.paid])).toBe(api.sales[0].amount!.minor);

    // Open a sale from the keyboard: focus the first row, Enter.
    await rows.first().focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/sales/${api.sales[0].id}$`));
    const detail = page.getByTestId("sale-detail");
    await expect(detail).toBeVisible({ timeout: 20_000 });
    // At 10 requests a minute the sync may have spent this minute's budget: then the page shows the
    // mirror's copy and says so, and a reload once the window resets reads it live (interactive first).
    if ((await detail.getAttribute("data-source")) === "mirror") await expect(page.getByTestId("sale-notice")).toBeVisible();
    await expect(async () => {
      if ((await detail.getAttribute("data-source")) !== "live") await page.reload();
      await expect(detail).toHaveAttribute("data-source", "live", { timeout: 1_000 });
    }).toPass({ timeout: 150_000, intervals: [5_000] });
    await expect(page.getByTestId("sale-notice")).toHaveCount(0);
    await expect(page.getByTestId("sale-timeline")).toContainText("Échouée");
    await expect(page.getByTestId("payment-failure")).not.toHaveText("—");
    await expect(page.getByTestId("open-in-chariow")).toHaveAttribute("href", new RegExp(`/sales/${api.sales[0].id}$`));
  });
});

test.describe("support", () => {
  test.use({ storageState: storageStatePath("support") });

  test("sees sales and a sale, but no export button, and the export API answers 403", async ({ page }) => {
    await page.goto("/sales");
    await expect(page.getByTestId("sales-table")).toBeVisible();
    // Totals: how many sales were paid per currency, not how much (settlements:read).
    await expect(page.getByTestId("sales-totals").locator("[data-minor]")).toHaveCount(0);
    await expect(page.getByTestId("sales-table").locator("tbody tr[data-row-id]").first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("export-button")).toHaveCount(0);
    const res = await page.request.get("/api/sales/export.csv");
    expect(res.status()).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    await page.getByTestId("sales-table").locator("tbody tr[data-row-id]").first().getByTestId("sale-link").click();
    // Live when the API budget allows, else the mirror's copy, which must then say so.
    const detail = page.getByTestId("sale-detail");
    await expect(detail).toBeVisible({ timeout: 20_000 });
    if ((await detail.getAttribute("data-source")) === "mirror") await expect(page.getByTestId("sale-notice")).toBeVisible();
    await expect(page.getByTestId("sale-amounts")).toBeVisible();
    // What the customer paid, not what the store nets or when it is paid out (settlements:read).
    await expect(page.getByTestId("amount-paid")).toBeVisible();
    await expect(page.getByTestId("amount-net")).toHaveCount(0);
    await expect(page.getByTestId("sale-settlement")).toHaveCount(0);
  });
});
