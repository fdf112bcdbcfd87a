// Affiliates journey in Chromium (French interface): a marketing member pastes a mixed list and sees the
// result per email; a support member has no form and the API answers 403; a code lookup shows the
// affiliate (and an unknown code says so); a paid sale through CREATOR123 (its Pulse) puts the affiliate
// in the known list with its revenue, in the ranking of that sale's currency.
import { expect, test } from "@playwright/test";
import { apiAs, SAME_ORIGIN } from "../support/api-session";
import { storageStatePath } from "../support/e2e-env";
import { clickUntilServed, inviteRetryAt, untilJustBefore } from "../support/chariow-budget";
import { simControl } from "../support/simulator-control";

// The demo allows 30 API requests a minute and the history backfill spends them: an interactive request
// (invite, lookup) then answers at once with when the budget comes back, and the journey asks again then
// (support/chariow-budget.ts); the page's own waits stay generous.
const API_WAIT = { timeout: 90_000 };
const LOOKUP = "/api/affiliates/lookup";
const isLookup = (u: URL) => u.pathname === LOOKUP && u.searchParams.get("refresh") !== "1";
const isRefresh = (u: URL) => u.pathname === LOOKUP && u.searchParams.get("refresh") === "1";

type KnownAffiliate = { code: string | null; salesCount: number; totals: { currency: string; revenue: number }[] };
type KnownList = { affiliates: KnownAffiliate[] };

