// Writes a page of sales into the mirror: idempotent per Chariow id, newer-version-wins, field-wise merge,
// rollups, new-vs-returning customer facts and each lead's next payment by delta — in one transaction, with one read and a few
// multi-row writes per page (DESIGN §2).
import "server-only";
import type { Kysely } from "kysely";
import { rawPayloadOf, type Sale } from "@/lib/chariow";
import type { Database, SaleRow } from "@/lib/db";
import { withWriteTransaction } from "@/lib/db/engine-sql";
import { upsertCatalogue } from "./catalogue";
import { maintainCustomerFacts } from "./customer-facts";
import { maintainLeadNextPayments } from "./lead-next-payment";
import { compareVersions, mergeSaleData } from "./merge";
import { DownloadDelta, applyDownloadDelta } from "./download-rollup";
import { PayoutDelta, applyPayoutDelta } from "./payout-rollup";
import { RollupDelta, applyRollupDelta } from "./rollups";
import { SALE_DATA_KEYS, deriveColumns, saleToData, stripSignedUrls, type SaleData } from "./sale-row";

export type SaleSource = "list" | "detail" | "pulse";

export interface UpsertSalesOptions {
  source: SaleSource;
  /** When the payload was read or received (ISO UTC); becomes source_at / detail_at. */
  receivedAt: string;
  /** The store timezone for local days (settings; lib/time.ts). */
  timeZone: string;
  /** The raw JSON items, aligned with `sales`, kept as raw_json (signed URLs stripped). Defaults to the
   * payload each sale was parsed from by the client (rawPayloadOf); a sale built in code has none. */
  raw?: unknown[];
  /** Pulse `checkout.url` per sale, aligned with `sales` (§8: the recovery link). */
  checkoutUrls?: (string | null)[];
}

export interface UpsertSalesResult {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Older than the mirror's version (by updated_at or status order): ignored entirely. Each input sale
   * counts in exactly one of the four (an id repeated in a page counts once per occurrence). */
  skippedStale: number;
}

const READ_CHUNK = 500;
// ~70 columns a row: 400 rows stay under SQLite's 32,766 bound parameters per statement.
const WRITE_CHUNK = 400;
const ROW_COLUMNS = ["id", ...SALE_DATA_KEYS, "raw_json", "source", "source_at", "detail_at", "first_paid_at", "prev_paid_at", "next_paid_at", "next_paid_id"] as const;

type DueChange = { sale_id: string; previous_due_at: string; new_due_at: string; changed_at: string };

/**
 * A payout rescheduled by Chariow (issue 16): a known `settlement_due_at` replaced by a different known
 * instant. Not the first time it becomes known (null → value), and not a rewrite of the same instant.
 */
function dueChange(saleId: string, before: SaleData, after: SaleData, at: string): DueChange | null {
  const previous = before.settlement_due_at;
  const next = after.settlement_due_at;
  if (previous === null || next === null || Date.parse(previous) === Date.parse(next)) return null;
  return { sale_id: saleId, previous_due_at: previous, new_due_at: next, changed_at: at };
}

function sameData(a: SaleData, b: SaleData): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return SALE_DATA_KEYS.every((k) => x[k] === y[k]);
}

async function readExisting(trx: Kysely<Database>, ids: string[]): Promise<Map<string, SaleRow>> {
  const found = new Map<string, SaleRow>();
  for (let i = 0; i < ids.length; i += READ_CHUNK) {
    const rows = await trx.selectFrom("sales").selectAll().where("id", "in", ids.slice(i, i + READ_CHUNK)).execute();
    for (const row of rows) found.set(row.id, row);
  }
  return found;
}

async function writeRows(trx: Kysely<Database>, rows: SaleRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    await trx
      .insertInto("sales")
      .values(rows.slice(i, i + WRITE_CHUNK))
      .onConflict((oc) =>
        oc.column("id").doUpdateSet((eb) => {
          const set: Record<string, unknown> = {};
          for (const c of ROW_COLUMNS) if (c !== "id") set[c] = eb.ref(`excluded.${c}`);
          // A full replace of a row computed in memory from the row read under the write lock.
          return set as Partial<SaleRow>;
        }),
      )
      .execute();
  }
}

