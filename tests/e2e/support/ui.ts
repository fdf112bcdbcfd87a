// UI helpers shared by the journeys: sign in through the login form, switch the language.
import { expect, type Page } from "@playwright/test";

export async function signInWithForm(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel(/^(E-mail|Email)$/).fill(email);
  await page.getByLabel(/^(Mot de passe|Password)$/).fill(password);
  await page.getByRole("button", { name: /^(Se connecter|Sign in)$/ }).click();
  await expect(page.getByTestId("user-menu")).toBeVisible();
}

export async function switchLanguage(page: Page, code: "fr" | "en"): Promise<void> {
  await page.locator(`button[lang="${code}"]`).click();
  await expect(page.locator("html")).toHaveAttribute("lang", code);
}
