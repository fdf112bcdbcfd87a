// The Overview and Revenue journeys of issue 5 in Chromium: pick a preset, toggle the comparison, switch
// currency and interval, switch language — the figures follow the API for the same range and the labels
// and money formats follow the language; a screenshot of the Overview in each language is kept as an
// artefact. Revenue: breakdown tables and a CSV download; support cannot open either page.
import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { readFileSync } from "node:fs";
import { storageStatePath } from "../support/e2e-env";
import { waitForBackfill } from "../support/sync";
import { switchLanguage } from "../support/ui";

type ApiOverview = {
  range: { from: string; to: string; interval: string; compare: { from: string; to: string } | null };
  currencies: string[];
  byCurrency: { currency: string; kpis: { paidCount: number; attempts: number }; series: unknown[]; changes: Record<string, number | null> | null }[];
};

async function apiOverview(page: Page, query: string): Promise<ApiOverview> {
  const res = await page.request.get(`/api/analytics/overview?${query}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as ApiOverview;
}

/** Digits of a formatted integer ("1 234" / "1,234" → 1234). */
const digits = (text: string) => Number(text.replace(/\D/g, ""));

test.describe("owner", () => {
  test.use({ storageState: storageStatePath("owner") });

  test("overview: preset, comparison, currency, interval and language", async ({ page }, testInfo) => {
    test.setTimeout(420_000);
    await waitForBackfill(page);
    await page.goto("/overview");
    await expect(page.getByTestId("kpi-cards")).toBeVisible();
    await expect(page.getByTestId("kpi-paid-revenue")).toContainText("Chiffre d’affaires payé");
    await expect(page.getByTestId("recent-sales-card")).toBeVisible(); // the live panel stays

    // Preset: last month (closed, so live demo activity cannot move it).
    await page.getByTestId("range-preset").selectOption("lastMonth");
    await expect(page).toHaveURL(/range=lastMonth/);
    const last = await apiOverview(page, "range=lastMonth");
    await expect(page.getByTestId("range-summary")).toContainText(`${last.range.from} – ${last.range.to}`);
    const first = last.byCurrency[0]!;
    await expect(page.getByTestId("kpi-cards")).toHaveAttribute("data-currency", first.currency);
    await expect.poll(async () => digits(await page.getByTestId("kpi-paid-count-value").innerText())).toBe(first.kpis.paidCount);
    await expect(page.getByTestId("kpi-paid-revenue-change")).toHaveCount(0);

    // Comparison with the previous period: every card gets its change, the summary names the period.
    await page.getByTestId("range-compare").selectOption("previous");
    await expect(page).toHaveURL(/compare=previous/);
    const compared = await apiOverview(page, "range=lastMonth&compare=previous");
    await expect(page.getByTestId("range-summary")).toContainText(`comparé au ${compared.range.compare!.from} – ${compared.range.compare!.to}`);
    await expect(page.getByTestId("kpi-paid-revenue-change")).toContainText("vs comparaison");

    // Currency: another one the store sells in; amounts in its own format.
    expect(compared.currencies.length).toBeGreaterThan(1);
    const eur = compared.currencies.includes("EUR") ? "EUR" : compared.currencies[1]!;
    await page.getByTestId("currency-switch").getByRole("button", { name: eur }).click();
    await expect(page).toHaveURL(new RegExp(`currency=${eur}`));
    await expect(page.getByTestId("kpi-cards")).toHaveAttribute("data-currency", eur);
    const eurKpis = compared.byCurrency.find((c) => c.currency === eur)!.kpis;
    await expect.poll(async () => digits(await page.getByTestId("kpi-paid-count-value").innerText())).toBe(eurKpis.paidCount);
    if (eur === "EUR") await expect(page.getByTestId("kpi-paid-revenue-value")).toHaveText(/^[\d\s\u202f\u00a0]+,\d{2}\s€$/);

    // Interval: weeks instead of days; the chart's table has one row per week bucket.
    await page.getByTestId("range-interval").selectOption("week");
    await expect(page).toHaveURL(/interval=week/);
    const weekly = await apiOverview(page, `range=lastMonth&compare=previous&interval=week&currency=${eur}`);
    expect(weekly.range.interval).toBe("week");
    const weeks = weekly.byCurrency.find((c) => c.currency === eur)!.series.length;
    await expect(page.getByTestId("revenue-series-table").locator("tbody tr")).toHaveCount(weeks);
    await expect(page.getByTestId("revenue-chart-card")).toContainText("Chiffre d’affaires par semaine");
    // The chart is keyboard-reachable: focus it, arrow to a point, its tooltip shows.
    const chart = page.getByTestId("revenue-chart").getByRole("application");
    await chart.focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByTestId("revenue-chart").locator(".recharts-tooltip-wrapper")).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("overview-fr.png"), fullPage: true });
    await testInfo.attach("overview-fr", { path: testInfo.outputPath("overview-fr.png"), contentType: "image/png" });

    // Language: English labels, the same numbers, XOF as "XOF 4,900" (told apart from XAF).
    await switchLanguage(page, "en");
    await expect(page.getByTestId("kpi-paid-revenue")).toContainText("Paid revenue");
    await expect(page.getByTestId("revenue-chart-card")).toContainText("Revenue by week");
    await expect(page.getByTestId("kpi-paid-revenue-change")).toContainText("vs comparison");
    await expect.poll(async () => digits(await page.getByTestId("kpi-paid-count-value").innerText())).toBe(eurKpis.paidCount);
    if (eur === "EUR") await expect(page.getByTestId("kpi-paid-revenue-value")).toHaveText(/^€[\d,]+\.\d{2}$/);
    if (compared.currencies.includes("XOF")) {
      await page.getByTestId("currency-switch").getByRole("button", { name: "XOF" }).click();
      await expect(page.getByTestId("kpi-paid-revenue-value")).toHaveText(/^XOF\s[\d,]+$/);
    }
    await page.screenshot({ path: testInfo.outputPath("overview-en.png"), fullPage: true });
    await testInfo.attach("overview-en", { path: testInfo.outputPath("overview-en.png"), contentType: "image/png" });
    await switchLanguage(page, "fr");
  });

  test("revenue: breakdowns with coverage, and a CSV download of one", async ({ page }) => {
    test.setTimeout(420_000);
    await waitForBackfill(page);
    await page.goto("/revenue?range=lastMonth");
    await expect(page.getByTestId("breakdown-product")).toBeVisible();
    for (const d of ["channel", "discount", "campaign", "country", "payment_method", "payment_gateway"]) await expect(page.getByTestId(`breakdown-card-${d}`)).toBeVisible();
    await expect(page.getByTestId("coverage-channel")).toContainText("ventes payées sur");
    await expect(page.getByTestId("coverage-payment_gateway")).toContainText("ventes payées sur");
    await expect(page.getByTestId("breakdown-customers")).toBeVisible();
    await expect(page.getByTestId("customer-split-chart")).toBeVisible();

    const rows = await page.getByTestId("breakdown-product").locator("tbody tr").count();
    expect(rows).toBeGreaterThan(0);
    const downloadPromise = page.waitForEvent("download");
    await page.getByTestId("export-product").click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^revenue-product-[A-Z]{3}-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await download.path())!, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const records = parse(text.slice(1), { delimiter: ";" }) as string[][]; // French users get Excel (French)
    // Header in the member's language (French here), columns in the documented order.
    expect(records[0]).toEqual(["ID produit", "Nom", "Ventes payées", "Chiffre d’affaires", "Remise accordée", "Remise moyenne", "Tentatives", "Part du chiffre d’affaires", "Devise"]);
    expect(records.length - 1).toBe(rows);
    const csvPaid = records.slice(1).reduce((s, r) => s + Number(r[2]), 0);
    const tablePaid = (await page.getByTestId("breakdown-product").locator("tbody tr td:nth-of-type(1)").allInnerTexts()).reduce((s, t) => s + digits(t), 0);
    expect(csvPaid).toBe(tablePaid);

    // The export is in the audit log with its row count.
    await expect
      .poll(async () => {
        const audit = (await (await page.request.get("/api/audit?action=analytics.export")).json()) as { entries: { details: { rows: number } | null }[] };
        return audit.entries[0]?.details?.rows;
      })
      .toBe(rows);
  });

  test("a currency asked in the URL without sales in the range is said to have none, never replaced by another", async ({ page }) => {
    test.setTimeout(420_000);
    await waitForBackfill(page);
    for (const path of ["/overview", "/revenue"]) {
      await page.goto(`${path}?range=last30&currency=GBP`);
      await expect(page.getByTestId("analytics-empty-currency")).toContainText("Aucune vente en GBP sur cette période.");
      await expect(page.getByTestId("kpi-cards")).toHaveCount(0);
      // The switch still leads to the currencies that have sales.
      await expect(page.getByTestId("currency-switch").getByRole("button").first()).toBeVisible();
    }
  });
});

test.describe("support", () => {
  test.use({ storageState: storageStatePath("support") });

  test("cannot open the overview or revenue, and the API refuses", async ({ page }) => {
    for (const path of ["/overview", "/revenue"]) {
      await page.goto(path);
      await expect(page.getByTestId("forbidden")).toBeVisible();
    }
    expect((await page.request.get("/api/analytics/overview")).status()).toBe(403);
    expect((await page.request.get("/api/analytics/revenue/product/export.csv?currency=XOF")).status()).toBe(403);
  });
});

test.describe("marketing", () => {
  test.use({ storageState: storageStatePath("marketing") });

  test("reads and exports analytics; a malformed range is a 400 naming the field", async ({ page, playwright, baseURL }) => {
    const overview = await page.request.get("/api/analytics/overview?range=last7&compare=year");
    expect(overview.status()).toBe(200);
    const body = (await overview.json()) as ApiOverview;
    expect(body.range.compare).not.toBeNull();
    const csv = await page.request.get(`/api/analytics/revenue/customers/export.csv?range=last7&currency=${body.currencies[0] ?? "XOF"}&preset=standard`);
    expect(csv.status()).toBe(200);
    // No language chosen: French, the default (header in French; `preset=standard` still gives `,`).
    expect((await csv.text()).split("\r\n")[0]).toBe("\uFEFFType de client,Clients,Ventes payées,Chiffre d’affaires,Devise");
    const bad = await page.request.get("/api/analytics/overview?range=custom&from=2026-03-10&to=2026-03-01");
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe("from");
    // An empty storage state: a new request context would otherwise inherit this describe block's session.
    const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    expect((await anonymous.get("/api/analytics/overview")).status()).toBe(401);
    await anonymous.dispose();
  });
});
