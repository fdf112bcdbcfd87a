// Mirror ingest throughput: list-page-shaped batches of 100 parsed `Sale` objects → upsertSales into a
// fresh SQLite file (1,000,000 by default), then 100,000 details over existing rows (the update path),
// reporting sales/s and peak RSS; the same on PostgreSQL (100,000) when a URL is given.
// Run: npx tsx --conditions=react-server bench/mirror-ingest.ts [sales] [postgres://…] [--compare <git ref>] [--rounds 2]
// --compare measures the write path before and after in ONE run (issue 17): the ref is checked out in a
// temporary worktree, this very script is copied into it, and the two run alternately as child processes
// (before, after, before, after…) so both see the same machine state; the best round of each is reported.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { sql } from "kysely";
import { openDatabase } from "../lib/db";
import { upsertSales } from "../lib/mirror";
import type { Sale } from "../lib/chariow";
import { saleDetail, saleSummary, type SaleFacts, type SaleStatus } from "../tests/factories/sales";

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const COMPARE = flag("--compare");
const ROUNDS = Number(flag("--rounds") ?? 2);
const TOTAL = Number(args[0] ?? 1_000_000);
const PG_URL = args[1] ?? process.env.BENCH_POSTGRES_URL;
const PG_TOTAL = Math.min(TOTAL, 100_000);
const PAGE = 100;
const TZ = "Africa/Abidjan";
const START = Date.UTC(2025, 0, 1);
const SPAN_MS = 540 * 86_400_000; // a year and a half of history, like the demo store
const STATUSES: SaleStatus[] = ["completed", "completed", "completed", "settled", "settled", "failed", "abandoned", "awaiting_payment"];
const CURRENCIES = ["XOF", "XOF", "XOF", "XAF", "EUR", "USD"];

/** Deterministic facts for sale number i (newest first, as GET /sales pages come). */
function facts(i: number, total: number): SaleFacts {
  const h = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  const status = STATUSES[h % STATUSES.length];
  const created = new Date(START + Math.floor(((total - i) / total) * SPAN_MS)).toISOString();
  const paid = status === "completed" || status === "settled";
  return {
    id: `sal_${i.toString(36).padStart(8, "0")}`,
    status,
    currency: CURRENCIES[(h >>> 3) % CURRENCIES.length],
    originalMinor: 1000 + ((h >>> 5) % 50) * 500,
    discountMinor: (h >>> 11) % 5 === 0 ? 500 : 0,
    discountCode: (h >>> 11) % 5 === 0 ? `CODE${(h >>> 13) % 8}` : null,
    createdAt: created,
    completedAt: paid ? created : null,
    productId: `prd_${(h >>> 17) % 40}`,
    customerId: `cus_${(h >>> 7) % 200_000}`,
    email: `c${(h >>> 7) % 200_000}@example.com`,
    country: ["CI", "SN", "BJ", "CM"][(h >>> 21) % 4],
    gatewayFeeMinor: paid ? 150 : null,
    serviceFeeMinor: paid ? 250 : null,
    settlementNetMinor: paid ? 4000 : null,
  };
}

function page(from: number, to: number, total: number, detail: boolean): Sale[] {
  const out: Sale[] = [];
  for (let i = from; i < to; i++) out.push(detail ? saleDetail(facts(i, total)) : saleSummary(facts(i, total)));
  return out;
}

/** CPU seconds (user + system) this process used since `since`: steadier than wall time on a shared machine. */
function cpuSeconds(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1e6;
}

const rate = (n: number, s: number) => Math.round(n / s).toLocaleString("en-US");

