#!/usr/bin/env node
// The one test command (`npm test`): typecheck and lint (one check each), vitest (unit + integration on
// SQLite and PostgreSQL), then Playwright (end-to-end in Debian's Chromium). Closes with one
// "N passed, N failed" line summed over every runner and exits non-zero when anything failed.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { startThrowawayPostgres } from "./throwaway-postgres.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const outDir = path.join(root, "test-results");
mkdirSync(outDir, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
let anyRunnerFailed = false;
/** The names of the failed tests, printed again just above the summary so a log's tail says what failed. */
const failures = [];

function run(cmd, args, env = {}) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return res.status ?? 1;
}

function vitest(env) {
  const report = path.join(outDir, "vitest.json");
  rmSync(report, { force: true });
  const code = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${report}`], env);
  if (!existsSync(report)) {
    console.error("vitest produced no report");
    anyRunnerFailed = true;
    totals.failed += 1;
    return;
  }
  const r = JSON.parse(readFileSync(report, "utf8"));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  // A suite that fails to load counts as a failure even when no test inside it ran.
  const brokenSuites = (r.testResults ?? []).filter(
    (s) => s.status === "failed" && s.assertionResults.length === 0,
  ).length;
  totals.failed += brokenSuites;
  for (const suite of r.testResults ?? []) {
    const file = path.relative(root, suite.name ?? "");
    if (suite.status === "failed" && suite.assertionResults.length === 0) failures.push(`vitest ${file}: ${(suite.message ?? "failed to load").split("\n")[0]}`);
    for (const t of suite.assertionResults ?? []) if (t.status === "failed") failures.push(`vitest ${file} › ${t.fullName}`);
  }
  // Every test passed yet vitest failed: an error outside any test (an unhandled rejection), printed above.
  if (code !== 0 && r.numFailedTests === 0 && brokenSuites === 0) failures.push(`vitest exited with ${code} with every test passed: see "Unhandled Errors" above`);
  if (code !== 0) anyRunnerFailed = true;
}

/** Walks Playwright's JSON report and names every test whose outcome was unexpected. */
function playwrightFailures(suite, trail = []) {
  const here = suite.title ? [...trail, suite.title] : trail;
  for (const spec of suite.specs ?? []) {
    for (const t of spec.tests ?? []) {
      if (t.status === "unexpected") failures.push(`playwright [${t.projectName}] ${[...here, spec.title].join(" › ")}`);
    }
  }
  for (const child of suite.suites ?? []) playwrightFailures(child, here);
}

function playwright() {
  if (!existsSync(path.join(root, "playwright.config.ts"))) return;
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    console.error(`Chromium not found at ${chromium}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH).`);
    anyRunnerFailed = true;
    totals.failed += 1;
    return;
  }
  const report = path.join(outDir, "playwright.json");
  rmSync(report, { force: true });
  const code = run("npx", ["playwright", "test", "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: report,
    CHROMIUM_PATH: chromium,
  });
  if (!existsSync(report)) {
    console.error("playwright produced no report");
    anyRunnerFailed = true;
    totals.failed += 1;
    return;
  }
  const json = JSON.parse(readFileSync(report, "utf8"));
  for (const suite of json.suites ?? []) playwrightFailures(suite);
  const stats = json.stats ?? {};
  totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  totals.failed += stats.unexpected ?? 0;
  totals.skipped += stats.skipped ?? 0;
  if (code !== 0 && !(stats.unexpected > 0)) failures.push(`playwright exited with ${code} with no test failed: see its errors above`);
  if (code !== 0) anyRunnerFailed = true;
}

/** A whole-repository check (typecheck, lint) counts as one test: passed or failed. */
function check(name, cmd, args) {
  console.log(`\n> ${name}: ${cmd} ${args.join(" ")}`);
  const code = run(cmd, args);
  if (code === 0) totals.passed += 1;
  else {
    console.error(`${name} failed`);
    failures.push(name);
    totals.failed += 1;
    anyRunnerFailed = true;
  }
}

if (process.env.SKIP_CHECKS !== "1") {
  check("typecheck", "npx", ["tsc", "--noEmit"]);
  check("lint", "npx", ["eslint", "."]);
}

const pg = await startThrowawayPostgres();
try {
  vitest(pg ? { TEST_POSTGRES_URL: pg.url } : {});
} finally {
  pg?.stop();
}
if (process.env.SKIP_E2E === "1") console.log("SKIP_E2E=1: end-to-end tests not run");
else playwright();

if (failures.length > 0) {
  console.log(`\nFailed (${failures.length}):`);
  for (const f of failures) console.log(`  ✗ ${f}`);
}
const failed = anyRunnerFailed && totals.failed === 0 ? 1 : totals.failed;
console.log(`${totals.passed} passed, ${failed} failed, ${totals.skipped} skipped`);
process.exit(failed > 0 || anyRunnerFailed ? 1 : 0);
