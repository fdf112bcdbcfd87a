// On the phone home screen and offline (issue 18, docs/offline.md), in Chromium against the production
// build. The network is really cut: the journeys reach the server through a TCP proxy they switch off
// (tests/e2e/support/switchable-proxy.ts), because Playwright's offline emulation does not reach a service
// worker's own requests; `setOffline` is switched with it so the page knows it is offline, as a phone does.
// Each journey signs in afresh through the proxy's origin: its session, worker and caches are its own.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, expect, test, type BrowserContext, type Page } from "@playwright/test";
import { E2E, demoAccount, type DemoRole } from "../support/e2e-env";
import { createPaidSale } from "../support/simulator-control";
import { startSwitchableProxy, type SwitchableProxy } from "../support/switchable-proxy";

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "fr-FR" };
let proxy: SwitchableProxy;

test.beforeAll(async () => {
  proxy = await startSwitchableProxy(E2E.port, E2E.port + 11);
});
test.afterAll(async () => {
  await proxy.close();
});
test.afterEach(() => proxy.up());

async function phoneContext(browser: import("@playwright/test").Browser): Promise<BrowserContext> {
  return browser.newContext({ ...PHONE, baseURL: proxy.origin });
}

/** Signs in through the login form, then loads the Overview again once the worker controls the page. */
async function signInControlled(page: Page, role: DemoRole = "owner"): Promise<void> {
  const { email, password } = demoAccount(role);
  // The login form (tests/e2e/support/ui.ts's, whose check for the member menu a phone hides in its sheet).
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/(overview|sales)$/);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** The pages kept in this browser, by cache: what a thief of the phone could read with the devtools. */
async function keptPages(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      if (!name.startsWith("chariow-snapshots-")) continue;
      out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search);
    }
    return out;
  });
}

async function goOffline(context: BrowserContext): Promise<void> {
  proxy.down();
  await context.setOffline(true);
}

async function goOnline(context: BrowserContext): Promise<void> {
  proxy.up();
  await context.setOffline(false);
}

