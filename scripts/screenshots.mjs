#!/usr/bin/env node
// The README's screenshots (docs/screenshots/): every page on a phone (390×844) and a desktop (1440×900),
// in French, light and dark, signed in as the demo owner. Viewport-sized (what a merchant sees on opening
// the page), and, when `pngquant` is installed (apt-get install pngquant), quantised to stay small.
//
//   npx next build && PORT=3000 DATA_DIR=/tmp/shots-demo npm start    # demo mode, in another terminal
//   node scripts/screenshots.mjs [--base http://localhost:3000] [--out docs/screenshots]
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";

const { values } = parseArgs({ options: { base: { type: "string", default: "http://localhost:3000" }, out: { type: "string", default: "docs/screenshots" } } });
const { base, out } = values;
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"],
});

async function signIn(context) {
  const { csrfToken } = await (await context.request.get(`${base}/api/auth/csrf`)).json();
  await context.request.post(`${base}/api/auth/callback/credentials`, {
    form: { email: "owner@demo.chariow.local", password: "demo-owner-2026", csrfToken, callbackUrl: `${base}/` },
    maxRedirects: 0,
  });
}

const viewports = { phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 }, desktop: { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 } };
let pages = null;
for (const [device, options] of Object.entries(viewports)) {
  for (const theme of ["light", "dark"]) {
    const context = await browser.newContext({ ...options, colorScheme: theme, locale: "fr-FR" });
    await context.addInitScript((t) => localStorage.setItem("theme", t), theme);
    await signIn(context);
    if (!pages) {
      const sales = (await (await context.request.get(`${base}/api/sales?size=25`)).json()).sales ?? [];
      const sale = sales.find((s) => s.status === "completed") ?? sales[0];
      pages = { overview: "/overview", sales: "/sales", sale: sale ? `/sales/${sale.id}` : null, customer: sales.find((s) => s.customerId) ? `/customers/${sales.find((s) => s.customerId).customerId}` : null, revenue: "/revenue", settlements: "/settlements", recovery: "/recovery", orders: "/orders", downloads: "/downloads", licences: "/licences", affiliates: "/affiliates", team: "/team", settings: "/settings" };
    }
    const page = await context.newPage();
    for (const [name, p] of Object.entries(pages)) {
      if (!p) continue;
      await page.goto(`${base}${p}`, { waitUntil: "networkidle" });
      await page.waitForTimeout(400); // charts' entry animation
      await page.screenshot({ path: path.join(out, `${name}-${device}-${theme}.png`) });
    }
    const login = await browser.newContext({ ...options, colorScheme: theme, locale: "fr-FR" });
    await login.addInitScript((t) => localStorage.setItem("theme", t), theme);
    const loginPage = await login.newPage();
    await loginPage.goto(`${base}/login`, { waitUntil: "networkidle" });
    await loginPage.screenshot({ path: path.join(out, `login-${device}-${theme}.png`) });
    await login.close();
    await context.close();
  }
}
await browser.close();

const files = readdirSync(out).filter((f) => f.endsWith(".png"));
try {
  execFileSync("pngquant", ["--force", "--ext", ".png", "--quality", "60-85", "--speed", "1", ...files.map((f) => path.join(out, f))], { stdio: "inherit" });
} catch {
  console.warn("pngquant not available or failed: screenshots kept as captured");
}
const total = files.reduce((sum, f) => sum + statSync(path.join(out, f)).size, 0);
console.log(`${files.length} screenshots in ${out}, ${(total / 1024).toFixed(0)} KB`);
