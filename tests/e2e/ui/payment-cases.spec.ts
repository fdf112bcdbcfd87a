// A "charged but the sale failed" case in Chromium (issue 20 "Done when"), as customer service on a phone:
// open it from a failed sale's page, see it listed, move it to "sent to Chariow", download its summary as
// text (every fact Chariow's support asks for) and as PDF; the sale's page then links to the case.
import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { storageStatePath } from "../support/e2e-env";
import { waitForBackfill } from "../support/sync";
import { auditPage, knownSnakeCodes } from "../pages/page-audit";

test.describe("support", () => {
  test.use({ storageState: storageStatePath("support"), locale: "fr-FR", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("payment case: opened from a failed sale, sent to Chariow, summary downloaded as text and PDF", async ({ page }) => {
    test.setTimeout(420_000);
    await waitForBackfill(page);
    const list = (await (await page.request.get("/api/sales?status=failed&size=25&sort=created_at&dir=desc")).json()) as { sales: { id: string }[] };
    const sale = list.sales[0];
    expect(sale, "a failed sale in the demo store").toBeTruthy();

    await page.goto(`/sales/${encodeURIComponent(sale!.id)}`);
    await page.getByTestId("open-case").locator("summary").click();
    const form = page.getByTestId("open-case-form");
    await form.getByLabel("Référence opérateur").fill("MP240601.1432.C81234");
    await form.getByLabel("Montant débité").fill("5000");
    const today = new Date().toISOString().slice(0, 10);
    await form.getByLabel("Jour du débit").fill(today);
    await page.getByTestId("open-case-submit").click();
    await expect(page).toHaveURL(/\/payments\/cases\/[^/?]+$/);
    const caseId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
    await expect(page.getByTestId("payment-case")).toHaveAttribute("data-status", "open");
    // The case page as the every-page audit checks pages (it has no case to visit): light and dark.
    const codes = knownSnakeCodes();
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await page.reload();
      expect(await auditPage(page, { touch: true, codes }), `case page, ${colorScheme}`).toEqual({ overflow: 0, axe: [], smallTargets: [], overlaps: [], rawCodes: [] });
    }

    await page.getByTestId("case-move-sent").click();
    await expect(page.getByTestId("payment-case")).toHaveAttribute("data-status", "sent");

    const textDownload = page.waitForEvent("download");
    await page.getByTestId("case-summary-text").click();
    const text = readFileSync((await (await textDownload).path())!, "utf8");
    expect(text).toContain(sale!.id);
    expect(text).toContain("MP240601.1432.C81234");
    expect(text).toContain(caseId);

    const pdfDownload = page.waitForEvent("download");
    await page.getByTestId("case-summary-pdf").click();
    const pdf = await pdfDownload;
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    expect(readFileSync((await pdf.path())!).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    // Listed, and the sale now points to its case instead of offering a second one.
    await page.goto("/payments/cases");
    await expect(page.getByText(sale!.id).first()).toBeVisible();
    await page.goto(`/sales/${encodeURIComponent(sale!.id)}`);
    await expect(page.getByTestId("sale-case-link")).toBeVisible();
    await expect(page.getByTestId("open-case")).toHaveCount(0);
  });
});
