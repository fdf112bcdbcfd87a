// Recovery journey in Chromium: a sale failed in the simulator arrives by Pulse in the worklist (one line,
// newest first); the owner opens its panel, copies its recovery link, marks it contacted with a note,
// assigns it to the support member; each action is in the audit log (Team page and API). Then the same customer pays and the lead shows as recovered,
// and the paying sale's page links back to the lead.
import { expect, test } from "@playwright/test";
import { demoAccount, storageStatePath } from "../support/e2e-env";
import { simControl } from "../support/simulator-control";

type Audit = {
  entries: {
    action: string;
    target: string | null;
    actorEmail: string | null;
    details: Record<string, unknown> | null;
  }[];
};

test.describe("owner", () => {
  test.use({ storageState: storageStatePath("owner") });

  test("work a lead: copy link, contacted with a note, assign — all audited; then recovered by a payment", async ({
    page,
    context,
  }) => {
    test.setTimeout(180_000);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const { sale } = await simControl<{
      sale: { id: string; customer_id: string; product_id: string };
    }>("POST", "/checkouts", {});
    await simControl("POST", `/sales/${sale.id}/fail`, {
      code: "insufficient_funds",
    });

    const row = page.getByTestId("recovery-worklist").locator(`tbody tr[data-row-id="${sale.id}"]`);
    await expect(async () => {
      await page.goto("/recovery");
      await expect(row).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 60_000, intervals: [1_000] });
    await expect(row).toContainText("Solde insuffisant");

    // The lead's actions are in its panel, opened from its line.
    await row.getByTestId("lead-open").click();
    const panel = page.getByTestId("lead-panel");
    await expect(panel).toHaveAttribute("data-lead-id", sale.id);
    await expect(row).toHaveAttribute("aria-current", "true");

    // Copy the recovery link: the clipboard holds the Pulse's checkout URL.
    await panel.getByRole("button", { name: "Copier le lien" }).click();
    await expect(panel.getByTestId("lead-contact").getByRole("status")).toHaveText("Lien copié");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
      /\/checkout\/.+email=/,
    );

    // Contacted with a note.
    await panel.getByLabel("Statut").selectOption("contacted");
    await panel.getByLabel("Note").fill("Relancé sur WhatsApp, rappelle demain");
    await panel.getByRole("button", { name: "Enregistrer" }).click();
    await expect(row.getByTestId("lead-state")).toHaveText("Contacté");
    await expect(panel.getByTestId("lead-state")).toHaveText("Contacté");

    // Assigned to the support member.
    const members = (await (
      await page.request.get("/api/team/members")
    ).json()) as { members: { id: string; email: string }[] };
    const support = members.members.find(
      (m) => m.email === demoAccount("support").email,
    );
    expect(support).toBeDefined();
    // Saved on change: wait for the call, so the audit read below sees it.
    const assigned = page.waitForResponse((r) => r.url().endsWith("/api/recovery/leads") && r.request().method() === "POST");
    await panel.getByLabel("Attribuer").selectOption(support!.id);
    expect((await assigned).status()).toBe(200);
    await expect(panel.getByLabel("Attribuer")).toHaveValue(support!.id);

    const audit = (await (
      await page.request.get("/api/audit?action=recovery.&limit=50")
    ).json()) as Audit;
    const mine = audit.entries.filter((e) => e.target === sale.id);
    expect(mine.map((e) => e.action).sort()).toEqual([
      "recovery.contact_link",
      "recovery.lead_updated",
      "recovery.lead_updated",
    ]);
    expect(
      mine.find((e) => e.details?.state === "contacted")?.details,
    ).toMatchObject({ note: "Relancé sur WhatsApp, rappelle demain" });
    expect(mine.find((e) => e.details?.assignedTo)?.details).toMatchObject({
      assignedTo: support!.id,
      assignedToEmail: demoAccount("support").email,
    });
    await page.goto("/team");
    await expect(page.getByText(sale.id).first()).toBeVisible();

    // The same customer pays for the same product: the lead turns recovered by itself.
    const retry = await simControl<{ sale: { id: string } }>(
      "POST",
      "/checkouts",
      { customer_id: sale.customer_id, product_id: sale.product_id },
    );
    await simControl("POST", `/sales/${retry.sale.id}/complete`);
    await expect(async () => {
      await page.goto("/recovery?status=all");
      await expect(row.getByTestId("lead-recovered")).toBeVisible({
        timeout: 2_000,
      });
    }).toPass({ timeout: 60_000, intervals: [1_000] });
    // The lead links to the payment that recovered it.
    await expect(row.getByTestId("lead-recovered")).toHaveAttribute("href", `/sales/${retry.sale.id}`);
    // And the other way: the paying sale says it recovered this lead, linking to the failed sale.
    await page.goto(`/sales/${retry.sale.id}`);
    await expect(
      page.locator(
        `[data-testid="recovered-lead-link"][href="/sales/${sale.id}"]`,
      ),
    ).toBeVisible();
  });
});

test.describe("support", () => {
  test.use({ storageState: storageStatePath("support") });

  test("works the worklist but sees no settlements and cannot export", async ({
    page,
  }) => {
    await page.goto("/recovery");
    await expect(page.getByTestId("recovery-stats")).toBeVisible();
    await expect(page.getByTestId("recovery-templates")).toHaveCount(0); // owners/admins only
    await expect(page.getByTestId("recovery-window")).toHaveCount(0);
    await expect(page.getByTestId("recovery-window-rule")).toBeVisible(); // everyone sees the rule
    expect((await page.request.get("/api/recovery/leads")).status()).toBe(200);
    expect((await page.request.get("/api/settlements")).status()).toBe(403);
    expect((await page.request.get("/api/settlements/next")).status()).toBe(
      403,
    );
    expect(
      (await page.request.get("/api/recovery/export.csv?ids=x")).status(),
    ).toBe(403);
    expect(
      (
        await page.request.put("/api/recovery/templates", {
          data: { fr: "a", en: "b" },
        })
      ).status(),
    ).toBe(403);
    expect(
      (
        await page.request.put("/api/recovery/window", { data: { days: 30 } })
      ).status(),
    ).toBe(403);
  });
});
