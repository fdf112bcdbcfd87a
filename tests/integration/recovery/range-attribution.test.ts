// The worklist's set-based attribution (listLeads: the range's leads joined to their customers' paid sales
// through migration 0021's index, plus the exact links) against the rules of docs/recovery.md applied by
// hand in this file — never the app's own attribution code — on both engines, over hand-built sales that
// hit the edges: several attempts and payments of one customer and product, a payment created before the
// lead but paid after it, the window's last instant and one millisecond past it, a link paid by someone
// else long after the window, a lead known only by e-mail, a lead whose failure is timed days before the
// range (outside the join's margin), settled payments, other customers and products. The one-lead form
// (getLead, per-chunk findRecoveries) and the page's figures in SQL (rangeRecoveries) must give the same
// answer for every lead.
import { expect, it } from "vitest";
import { upsertSales } from "@/lib/mirror";
import { getLead, listLeads, rangeRecoveries } from "@/lib/recovery";
import { saleDetail, type SaleFacts } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";

const ZONE = "Africa/Abidjan"; // UTC: a sale's local day is its UTC date
const RANGE = { from: "2026-05-03", to: "2026-05-09" };
const WINDOW_DAYS = 5;
const DAY = 86_400_000;
const T0 = Date.parse("2026-04-28T00:00:00.000Z");
const iso = (ms: number) => new Date(ms).toISOString();

/** A small deterministic generator (mulberry32), so the data is the same on every run and engine. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Built = SaleFacts & { linkTo?: string; noCustomerId?: boolean };

function build(): Built[] {
  const rnd = random(17);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const out: Built[] = [];
  const customers = ["cus_a", "cus_b", "cus_c", "cus_d", "cus_e", "cus_f", "cus_g", "cus_h", "cus_i", "cus_j"];
  const products = ["prd_1", "prd_2", "prd_3"];
  for (let i = 0; i < 160; i++) {
    const customerId = pick(customers);
    const productId = pick(products);
    const at = T0 + Math.floor(rnd() * 22 * DAY);
    const kind = rnd();
    const email = `${customerId}@x.test`;
    if (kind < 0.55) {
      out.push({ id: `l${i}`, customerId, email, productId, createdAt: iso(at), ...(rnd() < 0.5 ? { status: "failed", failedAt: iso(at + 60_000) } : { status: "abandoned", abandonedAt: iso(at + 60_000) }) });
    } else {
      // Some payments were created (checkout opened) before they were paid, up to two days later; a
      // settled sale's payment time is its creation (the mirror keeps completed_at for `completed` only).
      const status = rnd() < 0.8 ? "completed" : "settled";
      const created = at - (status === "completed" && rnd() < 0.2 ? Math.floor(rnd() * 2 * DAY) : 0);
      out.push({ id: `p${i}`, status, customerId, email, productId, createdAt: iso(created), completedAt: iso(at) });
    }
  }
  // The edges, each on its own customer so nothing else competes.
  const lead = (id: string, customerId: string, productId: string, created: string, failed = created): Built => ({ id, status: "failed", customerId, email: `${customerId}@x.test`, productId, createdAt: created, failedAt: failed });
  const pay = (id: string, customerId: string, productId: string, paid: string, created = paid): Built => ({ id, status: "completed", customerId, email: `${customerId}@x.test`, productId, createdAt: created, completedAt: paid });
  out.push(
    lead("edge_last", "cus_w", "prd_1", "2026-05-04T10:00:00.000Z"),
    pay("edge_last_pay", "cus_w", "prd_1", iso(Date.parse("2026-05-04T10:00:00.000Z") + WINDOW_DAYS * DAY)), // exactly at the window's end: recovers
    lead("edge_past", "cus_x", "prd_1", "2026-05-04T10:00:00.000Z"),
    pay("edge_past_pay", "cus_x", "prd_1", iso(Date.parse("2026-05-04T10:00:00.000Z") + WINDOW_DAYS * DAY + 1)), // a millisecond late
    lead("edge_before", "cus_y", "prd_2", "2026-05-05T08:00:00.000Z"),
    pay("edge_before_pay", "cus_y", "prd_2", "2026-05-05T09:00:00.000Z", "2026-05-04T20:00:00.000Z"), // opened before the lead, paid after
    lead("edge_link", "cus_z", "prd_3", "2026-05-06T08:00:00.000Z"),
    { ...pay("edge_link_pay", "cus_other", "prd_2", "2026-05-30T08:00:00.000Z"), linkTo: "edge_link" }, // its link, paid by another, weeks later
    { ...lead("edge_email", "cus_v", "prd_1", "2026-05-07T08:00:00.000Z"), noCustomerId: true },
    pay("edge_email_pay", "cus_v", "prd_1", "2026-05-08T08:00:00.000Z"),
    lead("edge_early", "cus_u", "prd_2", "2026-05-03T08:00:00.000Z", "2026-04-20T08:00:00.000Z"), // its failure timed long before the range
    pay("edge_early_pay", "cus_u", "prd_2", "2026-04-22T08:00:00.000Z"),
  );
  return out;
}

const PAID = new Set(["completed", "settled"]);
const atOf = (s: Built) => s.failedAt ?? s.abandonedAt ?? s.createdAt ?? "";
const paidAtOf = (s: Built) => s.completedAt ?? s.createdAt ?? "";

/** docs/recovery.md by hand: by link (earliest paid sale naming the lead), else by window (same customer — by id, else e-mail — same product, strictly after, at most N days later, earliest). */
function truth(sales: Built[]): Map<string, { saleId: string; by: "link" | "window" } | null> {
  const payments = sales.filter((s) => PAID.has(s.status ?? "completed")).sort((a, b) => Date.parse(paidAtOf(a)) - Date.parse(paidAtOf(b)) || a.id.localeCompare(b.id));
  const out = new Map<string, { saleId: string; by: "link" | "window" } | null>();
  for (const l of sales) {
    if (l.status !== "failed" && l.status !== "abandoned") continue;
    if (l.createdAt!.slice(0, 10) < RANGE.from || l.createdAt!.slice(0, 10) > RANGE.to) continue;
    const link = payments.find((p) => p.linkTo === l.id);
    if (link) {
      out.set(l.id, { saleId: link.id, by: "link" });
      continue;
    }
    const start = Date.parse(atOf(l));
    const same = (p: Built) => (l.noCustomerId ? p.email!.toLowerCase() === l.email!.toLowerCase() : p.customerId === l.customerId);
    const win = payments.find((p) => p.productId === l.productId && same(p) && Date.parse(paidAtOf(p)) > start && Date.parse(paidAtOf(p)) <= start + WINDOW_DAYS * DAY);
    out.set(l.id, win ? { saleId: win.id, by: "window" } : null);
  }
  return out;
}

