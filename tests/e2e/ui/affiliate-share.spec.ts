// Issue 21's "Done when" in Chromium: marketing creates a private page link for an affiliate on the
// Affiliates page; a fresh browser (no session) opens it and sees, for the same days, the affiliate's
// figures the Affiliates page's data has — per currency, to the minor unit — and not one customer's name
// or e-mail in the page's HTML; the link revoked, the page answers 404.
import { expect, test } from "@playwright/test";
import { storageStatePath } from "../support/e2e-env";
import { waitForBackfill } from "../support/sync";

type Known = { affiliates: { code: string | null; totals: { currency: string; sales: number; revenue: number; commission: number | null }[]; salesCount: number }[] };
type Sales = { sales: { customerEmail: string | null; customerName: string | null }[] };

const digits = (text: string) => Number(text.replace(/\D/g, ""));

test.describe("marketing", () => {
  test.use({ storageState: storageStatePath("marketing"), locale: "fr-FR" });

  test("affiliate page link: created, opened without a session with the same figures and no customer data, revoked → 404", async ({ page, browser }) => {
    test.setTimeout(420_000);
    await waitForBackfill(page);
    // A closed period: the 90 days up to yesterday (live demo sales of today cannot move it).
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const from = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
    const period = `from=${from}&to=${yesterday}`;
    const known = (await (await page.request.get(`/api/affiliates?${period}`)).json()) as Known;
    const affiliate = known.affiliates.find((a) => a.code !== null && a.salesCount > 0);
    expect(affiliate, "an affiliate with a code and paid sales in the demo store").toBeTruthy();
    const code = affiliate!.code!;

    await page.goto(`/affiliates?${period}`);
    const form = page.getByTestId("share-link-form");
    await form.getByLabel("Affilié").selectOption(code);
    await page.getByTestId("share-link-create").click();
    const url = await page.getByTestId("share-link-url").inputValue();
    expect(url).toMatch(/\/a\/[A-Za-z0-9_-]{43}$/);
    await expect(page.getByTestId("share-links-table")).toContainText(code);

    // A visitor without a session, in a browser of their own.
    const visitor = await browser.newContext({ locale: "fr-FR" });
    try {
      const v = await visitor.newPage();
      const opened = await v.goto(`${url}?${period}`);
      expect(opened?.status()).toBe(200);
      expect(opened?.headers()["x-robots-tag"]).toContain("noindex");
      await expect(v.getByTestId("affiliate-page")).toBeVisible();
      for (const t of affiliate!.totals) {
        const card = v.getByTestId(`affiliate-page-total-${t.currency}`);
        expect(digits(await card.getByTestId("total-revenue").innerText()), `${t.currency} revenue`).toBe(t.revenue);
        expect(digits(await card.getByTestId("total-sales").innerText()), `${t.currency} sales`).toBe(t.sales);
        if (t.commission !== null) expect(digits(await card.getByTestId("total-commission").innerText()), `${t.currency} commission`).toBe(t.commission);
      }
      await expect(v.locator("[data-testid^=affiliate-page-total-]")).toHaveCount(affiliate!.totals.length);

      // No customer data: every customer name and e-mail of the recent sales, none in the HTML.
      const html = await v.content();
      const sales = (await (await page.request.get("/api/sales?size=100&sort=created_at&dir=desc")).json()) as Sales;
      const secrets = sales.sales.flatMap((s) => [s.customerEmail, s.customerName]).filter((x): x is string => !!x && x.length > 3);
      expect(secrets.length).toBeGreaterThan(10);
      for (const s of secrets) expect(html.includes(s), `customer data "${s}" in the page`).toBe(false);
      expect(html).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}/);

      // English by the visitor's choice.
      await v.getByRole("link", { name: "English" }).click();
      await expect(v.getByTestId("affiliate-page")).toContainText("Paid sales");

      // Revoked: the same address is a 404.
      await page.getByRole("button", { name: new RegExp(`^Révoquer le lien de ${code}`) }).first().click();
      await expect(page.getByTestId("share-links-message")).toContainText("révoqué");
      const gone = await v.goto(`${url}?${period}`);
      expect(gone?.status()).toBe(404);
      await expect(v.getByTestId("affiliate-page")).toHaveCount(0);
    } finally {
      await visitor.close();
    }
  });
});
