// Each lead's next payment (lib/mirror/lead-next-payment.ts, migration 0027) equals an independent
// recomputation from the stored sales — the same customer's earliest paid sale of the lead's product strictly
// after the lead, ties to the smaller id — after every batch of seeded random arrivals (versions in any order
// and batch, a payment before the failure it follows, payments that become paid or fail, leads that become
// paid, sales moving to another customer or product, two payments at the same instant), after a re-sync of
// everything, and after the migration's own fill; and in a hand-built story step by step.
import { expect, it } from "vitest";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";
import type { Sale } from "@/lib/chariow";
import { upsertSales, type SaleSource } from "@/lib/mirror";
import { engineOfDb } from "@/lib/db/engine-sql";
import { fillLeadNextPayments } from "@/lib/db/migrations/0027-lead-next-payment";
import { describeEachEngine } from "../db/engines";
import { rng, type Rng } from "../../factories/rng";
import { saleDetail, salePulse, saleSummary, type SaleFacts } from "../../factories/sales";

const ZONE = "Africa/Abidjan";
const HOUR = 3_600_000;
const T0 = Date.parse("2026-03-01T00:00:00.000Z");
const iso = (ms: number) => new Date(ms).toISOString();

type Stored = { id: string; status: string; customer_id: string | null; product_id: string | null; created_at: string | null; completed_at: string | null; failed_at: string | null; abandoned_at: string | null; next_paid_at: string | null; next_paid_id: string | null };

/** The rule by hand over the stored rows: [lead id, next paid time, next payment id] for every sale. */
async function check(db: Kysely<Database>, label: string): Promise<number> {
  const rows = (await db.selectFrom("sales").select(["id", "status", "customer_id", "product_id", "created_at", "completed_at", "failed_at", "abandoned_at", "next_paid_at", "next_paid_id"]).execute()) as Stored[];
  const paid = rows.filter((p) => p.status === "completed" || p.status === "settled").map((p) => ({ ...p, at: Date.parse(p.completed_at ?? p.created_at!) }));
  let found = 0;
  const expected = rows.map((s) => {
    if ((s.status !== "failed" && s.status !== "abandoned") || !s.customer_id || !s.product_id) return [s.id, null, null];
    const at = Date.parse(s.failed_at ?? s.abandoned_at ?? s.created_at!);
    const later = paid.filter((p) => p.customer_id === s.customer_id && p.product_id === s.product_id && p.at > at);
    const first = later.reduce<(typeof later)[number] | null>((m, p) => (m === null || p.at < m.at || (p.at === m.at && p.id < m.id) ? p : m), null);
    if (first) found++;
    return [s.id, first ? first.completed_at ?? first.created_at : null, first?.id ?? null];
  });
  expect(rows.map((s) => [s.id, s.next_paid_at, s.next_paid_id]).sort(), label).toEqual(expected.sort());
  return found;
}

type Version = { facts: SaleFacts; source: SaleSource };

/** 70 sales, 4 customers and 2 products (many sales share a key), each with its versions. */
function world(r: Rng): Version[] {
  const versions: Version[] = [];
  for (let i = 0; i < 70; i++) {
    const key = () => ({ customerId: r.pick(["cus_a", "cus_b", "cus_c", "cus_d"]), productId: r.pick(["prd_1", "prd_2"]) });
    const base: SaleFacts = { id: `s${String(i).padStart(2, "0")}`, ...key(), currency: "XOF", originalMinor: 4900 };
    // Whole hours over 10 days: two sales often share an instant (the tie goes to the smaller id).
    const at = T0 + Math.floor(r.next() * 240) * HOUR;
    const v = (n: number, f: Partial<SaleFacts>): Version => ({ facts: { ...base, createdAt: iso(at), updatedAt: iso(at + n * 1000), ...f }, source: r.pick(["list", "detail", "pulse"] as const) });
    const kind = r.next();
    if (kind < 0.45) {
      versions.push(v(0, { status: "awaiting_payment" }), v(1, r.maybe(0.6) ? { status: "failed", failedAt: iso(at + HOUR) } : { status: "abandoned", abandonedAt: iso(at + 2 * HOUR) }));
      if (r.maybe(0.15)) versions.push(v(2, { status: "completed", completedAt: iso(at + 3 * HOUR) })); // paid after all
    } else {
      const paidAt = iso(at + Math.floor(r.next() * 4) * HOUR);
      versions.push(v(0, { status: "awaiting_payment" }));
      if (r.maybe(0.15)) versions.push(v(1, { status: "failed", failedAt: paidAt }));
      else {
        versions.push(v(1, { status: "completed", completedAt: paidAt }));
        if (r.maybe(0.3)) versions.push(v(2, { status: "settled", completedAt: paidAt }));
      }
    }
    // Now and then a later version moves the sale to another customer or product (a merge on Chariow's side).
    if (r.maybe(0.08)) {
      const last = versions[versions.length - 1]!;
      versions.push({ ...last, facts: { ...last.facts, ...key(), updatedAt: iso(at + 9_000) } });
    }
  }
  return versions;
}

function payload(v: Version): Sale {
  return v.source === "list" ? saleSummary(v.facts) : v.source === "pulse" ? salePulse(v.facts) : saleDetail(v.facts);
}