test.describe("marketing", () => {
  test.use({ storageState: storageStatePath("marketing") });
  test.setTimeout(240_000);

  test("invites from a pasted list and sees each email's result", async ({ page }) => {
    const tag = Date.now().toString(36);
    const fresh = [`e2e-a-${tag}@example.com`, `e2e-b-${tag}@example.com`];
    await page.goto("/affiliates");
    const form = page.getByTestId("invite-form");
    await form.getByLabel("Adresses e-mail").fill(`${fresh[0].toUpperCase()}\n"Jean" <${fresh[1]}>; pas-une-adresse`);
    await expect(form.getByTestId("invite-invalid")).toContainText("pas-une-adresse");
    await expect(form.getByTestId("invite-rewritten")).toContainText(fresh[1]);
    const isInvite = (r: { url(): string; request(): { method(): string } }) => new URL(r.url()).pathname === "/api/affiliates/invitations" && r.request().method() === "POST";
    let [sent] = await Promise.all([page.waitForResponse(isInvite), form.getByRole("button", { name: "Envoyer les invitations (2)" }).click()]);
    // Rate limited (nothing sent): the page offers to retry those; retry when the budget is back.
    for (let retryAt = inviteRetryAt(await sent.json()); retryAt !== null; retryAt = inviteRetryAt(await sent.json())) {
      await untilJustBefore(retryAt);
      [sent] = await Promise.all([page.waitForResponse(isInvite), form.getByRole("button", { name: /^Réessayer les 2 non invitées/ }).click()]);
    }
    const results = form.getByTestId("invite-results");
    for (const email of fresh) await expect(results.locator(`tr[data-row-id="${email}"] [data-outcome]`)).toHaveAttribute("data-outcome", "invited", API_WAIT);
    await expect(results.locator(`tr[data-row-id="${fresh[0]}"]`)).toContainText("Invitée — expire le");
    // Stored: the list shows them pending after a reload.
    await page.goto(`/affiliates?q=${encodeURIComponent(tag)}`);
    await expect(page.getByTestId("affiliate-invitations").locator("tbody tr").filter({ hasText: fresh[0] }).locator("[data-status]")).toHaveAttribute("data-status", "pending");
  });

  test("looks up a code, an unknown code, and sees the affiliate with its revenue in the known list", async ({ page }) => {
    const creator = async () => ((await (await page.request.get("/api/affiliates")).json()) as KnownList).affiliates.find((a) => a.code === "CREATOR123");
    const revenueIn = (a: KnownAffiliate | undefined, currency: string) => a?.totals.find((t) => t.currency === currency)?.revenue ?? 0;
    const before = await creator();
    // A paid sale through CREATOR123: the successful.sale Pulse carries its store affiliate.
    const { sale } = await simControl<{ sale: { id: string } }>("POST", "/checkouts", { affiliate_code: "CREATOR123" });
    await simControl("POST", `/sales/${sale.id}/complete`);
    await page.goto("/affiliates");
    const lookup = page.getByTestId("affiliate-lookup");
    const search = lookup.getByRole("button", { name: "Rechercher" });
    // With the budget spent, the page says when to try again, in French.
    const saysWhen = () => expect(lookup.getByTestId("lookup-message")).toContainText(/Chariow limite le nombre de demandes .* réessayez à\s\d/);
    await lookup.getByLabel("Code de parrainage").fill("NO SUCH/CODE");
    await clickUntilServed(page, isLookup, () => search.click(), saysWhen);
    await expect(lookup.getByTestId("lookup-message")).toHaveText("Aucun affilié avec ce code : NO SUCH/CODE", API_WAIT);
    await lookup.getByLabel("Code de parrainage").fill("CREATOR123");
    await clickUntilServed(page, isLookup, () => search.click(), saysWhen);
    const card = lookup.getByTestId("lookup-result");
    await expect(card).toContainText("CREATOR123", API_WAIT);
    await expect(card).toContainText("code valide");
    // Asked again within minutes: from the cache; Refresh asks Chariow.
    await search.click();
    await expect(card).toContainText("Depuis le cache", API_WAIT);
    await clickUntilServed(page, isRefresh, async () => {
      // A refresh that found the budget spent left a message instead of the card: show the cached card again.
      if ((await card.count()) === 0) await search.click();
      await card.getByRole("button", { name: "Actualiser" }).click();
    }, saysWhen);
    await expect(card).not.toContainText("Depuis le cache", API_WAIT);
    await expect(card).toContainText("CREATOR123");

    // The sale as the mirror holds it (by its Pulse), then the affiliate's revenue in its currency grew by
    // at least that amount (the demo's live activity may add another CREATOR123 sale meanwhile).
    let paid: { minor: number; currency: string } | null = null;
    await expect(async () => {
      const found = (await (await page.request.get(`/api/sales?q=${sale.id}`)).json()) as { sales: { id: string; status: string; amount: { minor: number; currency: string } | null }[] };
      const row = found.sales.find((x) => x.id === sale.id);
      expect(row?.status).toBe("completed");
      paid = row!.amount;
      expect(paid).not.toBeNull();
    }).toPass({ timeout: 30_000, intervals: [1_000] });
    const { minor, currency } = paid!;
    let after: KnownAffiliate | undefined;
    await expect(async () => {
      after = await creator();
      expect(revenueIn(after, currency) - revenueIn(before, currency)).toBeGreaterThanOrEqual(minor);
      expect(after!.salesCount).toBeGreaterThan(before?.salesCount ?? 0);
    }).toPass({ timeout: 30_000, intervals: [1_000] });
    // The ranking in that currency on the page shows that revenue, to the minor unit (one currency per ranking).
    await page.goto(`/affiliates?currency=${currency}&size=100`);
    const row = page.getByTestId("known-affiliates").locator("tbody tr").filter({ has: page.locator('[data-code="CREATOR123"]') });
    const shown = (await row.getByTestId("affiliate-revenue").innerText()).replace(/\D/g, "");
    expect(shown).toBe(String(revenueIn(after, currency)));
  });
});

test.describe("support", () => {
  test.use({ storageState: storageStatePath("support") });

  test("cannot invite: the form is absent and the API says 403", async ({ page }) => {
    // Support holds neither affiliates:read nor affiliates:invite (DESIGN §4): the page refuses them.
    await page.goto("/affiliates");
    await expect(page.getByTestId("user-menu")).toBeVisible();
    await expect(page.getByTestId("invite-form")).toHaveCount(0);
    await expect(page.getByTestId("affiliate-lookup")).toHaveCount(0);
    const api = await apiAs("support");
    const res = await api.post("/api/affiliates/invitations", { headers: SAME_ORIGIN, data: { emails: "someone@example.com" } });
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
    await api.dispose();
  });
});
