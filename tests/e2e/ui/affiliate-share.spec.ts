// Issue 21's "Done when" in Chromium: marketing creates a private page link for an affiliate on the
// Affiliates page; a fresh browser (no session) opens it and sees, for the same days, the affiliate's
// figures the Affiliates page's data has — per currency, to the minor unit — and not one customer's name
// or e-mail in the page's HTML; a sale through their code, paid on Chariow, shows within seconds; the link
// revoked, the page answers 404.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { storageStatePath } from "../support/e2e-env";
import { simControl } from "../support/simulator-control";
import { waitForBackfill } from "../support/sync";
import { auditPage, knownSnakeCodes } from "../pages/page-audit";

type Totals = { currency: string; sales: number; revenue: number; commission: number | null }[];
type Known = { affiliates: { code: string | null; totals: Totals; salesCount: number }[] };
type Sales = { sales: { customerEmail: string | null; customerName: string | null }[] };

/** An active affiliate of the demo store (simulator/catalog.ts AFFILIATES). */
const CODE = "AMINA15";
const digits = (text: string) => Number(text.replace(/\D/g, ""));

async function paidThroughCode(): Promise<void> {
  const { sale } = await simControl<{ sale: { id: string } }>("POST", "/checkouts", { affiliate_code: CODE });
  await simControl("POST", `/sales/${sale.id}/complete`); // its Pulse reaches the dashboard
}

async function apiTotals(request: APIRequestContext, period: string): Promise<{ totals: Totals; salesCount: number } | undefined> {
  const known = (await (await request.get(`/api/affiliates?${period}`)).json()) as Known;
  return known.affiliates.find((a) => a.code === CODE);
}

test.describe("marketing", () => {
  test.use({ storageState: storageStatePath("marketing"), locale: "fr-FR" });

  test("affiliate page link: created, opened without a session with the same figures and no customer data, live, revoked → 404", async ({ page, browser }) => {
    test.setTimeout(420_000);
    await waitForBackfill(page);
    // One of their sales paid today: the period (today, the demo store's days are UTC ones) has figures
    // whatever the backfill has read in detail so far.
    await paidThroughCode();
    const today = new Date().toISOString().slice(0, 10);
    const period = `from=${today}&to=${today}`;
    await expect.poll(async () => (await apiTotals(page.request, period))?.salesCount ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);

    await page.goto(`/affiliates?${period}`);
    await page.getByTestId("share-link-form").getByLabel("Affilié").selectOption(CODE);
    await page.getByTestId("share-link-create").click();
    const url = await page.getByTestId("share-link-url").inputValue();
    expect(url).toMatch(/\/a\/[A-Za-z0-9_-]{43}$/);
    await expect(page.getByTestId("share-links-table")).toContainText(CODE);

    // A visitor without a session, on a phone of their own.
    const visitor = await browser.newContext({ locale: "fr-FR", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      const v = await visitor.newPage();
      const opened = await v.goto(`${url}?${period}`);
      expect(opened?.status()).toBe(200);
      expect(opened?.headers()["x-robots-tag"]).toContain("noindex");
      // The same figures as the Affiliates page's data for the same day, read back to back (a live demo sale
      // through the code between the two reads would only mean reading both again).
      await expect(async () => {
        await v.reload();
        const expected = (await apiTotals(page.request, period))!.totals;
        await expect(v.locator("[data-testid^=affiliate-page-total-]")).toHaveCount(expected.length);
        for (const t of expected) {
          const card = v.getByTestId(`affiliate-page-total-${t.currency}`);
          expect(digits(await card.getByTestId("total-revenue").innerText()), `${t.currency} revenue`).toBe(t.revenue);
          expect(digits(await card.getByTestId("total-sales").innerText()), `${t.currency} sales`).toBe(t.sales);
          if (t.commission !== null) expect(digits(await card.getByTestId("total-commission").innerText()), `${t.currency} commission`).toBe(t.commission);
        }
      }).toPass({ timeout: 60_000 });

      // Readable and operable as every page is (tests/e2e/pages): light and dark.
      const codes = knownSnakeCodes();
      for (const colorScheme of ["light", "dark"] as const) {
        await v.emulateMedia({ colorScheme });
        await v.reload();
        expect(await auditPage(v, { touch: true, codes }), `affiliate page, ${colorScheme}`).toEqual({ overflow: 0, axe: [], smallTargets: [], overlaps: [], rawCodes: [] });
      }

      // No customer data: every customer name and e-mail of the recent sales, none in the HTML.
      const html = await v.content();
      const sales = (await (await page.request.get("/api/sales?size=100&sort=created_at&dir=desc")).json()) as Sales;
      const secrets = sales.sales.flatMap((s) => [s.customerEmail, s.customerName]).filter((x): x is string => !!x && x.length > 3);
      expect(secrets.length).toBeGreaterThan(10);
      for (const s of secrets) expect(html.includes(s), `customer data "${s}" in the page`).toBe(false);
      expect(html).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}/);

      // Live: another sale through the code shows on the open page within seconds.
      const paidSales = async () => {
        let n = 0;
        for (const el of await v.getByTestId("total-sales").all()) n += digits(await el.innerText());
        return n;
      };
      const before = await paidSales();
      await paidThroughCode();
      await expect.poll(async () => (await paidSales()) > before, { timeout: 30_000, intervals: [1_000] }).toBe(true);

      // English by the visitor's choice.
      await v.getByRole("link", { name: "English" }).click();
      await expect(v.getByTestId("affiliate-page")).toContainText("Paid sales");

      // Revoked: the same address is a 404.
      await page.getByRole("button", { name: new RegExp(`^Révoquer le lien de ${CODE}`) }).first().click();
      await expect(page.getByTestId("share-links-message")).toContainText("révoqué");
      const gone = await v.goto(`${url}?${period}`);
      expect(gone?.status()).toBe(404);
      await expect(v.getByTestId("affiliate-page")).toHaveCount(0);
    } finally {
      await visitor.close();
    }
  });
});
