// Each lead's next payment (migration 0027): for a failed or abandoned sale with a customer id, the same
// customer's earliest paid sale of its product strictly after it — its paid time and id — whatever the
// recovery window (the window is a setting: the Recovery page tests it on read, lib/recovery/range-
// recoveries.ts). Kept inside upsertSales' transaction so the page reads it from the lead index instead of
// seeking every lead's payments (docs/recovery.md).
import "server-only";
import type { Kysely } from "kysely";
import type { Database, SaleRow } from "@/lib/db";

const READ_CHUNK = 500;
const WRITE_CHUNK = 500;
const LEAD = ["failed", "abandoned"];
// find-recoveries.ts PAID_STATUSES, restated: lib/mirror does not import lib/recovery.
const PAID = ["completed", "settled"];

type Next = Pick<SaleRow, "next_paid_at" | "next_paid_id">;
type Member = Pick<SaleRow, "id" | "status" | "customer_id" | "product_id" | "failed_at" | "abandoned_at" | "created_at" | "completed_at"> & Next;

// The instants the rules compare (attribution.ts): a lead's failure (else abandonment, else creation), a
// payment's completion (else creation). Compared as text: the mirror stores ISO UTC with milliseconds.
const leadAt = (r: Member) => r.failed_at ?? r.abandoned_at ?? r.created_at;
const paidAt = (r: Member) => r.completed_at ?? r.created_at;

/** The (customer, product) a lead waits on, or null when it is no lead or cannot be attributed by customer id. */
function leadKey(r: Member): string | null {
  if (!LEAD.includes(r.status) || r.customer_id === null || r.product_id === null || leadAt(r) === null) return null;
  return JSON.stringify([r.customer_id, r.product_id]);
}

/** The (customer, product) a payment may recover leads of, or null. */
function paymentKey(r: Member): string | null {
  if (!PAID.includes(r.status) || r.customer_id === null || r.product_id === null || paidAt(r) === null) return null;
  return JSON.stringify([r.customer_id, r.product_id]);
}

/**
 * Sets `next_paid_at` / `next_paid_id` on the batch's rows (before they are written) and updates the stored
 * leads whose next payment the batch changed. Every (customer, product) a batch row enters or leaves — as a
 * lead or as a payment, in its old version or its new one — is recomputed whole from its stored sales and
 * the batch's, so the result is the same whatever order the sales arrive in (a payment before the failure
 * it follows, a payment that becomes paid, then refunded, a lead that becomes paid). A re-read that changes
 * none of what the rule looks at costs nothing here.
 */
export async function maintainLeadNextPayments(trx: Kysely<Database>, after: SaleRow[], before: Map<string, SaleRow>): Promise<void> {
  const touched = new Set<string>();
  for (const row of after) {
    if (leadKey(row) === null) Object.assign(row, { next_paid_at: null, next_paid_id: null } satisfies Next);
    const old = before.get(row.id);
    if (old && sameFacts(old, row)) continue;
    for (const key of [old && leadKey(old), old && paymentKey(old), leadKey(row), paymentKey(row)]) if (key) touched.add(key);
  }
  if (touched.size === 0) return;

  const batchIds = new Set(after.map((r) => r.id));
  const groups = new Map<string, Member[]>();
  for (const key of touched) groups.set(key, []);
  const place = (r: Member) => {
    const key = leadKey(r) ?? paymentKey(r);
    if (key !== null) groups.get(key)?.push(r);
  };
  after.forEach(place);
  const customers = [...new Set([...touched].map((k) => (JSON.parse(k) as [string, string])[0]))];
  for (let i = 0; i < customers.length; i += READ_CHUNK) {
    // Through sales_customer_idx (customer_id, created_at): a customer has a handful of sales. No status
    // condition, as in customer-facts.ts: SQLite (no statistics) would walk the status index instead.
    const stored = await trx
      .selectFrom("sales")
      .select(["id", "status", "customer_id", "product_id", "failed_at", "abandoned_at", "created_at", "completed_at", "next_paid_at", "next_paid_id"])
      .where("customer_id", "in", customers.slice(i, i + READ_CHUNK))
      .execute();
    for (const row of stored) if (!batchIds.has(row.id)) place(row); // a batch row's stored version is being replaced
  }

  // Stored leads whose next payment changes, grouped by the value they get (one statement per payment).
  const updates = new Map<string, { next: Next; ids: string[] }>();
  for (const members of groups.values()) {
    const payments = members.filter((m) => paymentKey(m) !== null).sort(byPaid);
    for (const lead of members) {
      if (leadKey(lead) === null) continue;
      const at = leadAt(lead)!;
      const found = payments.find((p) => paidAt(p)! > at);
      const next: Next = { next_paid_at: found ? paidAt(found) : null, next_paid_id: found ? found.id : null };
      if (batchIds.has(lead.id)) Object.assign(lead, next);
      else if (lead.next_paid_at !== next.next_paid_at || lead.next_paid_id !== next.next_paid_id) {
        const k = JSON.stringify(next);
        updates.set(k, { next, ids: [...(updates.get(k)?.ids ?? []), lead.id] });
      }
    }
  }
  for (const { next, ids } of updates.values()) {
    for (let i = 0; i < ids.length; i += WRITE_CHUNK) await trx.updateTable("sales").set(next).where("id", "in", ids.slice(i, i + WRITE_CHUNK)).execute();
  }
}

/** Whether two versions of a sale agree on everything the rule looks at. */
function sameFacts(a: Member, b: Member): boolean {
  return a.status === b.status && a.customer_id === b.customer_id && a.product_id === b.product_id && a.failed_at === b.failed_at
    && a.abandoned_at === b.abandoned_at && a.created_at === b.created_at && a.completed_at === b.completed_at;
}

// By paid time, then the smaller id in byte order (ids are ASCII; attribution.ts breaks ties the same way).
function byPaid(a: Member, b: Member): number {
  const x = paidAt(a)!;
  const y = paidAt(b)!;
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

