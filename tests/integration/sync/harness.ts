// Shared set-up for the sync integration tests: a simulator on a virtual clock, a Chariow client that
// draws on it, a SyncContext over a test database, and the mirror's totals to compare with the truth.
import type { Kysely } from "kysely";
import {
  createChariowClient,
  createMemoryBudgetStore,
  createScheduler,
  createVirtualClock,
  PAID_SALE_STATUSES,
  type ChariowClient,
  type VirtualClock,
} from "@/lib/chariow";
import type { Database } from "@/lib/db";
import type { SyncContext } from "@/lib/sync";
import { startSimulator, type Dialect, type GroundTruth, type RunningSimulator, type FaultProfile } from "@/simulator/index";

export type FetchLikeForTests = (input: string, init: RequestInit) => Promise<Response>;

export const NOW = new Date("2026-06-01T12:00:00Z");

export async function startTestSimulator(options: { dialect?: Dialect; feesDeducted?: "service" | "both"; sales?: number; rateLimit?: number; clock?: VirtualClock; faults?: FaultProfile } = {}) {
  const clock = options.clock ?? createVirtualClock(NOW.getTime());
  const sim = await startSimulator({
    port: 0,
    seed: 7,
    dialect: options.dialect ?? "current",
    feesDeducted: options.feesDeducted ?? "service",
    rateLimit: options.rateLimit ?? 0,
    sales: options.sales ?? 1200,
    now: new Date(NOW.toISOString().slice(0, 10) + "T00:00:00Z"),
    clock: { now: () => clock.now() },
    ...(options.faults ? { faults: options.faults } : {}),
  });
  return { sim, clock };
}

export function testClient(sim: RunningSimulator, clock: VirtualClock, extra: { fetch?: FetchLikeForTests; timeoutMs?: number; assumedLimit?: number } = {}): ChariowClient {
  const scheduler = createScheduler({ clock, store: createMemoryBudgetStore({ assumedLimit: extra.assumedLimit ?? 1000 }), backoffBaseMs: 10 });
  return createChariowClient({ baseUrl: sim.baseUrl, apiKey: sim.apiKey, scheduler, clock, ...(extra.fetch ? { fetch: extra.fetch } : {}), ...(extra.timeoutMs ? { timeoutMs: extra.timeoutMs } : {}) });
}

export function testContext(db: Kysely<Database>, client: ChariowClient, clock: VirtualClock, guard: () => Promise<void> = async () => undefined): SyncContext {
  return { db, client, clock, timeZone: "Africa/Abidjan", guard };
}

/** Mirror totals computed straight from the sales table (not through the sync's own counters). */
export async function mirrorTotals(db: Kysely<Database>) {
  const rows = await db.selectFrom("sales").select(["id", "status", "currency", "amount", "original_amount", "discount_amount"]).execute();
  const byStatus: Record<string, number> = {};
  const byCurrency: Record<string, { salesCount: number; paidCount: number; paidRevenue: number; originalAmount: number; discountAmount: number }> = {};
  for (const r of rows) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    const c = (byCurrency[r.currency ?? "?"] ??= { salesCount: 0, paidCount: 0, paidRevenue: 0, originalAmount: 0, discountAmount: 0 });
    c.salesCount++;
    if ((PAID_SALE_STATUSES as readonly string[]).includes(r.status)) {
      c.paidCount++;
      c.paidRevenue += Number(r.amount);
      c.originalAmount += Number(r.original_amount);
      c.discountAmount += Number(r.discount_amount);
    }
  }
  return { count: rows.length, distinct: new Set(rows.map((r) => r.id)).size, byStatus, byCurrency };
}

/** The truth reduced to what mirrorTotals computes. */
export function expectedTotals(truth: GroundTruth) {
  const byStatus: Record<string, number> = {};
  for (const [s, n] of Object.entries(truth.byStatus)) if (n > 0) byStatus[s] = n;
  const byCurrency: Record<string, { salesCount: number; paidCount: number; paidRevenue: number; originalAmount: number; discountAmount: number }> = {};
  for (const [cur, t] of Object.entries(truth.byCurrency)) {
    if (!t) continue;
    byCurrency[cur] = { salesCount: t.salesCount, paidCount: t.paidCount, paidRevenue: t.paidRevenue, originalAmount: t.originalAmount, discountAmount: t.discountAmount };
  }
  return { count: truth.totalSales, distinct: truth.totalSales, byStatus, byCurrency };
}

export async function control(sim: RunningSimulator, path: string, body: unknown = {}) {
  const res = await fetch(`${sim.origin}/__sim${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-sim-token": sim.controlToken },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as unknown };
}

/** The "all" rollup per currency and status: would show a sale counted twice (the sales table cannot). */
export async function rollupTotals(db: Kysely<Database>) {
  const rows = await db
    .selectFrom("sales_rollup_daily")
    .select(["currency", "status", (eb) => eb.fn.sum<number>("count").as("n"), (eb) => eb.fn.sum<number>("amount").as("amount")])
    .where("dimension", "=", "all")
    .groupBy(["currency", "status"])
    .execute();
  const out: Record<string, { count: number; amount: number }> = {};
  for (const r of rows) out[`${r.currency}/${r.status}`] = { count: Number(r.n), amount: Number(r.amount) };
  return out;
}

/** The same sums straight from the sales table. */
export async function salesTableTotals(db: Kysely<Database>) {
  const rows = await db
    .selectFrom("sales")
    .select(["currency", "status", (eb) => eb.fn.countAll<number>().as("n"), (eb) => eb.fn.sum<number>("amount").as("amount")])
    .groupBy(["currency", "status"])
    .execute();
  const out: Record<string, { count: number; amount: number }> = {};
  for (const r of rows) out[`${r.currency}/${r.status}`] = { count: Number(r.n), amount: Number(r.amount) };
  return out;
}
