// Orders-to-ship journey in Chromium: two orders of the demo's shipped product (the printed book box,
// simulator/catalog.ts `shipping: true`) are paid in the simulator and reach the worklist; the owner
// selects both, marks them shipped with a carrier and tracking reference, they leave "to ship" and show
// under "shipped" with the carrier; each change is audited; the courier CSV of the two has their rows in
// the couriers' column order. Support works the list but cannot export.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, test } from "@playwright/test";
import { storageStatePath } from "../support/e2e-env";
import { simControl } from "../support/simulator-control";

const SHIPPED_PRODUCT = "prd_7wb2gn8my3";

type Audit = { entries: { action: string; target: string | null; details: Record<string, unknown> | null }[] };
type Order = { saleId: string; paidAt: string | null; customerName: string | null; address: string; city: string | null; country: string | null; zip: string | null; productName: string | null };

test.describe("owner", () => {
  test.use({ storageState: storageStatePath("owner") });

  test("ships two orders with a carrier and reference, they leave the list, the courier CSV has their rows", async ({ page }) => {
    test.setTimeout(180_000);
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { sale } = await simControl<{ sale: { id: string } }>("POST", "/checkouts", { product_id: SHIPPED_PRODUCT });
      await simControl("POST", `/sales/${sale.id}/complete`);
      ids.push(sale.id);
    }
    const rows = ids.map((id) => page.locator(`tr[data-row-id="${id}"]`));
    // The list is paged (25 a page, oldest first): newest first puts the two new orders on page 1.
    await expect(async () => {
      await page.goto("/orders?sort=paid_at&dir=desc");
      for (const row of rows) await expect(row).toBeVisible({ timeout: 2_000 });
      // A new order needs its Pulse and its detail read (for the address); with every project running
      // beside it, that can take more than a minute.
    }).toPass({ timeout: 120_000, intervals: [1_000] });
    // Newest payment first here (the API's list is oldest first); two orders paid in the same second tie on
    // the sale id. The integration tests check the ordering rule itself.
    const shown = await page.getByTestId("orders-worklist").locator("tbody tr[data-row-id]").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-row-id")));
    const api = (await (await page.request.get("/api/orders")).json()) as { orders: Order[] };
    const paid = api.orders.map((o) => o.paidAt ?? "");
    expect(paid).toEqual([...paid].sort());
    const newestFirst = api.orders.filter((o) => ids.includes(o.saleId)).sort((a, b) => (a.paidAt === b.paidAt ? (a.saleId < b.saleId ? -1 : 1) : (a.paidAt ?? "") < (b.paidAt ?? "") ? 1 : -1));
    expect(shown.filter((id) => ids.includes(id!))).toEqual(newestFirst.map((o) => o.saleId));
    // The API answers the same worklist, with each order's address.
    const mine = ids.map((id) => api.orders.find((o) => o.saleId === id));
    for (const o of mine) expect(o?.address).toMatch(/^Lot \d+, Rue \d+$/);

    for (const id of ids) await page.getByLabel(`Sélectionner la commande ${id}`).check();
    await page.getByLabel("Transporteur").fill("DHL Express");
    await page.getByLabel("Numéro de suivi").fill("JD0146001234");
    await page.getByRole("button", { name: "Marquer expédiées" }).click();
    await expect(page.getByTestId("orders-status")).toHaveText("Enregistré");
    for (const row of rows) await expect(row).toHaveCount(0);

    await page.goto("/orders?state=shipped&sort=paid_at&dir=desc");
    for (const row of rows) {
      await expect(row.getByTestId("order-state")).toHaveText("Expédiée");
      await expect(row).toContainText("DHL Express — JD0146001234");
    }

    const audit = (await (await page.request.get("/api/audit?action=orders.&limit=50")).json()) as Audit;
    for (const id of ids) {
      expect(audit.entries.find((e) => e.target === id && e.action === "orders.fulfilment_updated")?.details).toEqual({
        state: "shipped", previousState: "to_ship", carrier: "DHL Express", trackingReference: "JD0146001234",
      });
    }

    // Courier CSV of the two selected orders (French interface: Excel-French preset, `;`).
    for (const id of ids) await page.getByLabel(`Sélectionner la commande ${id}`).check();
    const downloadPromise = page.waitForEvent("download");
    await page.getByTestId("orders-worklist").getByTestId("export-button").click();
    const bytes = readFileSync((await (await downloadPromise).path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...data] = parse(bytes.toString("utf8"), { bom: true, delimiter: ";" }) as string[][];
    expect(header).toEqual(["Nom", "Téléphone", "Adresse", "Ville", "Région", "Pays", "Code postal", "Produit", "Référence"]);
    expect(data.map((r) => r[8]).sort()).toEqual([...ids].sort());
    data.forEach((r) => {
      const o = mine.find((m) => m?.saleId === r[8])!;
      expect([r[0], r[2], r[3], r[5], r[6], r[7]]).toEqual([o.customerName, o.address, o.city, o.country, o.zip, o.productName]);
      expect(r[1]).toMatch(/^'\+\d{8,15}$/); // the Pulse's phone, neutralised so Excel keeps the "+"
    });
  });
});

test.describe("support", () => {
  test.use({ storageState: storageStatePath("support") });

  test("sees the worklist but no export", async ({ page }) => {
    await page.goto("/orders");
    await expect(page.getByRole("heading", { name: "Commandes à expédier" })).toBeVisible();
    await expect(page.getByTestId("export-button")).toHaveCount(0);
    expect((await page.request.get("/api/orders")).status()).toBe(200);
    expect((await page.request.get("/api/orders/export.csv")).status()).toBe(403);
  });
});
