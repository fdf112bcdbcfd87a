// Licences journey in Chromium: a licence sale completed in the simulator arrives by Pulse (license.issued)
// on /licences with its key masked; the owner reveals it, and the reveal is in the audit log (API and
// Team page). Support sees the same list and can reveal, but is offered no CSV export.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { demoAccount, storageStatePath } from "../support/e2e-env";
import { simControl } from "../support/simulator-control";

type Audit = { entries: { action: string; target: string | null; actorEmail: string | null }[] };

// A licence product of the simulator's catalogue (the Pulse tests use it too).
const LICENCE_PRODUCT = "prd_8ne3wd7gs2";

/**
 * A licence sale completed in the simulator, then /licences searched for that sale until its licence
 * (issued by Pulse) is listed: the row of that licence (the list is paged, so it is found by its sale).
 */
async function licenceRowOfNewSale(page: Page): Promise<Locator> {
  const { sale } = await simControl<{ sale: { id: string } }>("POST", "/checkouts", { product_id: LICENCE_PRODUCT });
  await simControl("POST", `/sales/${sale.id}/complete`);
  const row = page.getByTestId("licences-table").locator("tbody tr[data-row-id]").filter({ hasText: sale.id });
  await expect(async () => {
    await page.goto(`/licences?q=${encodeURIComponent(sale.id)}`);
    await expect(row).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000, intervals: [1_000] });
  return row;
}

test.describe("owner", () => {
  test.use({ storageState: storageStatePath("owner") });

  test("reveal a masked licence key, then find the reveal in the audit log", async ({ page }) => {
    test.setTimeout(120_000);
    const row = await licenceRowOfNewSale(page);
    await expect(row).toContainText("••••");
    await expect(row.getByTestId("licence-key")).toHaveCount(0);
    const licenceId = await row.getAttribute("data-row-id");
    expect(licenceId).toBeTruthy();

    await row.getByRole("button", { name: "Afficher" }).click();
    const key = row.getByTestId("licence-key");
    await expect(key).toBeVisible();
    const clear = (await key.textContent()) ?? "";
    expect(clear.length).toBeGreaterThan(4);
    expect(clear).not.toContain("•");

    const audit = (await (await page.request.get("/api/audit?action=licence.&limit=50")).json()) as Audit;
    const reveal = audit.entries.find((e) => e.action === "licence.reveal" && e.target === licenceId);
    expect(reveal?.actorEmail).toBe(demoAccount("owner").email);
    await page.goto("/team");
    await expect(page.getByText(licenceId!).first()).toBeVisible();
  });
});

test.describe("support", () => {
  test.use({ storageState: storageStatePath("support") });

  test("sees licences and reveals a key, but has no CSV export", async ({ page }) => {
    test.setTimeout(120_000);
    const row = await licenceRowOfNewSale(page);
    await expect(page.getByTestId("licences-table").getByTestId("export")).toHaveCount(0);
    await expect(page.getByTestId("licences-export-clear")).toHaveCount(0);
    await row.getByRole("button", { name: "Afficher" }).click();
    await expect(row.getByTestId("licence-key")).toBeVisible();
  });
});
