#!/usr/bin/env node
// Looks at pages the way the phone-first rule asks (CONVENTIONS, "Phone first"): each path at 390×844 and
// at 1280×800, light and dark, in French, signed in as a demo role — a full-page screenshot of each, the
// page's horizontal overflow, touch targets under 44 px and axe-core's serious/critical violations.
// For a person to read before saying a page is done; not a test (the e2e suite holds the assertions).
//
//   npm start                                   # demo mode on :3000, in another terminal
//   node scripts/page-check.mjs [--base http://localhost:3000] [--role owner] [--out test-results/page-check] /settlements /overview
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { base: { type: "string", default: "http://localhost:3000" }, role: { type: "string", default: "owner" }, out: { type: "string", default: "test-results/page-check" } },
});
if (positionals.length === 0) {
  console.error("usage: node scripts/page-check.mjs [--base URL] [--role owner|admin|marketing|support] [--out DIR] /path …");
  process.exit(2);
}
mkdirSync(values.out, { recursive: true });
const axeSource = readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), "..", "node_modules", "axe-core", "axe.min.js"), "utf8");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

/** Signs the demo role in through next-auth's HTTP API (the login page lists these accounts). */
async function signIn(context) {
  const req = context.request;
  const { csrfToken } = await (await req.get(`${values.base}/api/auth/csrf`)).json();
  await req.post(`${values.base}/api/auth/callback/credentials`, {
    form: { email: `${values.role}@demo.chariow.local`, password: `demo-${values.role}-2026`, csrfToken, callbackUrl: `${values.base}/` },
    maxRedirects: 0,
  });
}

const viewports = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };
let problems = 0;
for (const [device, viewport] of Object.entries(viewports)) {
  for (const theme of ["light", "dark"]) {
    const context = await browser.newContext({ viewport, colorScheme: theme, locale: "fr-FR", isMobile: device === "phone", hasTouch: device === "phone" });
    await context.addInitScript((t) => localStorage.setItem("theme", t), theme);
    await signIn(context);
    const page = await context.newPage();
    for (const p of positionals) {
      await page.goto(`${values.base}${p}`, { waitUntil: "networkidle" });
      const name = `${p.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "root"}-${device}-${theme}.png`;
      await page.screenshot({ path: path.join(values.out, name), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      const small = await page.evaluate(() =>
        [...document.querySelectorAll("a[href], button, input, select, textarea, [role=button]")]
          .filter((el) => {
            // A checkbox or radio is operated through its label: the label is the target (as tests/e2e/pages/page-audit.ts).
            const target = el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio") && el.closest("label") ? el.closest("label") : el;
            const r = target.getBoundingClientRect();
            // checkVisibility: not the content of a closed <details> (laid out unseen, at a squeezed width).
            return el.checkVisibility() && r.width > 0 && r.height > 0 && (r.width < 44 || r.height < 44) && getComputedStyle(el).visibility !== "hidden";
          })
          .map((el) => `${el.tagName.toLowerCase()}${el.getAttribute("data-testid") ? `[${el.getAttribute("data-testid")}]` : ""} "${(el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 30)}"`),
      );
      await page.addScriptTag({ content: axeSource });
      const axe = await page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ["violations"] });
        return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(" | ")}`);
      });
      problems += (overflow > 0 ? 1 : 0) + axe.length;
      console.log(`${name}: overflow ${overflow}px · ${small.length} targets < 44px · ${axe.length} serious axe rules`);
      for (const a of axe) console.log(`   axe ${a}`);
      if (device === "phone" && small.length > 0) console.log(`   small: ${small.slice(0, 8).join(", ")}${small.length > 8 ? " …" : ""}`);
    }
    await context.close();
  }
}
await browser.close();
console.log(problems === 0 ? "no overflow, no serious axe violation" : `${problems} problem(s): see above`);
