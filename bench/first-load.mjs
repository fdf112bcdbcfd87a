#!/usr/bin/env node
// First-load weight and speed of every page (issue 15): for each page, a cold browser context signed in as
// the owner loads it (1) on a normal connection: the first-load JavaScript is every script the page's HTML
// references (what the browser must fetch before the page is interactive), the lazy JavaScript is what it
// fetches after hydration (charts through next/dynamic) — compressed sizes computed here with gzip -6 of
// each script, so the figures do not depend on the server's compression — and the whole page's
// transferred bytes; (2) on an emulated slow mobile link (400 kbit/s
// both ways, 400 ms round trip, Chromium's DevTools network emulation), the first contentful paint and the
// largest contentful paint (when the page's main content is on screen).
//
//   npx next build && PORT=3000 DATA_DIR=/tmp/bench-demo npm start     # demo mode, in another terminal
//   node bench/first-load.mjs [--base http://localhost:3000] [--runs 1] [--low-data] [--weights]
//
// `--low-data` measures every page as a browser asking to save data (`Save-Data: on`, which low-data
// mode follows for a member who left it automatic: docs/offline.md). `--weights` measures both modes and
// writes each page's transferred kilobytes to lib/pwa/page-weights.json, which the Settings page shows.
// A cold context also installs the service worker, whose precache (icons, manifest: ~20 KB) is the
// worker's own traffic, not the page's, and is not counted.
//
// Prints a markdown table, then a last line `RESULT {…}` (JSON).
import { writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";

const { values } = parseArgs({
  options: { base: { type: "string", default: "http://localhost:3000" }, runs: { type: "string", default: "1" }, "low-data": { type: "boolean", default: false }, weights: { type: "boolean", default: false } },
});
const base = values.base;
const runs = Math.max(1, Number(values.runs));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

async function signedInContext(extra = {}) {
  const context = await browser.newContext({ locale: "fr-FR", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, ...extra });
  const req = context.request;
  const { csrfToken } = await (await req.get(`${base}/api/auth/csrf`)).json();
  await req.post(`${base}/api/auth/callback/credentials`, {
    form: { email: "owner@demo.chariow.local", password: "demo-owner-2026", csrfToken, callbackUrl: `${base}/` },
    maxRedirects: 0,
  });
  return context;
}

async function discoverPages() {
  const context = await signedInContext();
  const sales = ((await (await context.request.get(`${base}/api/sales?size=25`)).json()).sales ?? []);
  await context.close();
  const sale = sales.find((s) => s.status === "completed") ?? sales[0];
  const customer = sales.find((s) => s.customerId)?.customerId;
  return ["/login", "/overview", "/sales", ...(sale ? [`/sales/${sale.id}`] : []), ...(customer ? [`/customers/${customer}`] : []), "/revenue", "/settlements", "/recovery", "/orders", "/downloads", "/licences", "/affiliates", "/team", "/settings"];
}

const scriptCache = new Map();
async function gzipSizeOf(url, request) {
  if (!scriptCache.has(url)) {
    const body = await (await request.get(url)).body();
    scriptCache.set(url, { raw: body.length, gzip: gzipSync(body, { level: 6 }).length });
  }
  return scriptCache.get(url);
}

const SAVE_DATA = { extraHTTPHeaders: { "Save-Data": "on" } };

async function weigh(path, extra = {}) {
  const context = path === "/login" ? await browser.newContext({ locale: "fr-FR", ...extra }) : await signedInContext(extra);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const scripts = new Set();
  let transferred = 0;
  cdp.on("Network.responseReceived", (e) => {
    if (e.type === "Script") scripts.add(e.response.url);
  });
  cdp.on("Network.loadingFinished", (e) => (transferred += e.encodedDataLength));
  const response = await page.goto(`${base}${path}`, { waitUntil: "load" });
  await page.waitForLoadState("networkidle");
  const html = await response.text();
  // Modern browsers skip `nomodule` scripts (Next's polyfills for old ones).
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\bnomodule\b/i.test(tag));
  const initial = new Set(tags.flatMap((tag) => [...tag.matchAll(/\bsrc="([^"]+)"/g)].map((m) => new URL(m[1].replaceAll("&amp;", "&"), `${base}${path}`).href)));
  let js = { raw: 0, gzip: 0 };
  let lazy = 0;
  for (const url of new Set([...initial, ...scripts])) {
    const s = await gzipSizeOf(url, context.request);
    if (initial.has(url)) js = { raw: js.raw + s.raw, gzip: js.gzip + s.gzip };
    else lazy += s.gzip;
  }
  await context.close();
  return { js, lazy, transferred, scripts: initial.size };
}

async function slow(path, extra = {}) {
  const context = path === "/login" ? await browser.newContext({ locale: "fr-FR", viewport: { width: 390, height: 844 }, ...extra }) : await signedInContext(extra);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 });
  await page.addInitScript(() => {
    window.__lcp = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__lcp = e.startTime;
    }).observe({ type: "largest-contentful-paint", buffered: true });
  });
  await page.goto(`${base}${path}`, { waitUntil: "load", timeout: 120_000 });
  await page.waitForTimeout(300);
  const t = await page.evaluate(() => ({
    fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
    lcp: window.__lcp || null,
    load: performance.getEntriesByType("navigation")[0]?.loadEventStart ?? null,
  }));
  await context.close();
  return t;
}

