// The shell on a 390 px phone with the JavaScript turned off — what a merchant on a slow connection can
// do before it has loaded: sign in, move between sections with the bottom bar, open More (an HTML
// popover) to reach every other section, switch the language and sign out (form posts), on a top bar no
// taller than 56 px with 44 px targets. Written for the e2e run, not run while writing it (the author
// could not run Playwright); tests/unit/components/app-shell.test.ts checks the same HTML.
import { expect, test, type Page } from "@playwright/test";
import { demoAccount } from "../support/e2e-env";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, javaScriptEnabled: false });

async function smallTargets(page: Page, testId: string): Promise<string[]> {
  return page.getByTestId(testId).evaluate((root) =>
    [...root.querySelectorAll("a[href], button, input:not([type=hidden]), select")]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && (r.width < 44 || r.height < 44);
      })
      .map((el) => el.outerHTML.slice(0, 80)),
  );
}

test("without JavaScript, a phone signs in, navigates, switches language and signs out", async ({ page }) => {
  const { email, password } = demoAccount("owner");
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/overview$/);

  const topBar = page.getByTestId("top-bar");
  expect((await topBar.boundingBox())!.height).toBeLessThanOrEqual(56);
  const bar = page.getByTestId("phone-tab-bar");
  const hrefs = await bar.getByRole("link").evaluateAll((links) => links.map((a) => [a.getAttribute("href"), a.getAttribute("aria-current")]));
  expect(hrefs).toEqual([
    ["/overview", "page"],
    ["/sales", null],
    ["/settlements", null],
    ["/recovery", null],
  ]);
  expect(await smallTargets(page, "top-bar")).toEqual([]);
  expect(await smallTargets(page, "phone-tab-bar")).toEqual([]);

  await bar.getByRole("link", { name: "Ventes" }).click();
  await expect(page).toHaveURL(/\/sales(\?|$)/);
  await expect(bar.getByRole("link", { name: "Ventes" })).toHaveAttribute("aria-current", "page");

  // More opens the sheet with every section; a link in it navigates (a full page load closes it).
  const sheet = page.getByTestId("sidebar");
  await expect(sheet).toBeHidden();
  await page.getByTestId("nav-more").click();
  await expect(sheet).toBeVisible();
  expect(await smallTargets(page, "sidebar")).toEqual([]);
  await sheet.getByRole("link", { name: "Équipe" }).click();
  await expect(page).toHaveURL(/\/team$/);
  await expect(sheet).toBeHidden();

  // Its close button and Escape close it.
  await page.getByTestId("nav-more").click();
  await sheet.getByRole("button", { name: "Fermer le menu" }).click();
  await expect(sheet).toBeHidden();
  await page.getByTestId("nav-more").click();
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();

  // The language switch posts and comes back to the same page, in English.
  await page.getByTestId("nav-more").click();
  await sheet.locator('button[lang="en"]').click();
  await expect(page).toHaveURL(/\/team$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("phone-tab-bar").getByRole("link", { name: "Payouts" })).toBeVisible();

  await page.getByTestId("nav-more").click();
  await sheet.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
});
