// The Payments view of issue 20 in Chromium, on a desktop and on a 390×844 phone: its figures are the API's
// for the same closed range (success rate, value lost, one row per method), the CSV has the method ×
// country rows whose attempts add up to the total, a method picked from its table becomes the series'
// subject, and the page never scrolls sideways on the phone. Support cannot open it.
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { readFileSync } from "node:fs";
import { storageStatePath } from "../support/e2e-env";
import { waitForBackfill } from "../support/sync";

type Report = {
  currency: string | null;
  total: { successRate: number | null; attempts: number; valueLost: number };
  methods: { method: string }[];
  rows: { method: string; country: string; attempts: number }[];
  coverage: { checkouts: number; methodKnown: number; countryKnown: number };
};

const QUERY = "range=lastMonth&compare=previous";
const frPercent = (v: number) => new Intl.NumberFormat("fr", { style: "percent", maximumFractionDigits: 1 }).format(v);
const digits = (text: string) => Number(text.replace(/\D/g, ""));

test.describe("owner", () => {
  test.use({ storageState: storageStatePath("owner"), locale: "fr-FR" });

  test("payments: the view on desktop and phone equals the API; CSV; a method as the series' subject", async ({ page }) => {
    test.setTimeout(420_000);
    await waitForBackfill(page);
    const res = await page.request.get(`/api/payments?${QUERY}`);
    expect(res.status()).toBe(200);
    const report = (await res.json()) as Report;
    expect(report.currency).not.toBeNull();
    expect(report.total.attempts).toBeGreaterThan(0);

    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(viewport);
      await page.goto(`/payments?${QUERY}`);
      await expect(page.getByTestId("payments-summary")).toBeVisible();
      await expect(page.getByTestId("payments-success-rate")).toHaveText(frPercent(report.total.successRate!));
      expect(digits(await page.getByTestId("payments-value-lost").innerText())).toBe(report.total.valueLost);
      await expect(page.getByTestId("payments-coverage")).toContainText(String(report.coverage.checkouts));
      for (const id of ["payments-series", "payments-methods", "payments-countries", "payments-pairs", "payments-failures", "payments-mix"]) await expect(page.getByTestId(id)).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow at ${viewport.width} px`).toBeLessThanOrEqual(0);
    }

    // Desktop: one row per method, the CSV of method × country.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/payments?${QUERY}`);
    await expect(page.getByTestId("payments-methods-table").locator("tbody tr")).toHaveCount(report.methods.length);
    const downloadPromise = page.waitForEvent("download");
    await page.getByTestId("payments-pairs").getByTestId("export-button").click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^payments-[A-Z]{3}-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await download.path())!, "utf8");
    const records = parse(text.slice(1), { delimiter: ";" }) as string[][]; // French: Excel (French)
    expect(records[0]?.slice(0, 6)).toEqual(["Code du moyen de paiement", "Moyen de paiement", "Type", "Code pays", "Pays", "Paiements tentés"]);
    expect(records.length - 1).toBe(report.rows.length);
    expect(records.slice(1).reduce((s, r) => s + Number(r[5]), 0)).toBe(report.total.attempts);

    // A method from its table: the series is about it, and "all payments" comes back with one link.
    const firstMethod = page.getByTestId("payments-methods-table").locator("tbody tr").first().getByRole("link");
    const name = (await firstMethod.innerText()).trim();
    await firstMethod.click();
    await expect(page).toHaveURL(new RegExp(`method=${encodeURIComponent(report.methods[0]!.method)}`));
    await expect(page.getByTestId("payments-series-subject")).toHaveText(name);
    await page.getByRole("link", { name: "Voir tous les paiements" }).click();
    await expect(page.getByTestId("payments-series-subject")).toHaveText("Tous les paiements");
  });
});

test.describe("support", () => {
  test.use({ storageState: storageStatePath("support") });

  test("payments: support cannot open the view nor its API", async ({ page }) => {
    expect((await page.request.get("/api/payments")).status()).toBe(403);
    expect((await page.request.get("/api/payments/export.csv")).status()).toBe(403);
    const response = await page.goto("/payments");
    expect(response?.status()).toBe(403);
  });
});