const pages = await discoverPages();
const results = {};
const mode = values["low-data"] ? SAVE_DATA : {};
for (const path of pages) {
  const w = await weigh(path, mode);
  const timings = [];
  for (let i = 0; i < runs; i += 1) timings.push(await slow(path, mode));
  const median = (k) => timings.map((x) => x[k]).filter((x) => x !== null).sort((a, b) => a - b)[Math.floor(timings.length / 2)] ?? null;
  results[path.replace(/\/[^/]*\d[^/]*$/, "/[id]")] = { jsGzipKB: +(w.js.gzip / 1024).toFixed(1), lazyJsGzipKB: +(w.lazy / 1024).toFixed(1), jsRawKB: +(w.js.raw / 1024).toFixed(1), scripts: w.scripts, transferredKB: +(w.transferred / 1024).toFixed(1), slowFcpMs: Math.round(median("fcp")), slowLcpMs: Math.round(median("lcp")), slowLoadMs: Math.round(median("load")) };
}

if (values.weights) {
  // The other mode's transferred bytes for each section page, then both into lib/pwa/page-weights.json.
  const weights = {};
  for (const path of pages.filter((p) => p !== "/login" && !/\d/.test(p))) {
    const other = await weigh(path, values["low-data"] ? {} : SAVE_DATA);
    const here = results[path].transferredKB;
    const there = +(other.transferred / 1024).toFixed(1);
    weights[path] = values["low-data"] ? { normalKB: there, lowDataKB: here } : { normalKB: here, lowDataKB: there };
  }
  const file = new URL("../lib/pwa/page-weights.json", import.meta.url);
  writeFileSync(file, `${JSON.stringify({ measuredAt: new Date().toISOString(), base, pages: weights }, null, 2)}\n`);
  console.log(`wrote ${file.pathname}`);
  console.log("| page | normal | low-data |\n| --- | ---: | ---: |");
  for (const [p, w] of Object.entries(weights)) console.log(`| ${p} | ${w.normalKB} KB | ${w.lowDataKB} KB |`);
}
await browser.close();

console.log("| page | first-load JS (gzip) | JS raw | scripts | lazy JS after hydration (gzip) | page transferred | 400 kbps FCP | 400 kbps LCP | 400 kbps load |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const [p, r] of Object.entries(results)) {
  console.log(`| ${p} | ${r.jsGzipKB} KB | ${r.jsRawKB} KB | ${r.scripts} | ${r.lazyJsGzipKB} KB | ${r.transferredKB} KB | ${r.slowFcpMs} ms | ${r.slowLcpMs} ms | ${r.slowLoadMs} ms |`);
}
console.log(`RESULT ${JSON.stringify({ base, runs, lowData: values["low-data"], pages: results })}`);