export async function upsertSales(db: Kysely<Database>, sales: Sale[], opts: UpsertSalesOptions): Promise<UpsertSalesResult> {
  const result: UpsertSalesResult = { inserted: 0, updated: 0, unchanged: 0, skippedStale: 0 };
  if (sales.length === 0) return result;
  if (opts.raw && opts.raw.length !== sales.length) throw new RangeError("upsertSales: raw must be aligned with sales");
  if (opts.checkoutUrls && opts.checkoutUrls.length !== sales.length) throw new RangeError("upsertSales: checkoutUrls must be aligned with sales");

  return withWriteTransaction(db, async (trx) => {
    const stored = await readExisting(trx, [...new Set(sales.map((s) => s.id))]);
    const current = new Map(stored); // evolves through the batch: one id may appear twice in a page
    const dirty = new Set<string>();
    const accepted: Sale[] = []; // inserted or changed: what the catalogue may learn from
    const dueChanges: DueChange[] = []; // kept in sale_settlement_due_history (migration 0014)

    sales.forEach((sale, i) => {
      const incoming = deriveColumns(saleToData(sale, opts.checkoutUrls?.[i] ?? null), opts.timeZone);
      const payload = opts.raw ? opts.raw[i] : rawPayloadOf(sale);
      const raw = payload === undefined || payload === null ? null : JSON.stringify(stripSignedUrls(payload));
      const before = current.get(sale.id);
      const detailAt = opts.source === "detail" ? opts.receivedAt : null;
      if (!before) {
        const facts = { first_paid_at: null, prev_paid_at: null, next_paid_at: null, next_paid_id: null }; // set by maintainCustomerFacts, maintainLeadNextPayments
        current.set(sale.id, { id: sale.id, ...incoming, raw_json: raw, source: opts.source, source_at: opts.receivedAt, detail_at: detailAt, ...facts });
        dirty.add(sale.id);
        result.inserted++;
        accepted.push(sale);
        return;
      }
      const verdict = compareVersions(incoming, before);
      if (verdict === "stale") {
        result.skippedStale++;
        return;
      }
      const merged = deriveColumns(mergeSaleData(before, incoming), opts.timeZone);
      if (sameData(merged, before)) {
        result.unchanged++;
        // A replayed detail still counts as read: enrichment should not pick the sale again.
        if (detailAt !== null && (before.detail_at === null || before.detail_at < detailAt)) {
          current.set(sale.id, { ...before, detail_at: detailAt });
          dirty.add(sale.id);
        }
        return;
      }
      result.updated++;
      accepted.push(sale);
      const moved = dueChange(sale.id, before, merged, opts.receivedAt);
      if (moved) dueChanges.push(moved);
      current.set(sale.id, {
        ...merged,
        id: sale.id,
        raw_json: raw ?? before.raw_json,
        source: opts.source,
        source_at: opts.receivedAt,
        detail_at: detailAt ?? before.detail_at,
        first_paid_at: before.first_paid_at,
        prev_paid_at: before.prev_paid_at,
        next_paid_at: before.next_paid_at,
        next_paid_id: before.next_paid_id,
      });
      dirty.add(sale.id);
    });

    if (dirty.size === 0) return result;
    const delta = new RollupDelta();
    const downloads = new DownloadDelta();
    const payouts = new PayoutDelta();
    const rows: SaleRow[] = [];
    for (const id of dirty) {
      const after = current.get(id) as SaleRow;
      const before = stored.get(id);
      if (before) delta.add(before, -1);
      delta.add(after, 1);
      downloads.change(before, after);
      payouts.change(before, after);
      rows.push(after);
    }
    // Facts first: the batch's rows get theirs in memory and are written once; the chains' read then sees
    // the stored versions, which the batch replaces.
    await maintainCustomerFacts(trx, rows, stored, opts.timeZone);
    await maintainLeadNextPayments(trx, rows, stored);
    await writeRows(trx, rows);
    // Only a real change reaches here (an unchanged replay is `unchanged` above), so a re-read of the same
    // data adds no history row.
    for (let i = 0; i < dueChanges.length; i += WRITE_CHUNK) await trx.insertInto("sale_settlement_due_history").values(dueChanges.slice(i, i + WRITE_CHUNK)).execute();
    await applyRollupDelta(trx, delta);
    await applyDownloadDelta(trx, downloads);
    await applyPayoutDelta(trx, payouts); // after writeRows: a stale bucket's max is read from the sales
    await upsertCatalogue(trx, accepted, opts.receivedAt);
    return result;
  });
}
