#!/usr/bin/env node
// The one test command (`npm test`): runs every test runner in turn and closes with a single
// "N passed, N failed" line summed over all of them. Exits non-zero when anything failed.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const outDir = path.join(root, "test-results");
mkdirSync(outDir, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
let anyRunnerFailed = false;

function run(cmd, args, env = {}) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return res.status ?? 1;
}

function vitest() {
  const report = path.join(outDir, "vitest.json");
  rmSync(report, { force: true });
  const code = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${report}`]);
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
  const brokenSuites = (r.testResults ?? []).filter((s) => s.status === "failed" && s.assertionResults.length === 0).length;
  totals.failed += brokenSuites;
  if (code !== 0) anyRunnerFailed = true;
}

vitest();

const failed = anyRunnerFailed && totals.failed === 0 ? 1 : totals.failed;
console.log(`${totals.passed} passed, ${failed} failed, ${totals.skipped} skipped`);
process.exit(failed > 0 || anyRunnerFailed ? 1 : 0);
