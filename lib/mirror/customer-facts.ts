// New vs returning customers' per-sale facts (migration 0017): for each paid sale, the created_at of its
// customer's first paid sale in its currency and of their previous one. Kept inside upsertSales' transaction
// so the Revenue page's split is additive over a range's sales (lib/analytics/revenue.ts getCustomerSplit).
import "server-only";
import type { Kysely } from "kysely";
import { PAID_SALE_STATUSES } from "@/lib/chariow/enum-values";
import type { Database, SaleRow } from "@/lib/db";
import { CustomerSplitDelta, applyCustomerSplitDelta, type SplitFacts } from "./customer-split-monthly";

const READ_CHUNK = 500;
const WRITE_CHUNK = 500;

type Facts = Pick<SaleRow, "first_paid_at" | "prev_paid_at">;
type ChainMember = Pick<SaleRow, "id" | "created_at"> & SplitFacts;

/** The (customer, currency) chain a sale belongs to, or null when it is in none (unpaid, or a key missing). */
export function chainKey(row: Pick<SaleRow, "status" | "customer_id" | "currency" | "created_at">): string | null {
  if (!(PAID_SALE_STATUSES as readonly string[]).includes(row.status)) return null;
  if (row.customer_id === null || row.currency === null || row.created_at === null) return null;
  return JSON.stringify([row.customer_id, row.currency]);
}

/** Ordered by created_at, then id (two paid sales at the same instant still form a chain). */
function byCreated(a: ChainMember, b: ChainMember): number {
  const x = a.created_at as string;
  const y = b.created_at as string;
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Sets `first_paid_at` / `prev_paid_at` on the batch's rows (`after`, before they are written), updates
 * the stored paid sales whose facts the batch changed, and the monthly split by the difference. A chain
 * is recomputed whole from its stored paid sales and the batch's, so the result is the same whatever
 * order the sales arrive in (a backfill walks newest first: an older sale arriving later becomes the
 * first of every sale after it).
 *
 * `before` holds the stored version of every batch row that existed; only chains a sale enters, leaves or
 * moves within are recomputed — a re-read of a paid sale that changes neither its status class, customer,
 * currency nor created_at costs nothing here.
 */
export async function maintainCustomerFacts(trx: Kysely<Database>, after: SaleRow[], before: Map<string, SaleRow>, timeZone: string): Promise<void> {
  const moved = await maintainChains(trx, after, before);
  // Every batch row (its amount or day may have changed even where its facts did not) and every stored
  // sale whose facts moved: out with the old contributions, in with the new.
  const delta = new CustomerSplitDelta(timeZone);
  for (const row of after) {
    delta.add(before.get(row.id), -1);
    delta.add(row, 1);
  }
  for (const [old, now] of moved) {
    delta.add(old, -1);
    delta.add(now, 1);
  }
  await applyCustomerSplitDelta(trx, delta);
}

/** The chains' part: returns the stored sales (not in the batch) whose facts it updated, before and after. */
async function maintainChains(trx: Kysely<Database>, after: SaleRow[], before: Map<string, SaleRow>): Promise<Array<[ChainMember, ChainMember]>> {
  const touched = new Set<string>();
  for (const row of after) {
    const old = before.get(row.id);
    const oldKey = old ? chainKey(old) : null;
    const newKey = chainKey(row);
    if (newKey === null) Object.assign(row, { first_paid_at: null, prev_paid_at: null } satisfies Facts);
    if (oldKey === newKey && (newKey === null || old?.created_at === row.created_at)) continue;
    if (oldKey !== null) touched.add(oldKey);
    if (newKey !== null) touched.add(newKey);
  }
  if (touched.size === 0) return [];

  const batchIds = new Set(after.map((r) => r.id));
  const chains = new Map<string, ChainMember[]>();
  for (const key of touched) chains.set(key, []);
  for (const row of after) {
    const key = chainKey(row);
    if (key !== null && chains.has(key)) chains.get(key)!.push(row);
  }
  const customers = [...new Set([...touched].map((k) => (JSON.parse(k) as [string, string])[0]))];
  for (let i = 0; i < customers.length; i += READ_CHUNK) {
    // Through sales_customer_idx (customer_id, created_at): a customer has a handful of sales. No status
    // condition: SQLite (no statistics) would then walk sales_status_created_idx over every paid sale;
    // chainKey keeps the paid ones.
    const stored = await trx
      .selectFrom("sales")
      .select(["id", "status", "customer_id", "currency", "created_at", "local_day", "amount", "first_paid_at", "prev_paid_at"])
      .where("customer_id", "in", customers.slice(i, i + READ_CHUNK))
      .execute();
    for (const row of stored) {
      if (batchIds.has(row.id)) continue; // its stored version is being replaced by the batch's
      const key = chainKey(row);
      if (key !== null) chains.get(key)?.push(row);
    }
  }

  // Stored rows whose facts change, grouped by the value they get: a new first sale moves every later sale
  // of its chain to the same first_paid_at (one statement for all of them); prev_paid_at moves for one.
  const firstUpdates = new Map<string, string[]>();
  const prevUpdates = new Map<string | null, string[]>();
  const add = <K>(map: Map<K, string[]>, key: K, id: string) => map.set(key, [...(map.get(key) ?? []), id]);
  const moved: Array<[ChainMember, ChainMember]> = [];
  for (const members of chains.values()) {
    members.sort(byCreated);
    const first = members[0]?.created_at ?? null;
    members.forEach((m, k) => {
      const prev = k === 0 ? null : members[k - 1]!.created_at;
      if (batchIds.has(m.id)) {
        Object.assign(m, { first_paid_at: first, prev_paid_at: prev } satisfies Facts);
        return;
      }
      if (m.first_paid_at !== first) add(firstUpdates, first as string, m.id);
      if (m.prev_paid_at !== prev) add(prevUpdates, prev, m.id);
      if (m.first_paid_at !== first || m.prev_paid_at !== prev) moved.push([m, { ...m, first_paid_at: first, prev_paid_at: prev }]);
    });
  }
  for (const [first, ids] of firstUpdates) {
    for (let i = 0; i < ids.length; i += WRITE_CHUNK) await trx.updateTable("sales").set({ first_paid_at: first }).where("id", "in", ids.slice(i, i + WRITE_CHUNK)).execute();
  }
  for (const [prev, ids] of prevUpdates) {
    for (let i = 0; i < ids.length; i += WRITE_CHUNK) await trx.updateTable("sales").set({ prev_paid_at: prev }).where("id", "in", ids.slice(i, i + WRITE_CHUNK)).execute();
  }
  return moved;
}