describeEachEngine("The worklist's set-based attribution", ({ db }) => {
  it("recovers exactly the leads the rules recover, with the same payment and rule, as the one-lead form does", async () => {
    const sales = build();
    await upsertSales(db().db, sales.map(saleDetail), { source: "detail", receivedAt: "2026-06-01T00:00:00.000Z", timeZone: ZONE });
    for (const s of sales) {
      if (s.linkTo) await db().db.updateTable("sales").set({ recovery_lead_id: s.linkTo }).where("id", "=", s.id).execute();
      if (s.noCustomerId) await db().db.updateTable("sales").set({ customer_id: null }).where("id", "=", s.id).execute();
    }
    const expected = truth(sales);
    // The data reaches every rule and edge (else the comparison would prove little).
    const rules = [...expected.values()].map((m) => m?.by ?? "none");
    expect(rules.filter((r) => r === "window").length).toBeGreaterThan(5);
    expect(rules.filter((r) => r === "none").length).toBeGreaterThan(5);
    expect(expected.get("edge_last")?.saleId).toBe("edge_last_pay");
    expect(expected.get("edge_past")).toBeNull();
    expect(expected.get("edge_email")?.saleId).toBe("edge_email_pay");
    expect(expected.get("edge_early")?.saleId).toBe("edge_early_pay");

    const leads = await listLeads(db().db, RANGE, { windowDays: WINDOW_DAYS });
    const got = new Map(leads.map((l) => [l.saleId, l.recovered ? { saleId: l.recovered.saleId, by: l.recoveredBy } : null]));
    expect(Object.fromEntries([...got].sort())).toEqual(Object.fromEntries([...expected].sort()));
    // The page's figures, attributed in SQL (range-recoveries.ts), recover the same leads with the same payments.
    const figures = await rangeRecoveries(db().db, RANGE, WINDOW_DAYS);
    const inSql = new Map(leads.map((l) => [l.saleId, figures.recovered.get(l.saleId) ?? null]));
    expect(Object.fromEntries([...inSql].map(([k, v]) => [k, v ? { saleId: v.recovered.saleId, by: v.recoveredBy } : null]).sort())).toEqual(Object.fromEntries([...expected].sort()));
    for (const l of leads) {
      const one = await getLead(db().db, l.saleId, { windowDays: WINDOW_DAYS });
      expect([l.saleId, one?.recovered?.saleId ?? null, one?.recoveredBy ?? null]).toEqual([l.saleId, expected.get(l.saleId)?.saleId ?? null, expected.get(l.saleId)?.by ?? null]);
      if (l.recovered) {
        const p = sales.find((s) => s.id === l.recovered!.saleId)!;
        expect(l.recovered.paidAt).toBe(paidAtOf(p));
      }
    }
  });
});