async function run(url: string, total: number, label: string): Promise<void> {
  const opened = await openDatabase(url);
  const db = opened.db;
  // Experiments only (e.g. BENCH_SQLITE_PRAGMAS="cache_size=-65536"): the app's settings are lib/db/connect.ts's.
  if (opened.engine === "sqlite") for (const p of (process.env.BENCH_SQLITE_PRAGMAS ?? "").split(";").filter(Boolean)) await sql.raw(`pragma ${p}`).execute(db);
  const receivedAt = new Date().toISOString();
  let t0 = performance.now();
  let cpu0 = process.cpuUsage();
  let inserted = 0;
  for (let i = 0; i < total; i += PAGE) {
    inserted += (await upsertSales(db, page(i, Math.min(i + PAGE, total), total, false), { source: "list", receivedAt, timeZone: TZ })).inserted;
  }
  const insertS = (performance.now() - t0) / 1000;
  const insertCpuS = cpuSeconds(cpu0);
  const details = Math.min(100_000, total);
  t0 = performance.now();
  cpu0 = process.cpuUsage();
  let updated = 0;
  for (let i = 0; i < details; i += PAGE) {
    updated += (await upsertSales(db, page(i, Math.min(i + PAGE, details), total, true), { source: "detail", receivedAt, timeZone: TZ })).updated;
  }
  const detailS = (performance.now() - t0) / 1000;
  const detailCpuS = cpuSeconds(cpu0);
  const rollups = await db.selectFrom("sales_rollup_daily").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  await opened.close();
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const result = {
    engine: opened.engine, sales: inserted, listPerSec: Math.round(inserted / insertS), listPerCpuSec: Math.round(inserted / insertCpuS),
    detailPerSec: Math.round(updated / detailS), detailPerCpuSec: Math.round(updated / detailCpuS), dailyRollupRows: Number(rollups.n), peakRssMb: Math.round(peakMb),
  };
  console.log(`INGEST ${JSON.stringify(result)}`);
  console.log(
    `${label}: ${inserted.toLocaleString("en-US")} list sales in ${insertS.toFixed(1)} s = ${rate(inserted, insertS)} sales/s (${rate(inserted, insertCpuS)}/s of this process's CPU time); ` +
      `${updated.toLocaleString("en-US")} details over existing rows in ${detailS.toFixed(1)} s = ${rate(updated, detailS)} sales/s (${rate(updated, detailCpuS)}/s of CPU); ` +
      `${Number(rollups.n).toLocaleString("en-US")} rollup rows; peak RSS ${peakMb.toFixed(0)} MB`,
  );
}

type Ingest = { engine: string; sales: number; listPerSec: number; listPerCpuSec: number; detailPerSec: number; detailPerCpuSec: number; dailyRollupRows: number; peakRssMb: number };

/** Runs this script at `ref` and at the working tree alternately; prints both and a RESULT line. */
function compare(ref: string): void {
  const here = path.resolve(import.meta.dirname, "..");
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "ingest-base-"));
  execFileSync("git", ["-C", here, "worktree", "add", "--detach", base, ref], { stdio: "ignore" });
  try {
    fs.symlinkSync(path.join(here, "node_modules"), path.join(base, "node_modules"));
    fs.copyFileSync(path.join(here, "bench/mirror-ingest.ts"), path.join(base, "bench/mirror-ingest.ts"));
    const runs: Record<"before" | "after", Ingest[]> = { before: [], after: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [which, cwd] of [["before", base], ["after", here]] as const) {
        const child = spawnSync("npx", ["tsx", "--conditions=react-server", "bench/mirror-ingest.ts", String(TOTAL)], { cwd, encoding: "utf8", maxBuffer: 1 << 26 });
        const line = child.stdout.split("\n").find((l) => l.startsWith("INGEST "));
        if (!line) throw new Error(`${which} run failed: ${child.stderr.slice(-2000)}`);
        const r = JSON.parse(line.slice(7)) as Ingest;
        runs[which].push(r);
        console.log(`round ${round + 1} ${which.padEnd(6)} list ${r.listPerSec.toLocaleString("en-US")} sales/s (${r.listPerCpuSec.toLocaleString("en-US")}/s of CPU), details ${r.detailPerSec.toLocaleString("en-US")}/s, ${r.dailyRollupRows.toLocaleString("en-US")} daily rollup rows, peak RSS ${r.peakRssMb} MB`);
      }
    }
    const best = (xs: Ingest[]) => xs.reduce((a, b) => (b.listPerCpuSec > a.listPerCpuSec ? b : a));
    const before = best(runs.before);
    const after = best(runs.after);
    console.log(`best of ${ROUNDS}: list ${before.listPerSec} → ${after.listPerSec} sales/s, per CPU-second ${before.listPerCpuSec} → ${after.listPerCpuSec} (${(((after.listPerCpuSec - before.listPerCpuSec) / before.listPerCpuSec) * 100).toFixed(1)} %)`);
    console.log(`RESULT ${JSON.stringify({ sales: TOTAL, engine: "sqlite", ref, ingest: { before, after } })}`);
  } finally {
    execFileSync("git", ["-C", here, "worktree", "remove", "--force", base], { stdio: "ignore" });
  }
}

async function main(): Promise<void> {
  if (COMPARE) return compare(COMPARE);
  console.log(`node ${process.version}, ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? "?"}), ${new Date().toISOString()}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mirror-bench-"));
  try {
    await run(`file:${path.join(dir, "mirror.db")}`, TOTAL, `SQLite ${TOTAL.toLocaleString("en-US")}`);
    console.log(`SQLite file size: ${(fs.statSync(path.join(dir, "mirror.db")).size / 1e6).toFixed(0)} MB`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (PG_URL) {
    const name = `bench_mirror_${Date.now()}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    try {
      await run(url.toString(), PG_TOTAL, `PostgreSQL ${PG_TOTAL.toLocaleString("en-US")}`);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
