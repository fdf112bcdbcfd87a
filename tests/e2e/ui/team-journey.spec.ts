// THE journey of the foundation issue: the owner signs in, switches language, invites a teammate; the
// teammate accepts in a second browser context (typing the invited address back) and lands in the
// dashboard; the owner changes their role (which bites at once) and removes them (whose session dies at
// once); an invite sent by mistake is revoked; the audit log shows all of it.
import { expect, test } from "@playwright/test";
import { demoAccount } from "../support/e2e-env";
import { signInWithForm, switchLanguage } from "../support/ui";

test("invite, accept, change role, remove — all in the audit log", async ({ page, browser }) => {
  const teammate = { email: `teammate-${Date.now()}@example.com`, name: "Awa Diallo", password: "a-long-passphrase-2026" };
  page.on("dialog", (dialog) => void dialog.accept());

  const owner = demoAccount("owner");
  await signInWithForm(page, owner.email, owner.password);
  await switchLanguage(page, "en");
  await page.getByRole("navigation").getByRole("link", { name: "Team" }).click();
  await expect(page.getByRole("heading", { name: "Team", level: 1 })).toBeVisible();

  // Invite: the single-use link is shown once, to the person who created it.
  await page.getByLabel("Email", { exact: true }).fill(teammate.email);
  await page.getByLabel("Role", { exact: true }).selectOption("marketing");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByTestId("invite-link").getByRole("textbox").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]+$/);
  await expect(page.getByTestId("pending-invites").locator(`tr:has([data-email="${teammate.email}"])`)).toContainText("Marketing");

  // Accept in a second, anonymous browser context (French by default there).
  const other = await browser.newContext();
  const invitee = await other.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: "Rejoindre l'équipe" })).toBeVisible();
  // The invited address is not shown: a wrong one is refused and leaves the link usable.
  await expect(invitee.getByText(teammate.email)).toHaveCount(0);
  await invitee.getByLabel("E-mail").fill("someone-else@example.com");
  await invitee.getByLabel("Votre nom").fill(teammate.name);
  await invitee.getByLabel("Choisissez un mot de passe").fill(teammate.password);
  await invitee.getByRole("button", { name: "Créer mon compte" }).click();
  // The form's own alert (Next.js also renders an empty route announcer with role=alert).
  await expect(invitee.getByRole("alert").filter({ hasText: "envoyée à une autre adresse" })).toBeVisible();
  await invitee.getByLabel("E-mail").fill(teammate.email.toUpperCase());
  await invitee.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(invitee).toHaveURL(/\/overview$/);
  await expect(invitee.getByTestId("user-role")).toHaveText("Marketing");
  await expect(invitee.getByTestId("user-email")).toHaveText(teammate.name);

  // The link worked once: opening it again says it is invalid.
  const again = await other.newPage();
  await again.goto(link);
  await expect(again.getByTestId("invite-invalid")).toBeVisible();
  await again.close();

  // Change their role to support: their next page load already uses the new role.
  await page.reload();
  await expect(page.locator(`[data-testid="pending-invites"] tr:has([data-email="${teammate.email}"])`)).toHaveCount(0);
  const row = page.getByTestId("members-table").locator(`tr:has([data-email="${teammate.email}"])`);
  await expect(row).toContainText(teammate.name);
  const patched = page.waitForResponse((r) => r.url().includes("/api/team/members/") && r.request().method() === "PATCH");
  await row.getByRole("combobox").selectOption("support");
  expect((await patched).status()).toBe(200);
  await invitee.goto("/overview");
  await expect(invitee.getByTestId("forbidden")).toBeVisible();
  await invitee.goto("/sales");
  await expect(invitee.getByTestId("user-role")).toHaveText("Service client");

  // Remove them: their session stops working at once.
  const removed = page.waitForResponse((r) => r.url().includes("/api/team/members/") && r.request().method() === "DELETE");
  await row.getByRole("button", { name: "Remove" }).click();
  expect((await removed).status()).toBe(204);
  await expect(row).toHaveCount(0);
  await invitee.goto("/sales");
  await expect(invitee).toHaveURL(/\/login/);
  await other.close();

  // An invite sent by mistake is revoked from the Team page: gone from the list, its link dead.
  const mistake = `mistake-${Date.now()}@example.com`;
  await page.getByLabel("Email", { exact: true }).fill(mistake);
  await page.getByRole("button", { name: "Create invite link" }).click();
  const mistakeLink = await page.getByTestId("invite-link").getByRole("textbox").inputValue();
  const pendingMistake = page.getByTestId("pending-invites").locator(`tr:has([data-email="${mistake}"])`);
  const revoked = page.waitForResponse((r) => r.url().includes("/api/team/invites/") && r.request().method() === "DELETE");
  await pendingMistake.getByRole("button", { name: `Revoke the invite to ${mistake}` }).click();
  expect((await revoked).status()).toBe(204);
  await expect(pendingMistake).toHaveCount(0);
  const dead = await browser.newContext();
  const deadPage = await dead.newPage();
  await deadPage.goto(mistakeLink);
  await expect(deadPage.getByTestId("invite-invalid")).toBeVisible();
  await dead.close();
  await expect(page.getByTestId("audit-table").locator('tr:has([data-action="team.invite_revoked"])').filter({ hasText: mistake })).toHaveCount(1);

  // The audit log tells the whole story, newest first: 100 entries a page (other tests sign in meanwhile).
  await page.goto("/team?audit_size=100");
  const audit = page.getByTestId("audit-table");
  const about = (action: string) => audit.locator(`tr:has([data-action="${action}"])`).filter({ hasText: teammate.email });
  await expect(about("team.invite_created")).toHaveCount(1);
  await expect(about("team.invite_accepted")).toHaveCount(1);
  await expect(about("team.role_changed")).toHaveCount(1);
  await expect(about("team.member_removed")).toHaveCount(1);
  await expect(audit.locator('tr:has([data-action="auth.sign_in"])').filter({ hasText: teammate.email }).first()).toBeVisible();
  await expect(about("team.member_removed")).toContainText(owner.email);
});
