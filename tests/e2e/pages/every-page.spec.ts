// Every page, as the owner and as customer service, in French, light and dark — on a 390×844 touch phone
// (project `pages-phone`, plus a 360 px overflow pass) and on a 1440×900 desktop (`pages-desktop`). Each
// page must have no horizontal overflow, no serious/critical axe violation, no touch target under 44 px
// (phone), no label drawn over its value and no raw code in its text (tests/e2e/pages/page-audit.ts).
// Pages a role may not open are visited too: their 403 page is checked the same way.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { storageStatePath, type DemoRole } from "../support/e2e-env";
import { auditPage, knownSnakeCodes } from "./page-audit";

const codes = knownSnakeCodes();

/** The dashboard's pages, with ids of a real sale and customer and a real payout day for the drill-downs. */
async function pagesToVisit(request: APIRequestContext): Promise<string[]> {
  const sales = ((await (await request.get("/api/sales?size=25&sort=created_at&dir=desc")).json()) as { sales?: { id: string; customerId: string | null; status: string }[] }).sales ?? [];
  const sale = sales.find((s) => s.status === "completed") ?? sales[0];
  const customer = sales.find((s) => s.customerId)?.customerId;
  // A role without settlements:read gets a 403 body here: no drill-down then (its page shows the 403).
  const timeline = (await (await request.get("/api/settlements")).json()) as { groups?: { currency: string; dueDay: string }[] };
  const payout = timeline.groups?.[0];
  return [
    "/overview",
    "/sales",
    ...(sale ? [`/sales/${encodeURIComponent(sale.id)}`] : []),
    ...(customer ? [`/customers/${encodeURIComponent(customer)}`] : []),
    "/revenue",
    "/payments",
    "/payments/cases",
    "/settlements",
    ...(payout ? [`/settlements?${new URLSearchParams({ currency: payout.currency, day: payout.dueDay })}`] : []),
    "/recovery",
    "/orders",
    "/downloads",
    "/licences",
    "/affiliates",
    "/team",
    "/settings",
    "/notifications",
    "/notifications/preview",
    "/no-such-page",
  ];
}

for (const role of ["owner", "support"] as const satisfies readonly DemoRole[]) {
  for (const theme of ["light", "dark"] as const) {
    test.describe(`${role}, ${theme}`, () => {
      test.use({ storageState: storageStatePath(role), colorScheme: theme, locale: "fr-FR" });

      test(`every page is readable and operable (${role}, ${theme})`, async ({ page, context, request }, testInfo) => {
        test.setTimeout(240_000);
        const touch = testInfo.project.name === "pages-phone";
        await context.addInitScript((t) => localStorage.setItem("theme", t), theme);
        const paths = await pagesToVisit(request);
        const failures: string[] = [];
        for (const p of paths) {
          const response = await page.goto(p, { waitUntil: "load" });
          expect(response, p).not.toBeNull();
          await page.waitForLoadState("networkidle").catch(() => undefined);
          const problems = await auditPage(page, { touch, codes });
          if (touch) {
            // The narrowest phones merchants use.
            await page.setViewportSize({ width: 360, height: 780 });
            const narrow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            if (narrow > 0) failures.push(`${p}: ${narrow}px horizontal overflow at 360 px`);
            await page.setViewportSize({ width: 390, height: 844 });
          }
          if (problems.overflow > 0) failures.push(`${p}: ${problems.overflow}px horizontal overflow`);
          for (const a of problems.axe) failures.push(`${p}: axe ${a}`);
          if (problems.smallTargets.length > 0) failures.push(`${p}: ${problems.smallTargets.length} touch targets < 44 px: ${problems.smallTargets.slice(0, 6).join(", ")}`);
          if (problems.overlaps.length > 0) failures.push(`${p}: a label drawn over its value: ${problems.overlaps.join(", ")}`);
          if (problems.rawCodes.length > 0) failures.push(`${p}: raw codes in the text: ${problems.rawCodes.join(", ")}`);
        }
        expect(failures, failures.join("\n")).toEqual([]);
      });
    });
  }
}

test.describe("signed out", () => {
  test("the sign-in and invitation pages", async ({ page }, testInfo) => {
    const touch = testInfo.project.name === "pages-phone";
    const failures: string[] = [];
    for (const p of ["/login", "/invite/not-a-real-token"]) {
      await page.goto(p);
      const problems = await auditPage(page, { touch, codes });
      if (problems.overflow > 0) failures.push(`${p}: ${problems.overflow}px horizontal overflow`);
      for (const a of problems.axe) failures.push(`${p}: axe ${a}`);
      if (problems.smallTargets.length > 0) failures.push(`${p}: touch targets < 44 px: ${problems.smallTargets.join(", ")}`);
      if (problems.overlaps.length > 0) failures.push(`${p}: a label drawn over its value: ${problems.overlaps.join(", ")}`);
      if (problems.rawCodes.length > 0) failures.push(`${p}: raw codes: ${problems.rawCodes.join(", ")}`);
    }
    expect(failures, failures.join("\n")).toEqual([]);
  });
});
