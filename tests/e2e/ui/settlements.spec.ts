// Settlements journey in Chromium: after the demo backfill the timeline shows paid-out and due/overdue
// payouts; a payout drills down to exactly its sales (25 a page), whose net adds up to the payout's (read
// by the API), and its CSV holds all of them.
import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { storageStatePath } from "../support/e2e-env";
import { waitForBackfill } from "../support/sync";

type Timeline = { range: { from: string; to: string }; groups: { currency: string; dueDay: string; status: string; salesCount: number; net: number; incompleteCount: number }[] };
type PayoutSales = { sales: { id: string; net: number | null }[] };

test.use({ storageState: storageStatePath("owner") });

test("timeline shows due vs done and drills down to a payout's sales", async ({ page }) => {
  test.setTimeout(600_000);
  await waitForBackfill(page);
  // Settlements are known only from sale details and Pulses: wait until enrichment has read at least one
  // whole paid-out payout (the page meanwhile shows those sales as "not known yet", never guessed).
  await expect(async () => {
    const t = (await (await page.request.get("/api/settlements")).json()) as Timeline;
    expect(t.groups.some((g) => g.status === "settled" && g.incompleteCount === 0)).toBe(true);
  }).toPass({ timeout: 240_000, intervals: [2_000] });
  await page.goto("/settlements");
  const timeline = page.getByTestId("payout-timeline");
  const settledRows = timeline.locator('tbody tr:has([data-payout-status="settled"])');
  await expect(settledRows.first()).toBeVisible();
  await expect(timeline.locator('tbody tr:has([data-payout-status="due"]), tbody tr:has([data-payout-status="overdue"])').first()).toBeVisible();
  await expect(settledRows.first()).toContainText("Versé le");

  const api = (await (await page.request.get("/api/settlements")).json()) as Timeline;
  const settled = api.groups.find((g) => g.status === "settled" && g.incompleteCount === 0);
  expect(settled).toBeDefined();
  const drill = (await (await page.request.get(`/api/settlements/sales?currency=${settled!.currency}&day=${settled!.dueDay}`)).json()) as PayoutSales;
  expect(drill.sales).toHaveLength(settled!.salesCount);
  expect(drill.sales.reduce((s, x) => s + (x.net ?? 0), 0)).toBe(settled!.net);

  // The timeline is paged (25 a page, newest due day first): the payout's own day puts its row on page 1.
  await page.goto(`/settlements?from=${settled!.dueDay}&to=${settled!.dueDay}`);
  const row = timeline.locator(`tbody tr[data-row-id="${settled!.currency}-${settled!.dueDay}"]`);
  await row.getByRole("link", { name: "Voir les ventes" }).click();
  await expect(page).toHaveURL(new RegExp(`currency=${settled!.currency}.*day=${settled!.dueDay}|day=${settled!.dueDay}.*currency=${settled!.currency}`));
  // The first page of its sales, in the API's order (newest payment first).
  const sales = page.getByTestId("payout-sales").locator("tbody tr[data-row-id]");
  await expect(sales).toHaveCount(Math.min(settled!.salesCount, 25));
  const shownIds = await sales.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-row-id")));
  expect(shownIds).toEqual(drill.sales.slice(0, 25).map((s) => s.id));

  // The payout's sales as CSV (French Excel preset: `;`), one line per sale after the header — every page.
  const download = page.waitForEvent("download");
  await page.getByTestId("payout-sales").getByTestId("export-button").click();
  const file = readFileSync((await (await download).path())!, "utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  expect(file.slice(1).map((l) => l.split(";")[0]).sort()).toEqual(drill.sales.map((s) => s.id).sort());

  // The overview's "Next payout" card shows the next payout per currency, as the API computes it.
  const next = (await (await page.request.get("/api/settlements/next")).json()) as { payouts: { currency: string; dueDay: string }[] };
  await page.goto("/overview");
  const card = page.getByTestId("next-payout");
  await expect(card).toBeVisible();
  for (const p of next.payouts) await expect(card.locator(`li[data-currency="${p.currency}"][data-due-day="${p.dueDay}"]`)).toHaveCount(1);
  await expect(card.locator("li")).toHaveCount(next.payouts.length);
});