test("on a phone, Overview and Sales stay readable offline with the banner, a change is refused, and the data comes back online", async ({ browser }) => {
  const context = await phoneContext(browser);
  const page = await context.newPage();
  await signInControlled(page);
  await expect(page.getByTestId("recent-sales-card")).toBeVisible();
  await expect(page.getByTestId("offline-banner")).toHaveCount(0);

  // Sales through the bottom bar: an in-app navigation, whose document the worker fetches and keeps too.
  await page.getByTestId("phone-tab-bar").getByRole("link", { name: "Ventes" }).click();
  await expect(page).toHaveURL(/\/sales$/);
  const firstRow = page.getByTestId("sales-table").locator("tbody tr[data-row-id]").first();
  const firstSaleId = await firstRow.getAttribute("data-row-id");
  expect(firstSaleId).toBeTruthy();
  await expect.poll(async () => Object.values(await keptPages(page)).flat().sort()).toEqual(["/overview", "/sales"]);

  await goOffline(context);
  await page.reload();
  await expect(page.getByTestId("offline-banner")).toContainText(/^Hors ligne — données du \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  await expect(page.getByTestId("sales-table").locator(`tbody tr[data-row-id="${firstSaleId}"]`)).toBeVisible();

  // A change offline is refused with its reason, and nothing is queued: no saved view appears later.
  const viewName = `Hors ligne ${Date.now()}`;
  await page.getByTestId("saved-views").locator("summary").click();
  await page.getByTestId("saved-view-name").fill(viewName);
  await page.getByTestId("saved-view-save").click();
  await expect(page.getByTestId("saved-view-error")).toHaveText("Hors ligne : rien n'a été envoyé. Réessayez une fois la connexion revenue.");

  await page.goto("/overview");
  await expect(page.getByTestId("offline-banner")).toBeVisible();
  await expect(page.getByTestId("recent-sales-card")).toBeVisible();

  // A sale is paid while the phone is offline: the server has it, the kept copy cannot.
  const sale = await createPaidSale();
  const newSaleRow = page.locator(`[data-testid="recent-sales"] tr[data-row-id="${sale.id}"]`);
  await expect(newSaleRow).toHaveCount(0);

  // Back online: the live page replaces the copy by itself (no snapshot mark) and shows the sale paid
  // meanwhile, once its Pulse has reached the server.
  await goOnline(context);
  await expect(page.locator('meta[name="chariow-snapshot-at"]')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByTestId("offline-banner")).toHaveCount(0);
  await expect
    .poll(async () => ((await (await page.request.get("/api/overview/recent-sales?limit=50")).json()) as { sales: { id: string }[] }).sales.some((s) => s.id === sale.id), { timeout: 60_000 })
    .toBe(true);
  await expect(newSaleRow).toBeVisible();
  const views = await page.request.get("/api/sales/views");
  expect(((await views.json()) as { views: { name: string }[] }).views.map((v) => v.name)).not.toContain(viewName);
  await context.close();
});

test("after sign-out nothing of the member is readable offline, and the next member never sees the previous one's pages", async ({ browser }) => {
  const context = await phoneContext(browser);
  const page = await context.newPage();
  await signInControlled(page, "owner");
  await page.goto("/sales");
  const saleId = await page.getByTestId("sales-table").locator("tbody tr[data-row-id]").first().getAttribute("data-row-id");
  await expect.poll(async () => Object.values(await keptPages(page)).flat().sort()).toEqual(["/overview", "/sales"]);
  const ownerCaches = Object.keys(await keptPages(page));

  await page.getByTestId("nav-more").click();
  await page.getByTestId("sidebar").getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect.poll(() => keptPages(page)).toEqual({});

  await goOffline(context);
  for (const path of ["/sales", "/overview"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hors ligne");
    const html = await page.content();
    expect(html).not.toContain(saleId!);
    expect(html).not.toContain("Pages disponibles hors ligne");
  }
  await goOnline(context);

  // Another member on the same phone: their pages only, in a cache of their own.
  await signInControlled(page, "support");
  await page.goto("/sales");
  await expect.poll(async () => Object.values(await keptPages(page)).flat().sort()).toEqual(["/sales"]);
  const supportCaches = Object.keys(await keptPages(page));
  expect(supportCaches).toHaveLength(1);
  expect(ownerCaches).not.toContain(supportCaches[0]);
  await context.close();
});

test("a kept page is never shown after its session's end: it is deleted instead", async ({ browser }) => {
  const context = await phoneContext(browser);
  const page = await context.newPage();
  await signInControlled(page, "owner");
  await expect.poll(async () => Object.values(await keptPages(page)).flat()).toEqual(["/overview"]);
  // The session's end as the worker knows it, moved to a minute ago: what a phone left offline past the
  // session's end finds.
  await page.evaluate(async () => {
    const cache = await caches.open("chariow-sw-state");
    const state = await (await cache.match("/__chariow-sw/state"))!.json();
    await cache.put("/__chariow-sw/state", new Response(JSON.stringify({ ...state, expiresAt: new Date(Date.now() - 60_000).toISOString() })));
  });
  await goOffline(context);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hors ligne");
  await expect(page.getByTestId("offline-banner")).toHaveCount(0);
  await expect.poll(() => keptPages(page)).toEqual({});
  await context.close();
});

test("the manifest passes Chromium's installability check", async () => {
  // A persistent profile: Chromium never offers to install from an incognito context, which Playwright's
  // ordinary contexts are (the check would answer "in-incognito").
  const context = await chromium.launchPersistentContext(mkdtempSync(path.join(os.tmpdir(), "chariow-install-")), {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
    ...PHONE,
    baseURL: proxy.origin,
  });
  try {
    const page = await context.newPage();
    await signInControlled(page, "owner");
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send("Page.getAppManifest");
    expect(manifest.url).toBe(`${proxy.origin}/manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    expect((await cdp.send("Page.getInstallabilityErrors")).installabilityErrors).toEqual([]);
    const parsed = JSON.parse(manifest.data ?? "{}") as { start_url: string; display: string; icons: { sizes: string; purpose?: string }[] };
    expect(parsed).toMatchObject({ start_url: "/overview", display: "standalone" });
    expect(parsed.icons.map((i) => `${i.sizes}:${i.purpose ?? "any"}`).sort()).toEqual(["192x192:any", "512x512:any", "512x512:maskable"]);
  } finally {
    await context.close();
  }
});

test("low-data mode: Save-Data leaves the chart out until asked and stops live polling; the member's choice overrides it", async ({ browser }) => {
  const context = await browser.newContext({ ...PHONE, baseURL: proxy.origin, extraHTTPHeaders: { "Save-Data": "on" } });
  const page = await context.newPage();
  const chartRequests: string[] = [];
  const recentPolls: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/overview/recent-sales")) recentPolls.push(request.url());
  });
  await signInControlled(page, "marketing");
  await expect(page.getByTestId("recent-sales-not-live")).toBeVisible();
  const onRequest = page.getByTestId("chart-on-request");
  await expect(onRequest).toBeVisible();
  await expect(page.locator(".recharts-wrapper")).toHaveCount(0);
  recentPolls.length = 0;
  await page.waitForTimeout(2_500); // live mode polls every second: this window would hold two polls
  expect(recentPolls).toEqual([]);

  page.on("request", (request) => {
    if (request.resourceType() === "script") chartRequests.push(request.url());
  });
  await onRequest.getByRole("link", { name: "Afficher le graphique" }).click();
  await expect(page).toHaveURL(/charts=1/);
  await expect(page.locator(".recharts-wrapper").first()).toBeVisible();
  expect(chartRequests.length).toBeGreaterThan(0);

  // The member turns it off: the Overview is live again, with its chart, though the browser still asks to save data.
  await page.getByTestId("nav-more").click();
  await page.getByTestId("sidebar").getByTestId("low-data-control").getByRole("button", { name: "Désactivée" }).click();
  await expect(page.getByTestId("recent-sales-not-live")).toHaveCount(0);
  await expect(page.getByTestId("chart-on-request")).toHaveCount(0);
  await expect(page.locator(".recharts-wrapper").first()).toBeVisible();
  // Back to automatic for the next journeys that sign in as this member.
  expect((await page.request.put("/api/me/preferences", { data: { lowData: "auto" }, headers: { Origin: proxy.origin } })).status()).toBe(200);
  await context.close();
});