function shuffled<T>(r: Rng, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describeEachEngine("Each lead's next payment, kept by upsertSales", ({ db }) => {
  for (const seed of [5, 17, 42]) {
    it(`equals the rule applied by hand after every batch, a re-sync and the migration's fill (seed ${seed})`, async () => {
      const r = rng(seed);
      const versions = shuffled(r, world(r));
      let found = 0;
      for (let i = 0; i < versions.length; ) {
        const size = 1 + Math.floor(r.next() * 8); // a Pulse, or a page of a few (the same sale may be twice in it)
        const batch = versions.slice(i, i + size);
        i += size;
        await upsertSales(db().db, batch.map(payload), { source: batch[0]!.source, receivedAt: "2026-03-20T00:00:00.000Z", timeZone: ZONE });
        found = await check(db().db, `after ${i} versions`);
      }
      // The data reaches the rule: leads with a next payment, leads without, payments at the same instant.
      expect(found).toBeGreaterThan(5);
      const rows = await db().db.selectFrom("sales").select(["status", "next_paid_at"]).execute();
      expect(rows.filter((s) => (s.status === "failed" || s.status === "abandoned") && s.next_paid_at === null).length).toBeGreaterThan(1);
      // A re-sync: every version again, in another order, in one page each of 20.
      const again = shuffled(r, versions);
      for (let i = 0; i < again.length; i += 20) await upsertSales(db().db, again.slice(i, i + 20).map(payload), { source: "list", receivedAt: "2026-03-21T00:00:00.000Z", timeZone: ZONE });
      await check(db().db, "after a re-sync");
      // The migration's fill (also what bench/lists.ts runs) gives the same values from scratch.
      await db().db.updateTable("sales").set({ next_paid_at: "x", next_paid_id: "x" }).execute();
      await fillLeadNextPayments(db().db, engineOfDb(db().db));
      await check(db().db, "after the migration's fill");
    });
  }

  it("follows a payment arriving before its failure, one that becomes paid, and a lead that is paid after all", async () => {
    const put = (facts: SaleFacts) => upsertSales(db().db, [saleDetail({ customerId: "cus_a", productId: "prd_1", currency: "XOF", originalMinor: 4900, ...facts })], { source: "detail", receivedAt: "2026-03-20T00:00:00.000Z", timeZone: ZONE });
    const next = async (id: string) => db().db.selectFrom("sales").select(["next_paid_at", "next_paid_id"]).where("id", "=", id).executeTakeFirstOrThrow();
    const t = (h: number) => iso(T0 + h * HOUR);
    // The payment two hours after the failure arrives first; then the failure: its next payment is that one.
    await put({ id: "pay_late", status: "completed", createdAt: t(2), completedAt: t(2), updatedAt: t(2) });
    await put({ id: "lead", status: "failed", createdAt: t(0), failedAt: t(0), updatedAt: t(0) });
    expect(await next("lead")).toEqual({ next_paid_at: t(2), next_paid_id: "pay_late" });
    // An earlier attempt of the customer is still awaiting payment: not a payment yet.
    await put({ id: "pay_early", status: "awaiting_payment", createdAt: t(1), updatedAt: t(1) });
    expect(await next("lead")).toEqual({ next_paid_at: t(2), next_paid_id: "pay_late" });
    // It is paid: now it is the lead's next payment.
    await put({ id: "pay_early", status: "completed", createdAt: t(1), completedAt: t(1), updatedAt: t(1.5) });
    expect(await next("lead")).toEqual({ next_paid_at: t(1), next_paid_id: "pay_early" });
    // Another payment at the same instant with a smaller id wins the tie.
    await put({ id: "pay_a", status: "settled", createdAt: t(0.5), completedAt: t(1), updatedAt: t(1) });
    expect(await next("lead")).toEqual({ next_paid_at: t(1), next_paid_id: "pay_a" });
    // The same customer's older failure becomes paid after all: the lead is no lead (nothing kept on it) and
    // its payment, before the newer lead, changes nothing for it.
    await put({ id: "lead_old", status: "failed", createdAt: t(-5), failedAt: t(-5), updatedAt: t(-5) });
    expect(await next("lead_old")).toEqual({ next_paid_at: t(1), next_paid_id: "pay_a" });
    await put({ id: "lead_old", status: "completed", createdAt: t(-5), completedAt: t(-4), updatedAt: t(-4) });
    expect(await next("lead_old")).toEqual({ next_paid_at: null, next_paid_id: null });
    expect(await next("lead")).toEqual({ next_paid_at: t(1), next_paid_id: "pay_a" });
    // Another product's or customer's payment is never the lead's.
    await upsertSales(db().db, [saleDetail({ id: "other", customerId: "cus_b", productId: "prd_1", currency: "XOF", originalMinor: 4900, status: "completed", createdAt: t(0.2), completedAt: t(0.2), updatedAt: t(0.2) })], { source: "detail", receivedAt: "2026-03-20T00:00:00.000Z", timeZone: ZONE });
    await put({ id: "other_product", productId: "prd_2", status: "completed", createdAt: t(0.3), completedAt: t(0.3), updatedAt: t(0.3) });
    expect(await next("lead")).toEqual({ next_paid_at: t(1), next_paid_id: "pay_a" });
    await check(db().db, "the story's end");
    // The migration's fill breaks the same tie the same way.
    await db().db.updateTable("sales").set({ next_paid_at: null, next_paid_id: null }).execute();
    await fillLeadNextPayments(db().db, engineOfDb(db().db));
    expect(await next("lead")).toEqual({ next_paid_at: t(1), next_paid_id: "pay_a" });
    await check(db().db, "the story after the migration's fill");
  });
});
