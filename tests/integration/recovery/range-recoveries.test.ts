// The Recovery page's figures computed in SQL (rangeRecoveries: the range's leads attributed and grouped in
// the database) against the rules of docs/recovery.md applied by hand in this file — never the app's own
// attribution — on both engines, over random stores (several seeds): versions of each sale arriving in a
// random order and by every path (list, detail, Pulse), payments arriving before or after the failure
// they recover, payments that change status (awaiting → completed → settled, a payment that failed
// instead), leads that later became paid, exact links, leads known only by e-mail, other currencies, worked
// leads. Checked: the stats, the reason counts of every status filter, the recovered leads and their
// payments, and the first page of the inbox.
import { expect, it } from "vitest";
import { upsertSales, type SaleSource } from "@/lib/mirror";
import { failureCategory, LEAD_STATUS_FILTERS, listLeadPage, listLeads, rangeRecoveries, reasonCountsOf, recoveryStats, updateLeads, type LeadStatusFilter } from "@/lib/recovery";
import { createUser } from "@/lib/team";
import { rng, type Rng } from "../../factories/rng";
import { saleDetail, salePulse, saleSummary, type SaleFacts } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";

const ZONE = "Africa/Abidjan"; // UTC: a sale's local day is its UTC date
const RANGE = { from: "2026-05-03", to: "2026-05-09" };
const WINDOW_DAYS = 4;
const DAY = 86_400_000;
const T0 = Date.parse("2026-04-29T00:00:00.000Z");
const iso = (ms: number) => new Date(ms).toISOString();

type Version = { facts: SaleFacts; source: SaleSource; leadId?: string };

/** A random store: each sale's versions (increasing updatedAt, so the last is the mirror's final state). */
function build(r: Rng): Version[] {
  const customers = Array.from({ length: 8 }, (_, i) => `cus_${i}`);
  const products = ["prd_1", "prd_2", "prd_3"];
  const versions: Version[] = [];
  const leadIds: string[] = [];
  for (let i = 0; i < 120; i++) {
    const customerId = r.pick(customers);
    const base: SaleFacts = { id: `s${i}`, customerId, email: `${customerId.toUpperCase()}@X.test`, productId: r.pick(products), currency: r.maybe(0.25) ? "EUR" : "XOF", originalMinor: 1_000 + Math.floor(r.next() * 50) * 100 };
    const at = T0 + Math.floor(r.next() * 16 * DAY);
    const v = (n: number, f: Partial<SaleFacts>): SaleFacts => ({ ...base, createdAt: iso(at), updatedAt: iso(at + n * 1000), ...f });
    const kind = r.next();
    const steps: SaleFacts[] = [];
    if (kind < 0.5) {
      leadIds.push(base.id);
      const failed = r.maybe(0.6);
      const fail = failed ? { status: "failed" as const, failedAt: iso(at + 60_000), paymentMethod: r.pick(["mobile_money", "card"]) } : { status: "abandoned" as const, abandonedAt: iso(at + 30 * 60_000) };
      steps.push(v(0, { status: "awaiting_payment" }), v(1, fail));
      // A lead that was paid after all: no longer a lead, and now a payment itself.
      if (r.maybe(0.08)) steps.push(v(2, { status: "completed", completedAt: iso(at + 2 * 3_600_000) }));
    } else {
      const paidAt = at + Math.floor(r.next() * 3 * 3_600_000);
      steps.push(v(0, { status: "awaiting_payment" }));
      const end = r.next();
      if (end < 0.1) steps.push(v(1, { status: "failed", failedAt: iso(paidAt) })); // never paid
      else {
        steps.push(v(1, { status: "completed", completedAt: iso(paidAt) }));
        if (end < 0.35) steps.push(v(2, { status: "settled", completedAt: iso(paidAt) }));
      }
    }
    const link = kind >= 0.5 && leadIds.length > 0 && r.maybe(0.1) ? r.pick(leadIds) : undefined;
    for (const f of steps) versions.push({ facts: f, source: r.pick(["list", "detail", "pulse"] as const), leadId: link });
  }
  // Random arrival: a payment may come before the failure it recovers, a later version before an earlier one.
  for (let i = versions.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [versions[i], versions[j]] = [versions[j]!, versions[i]!];
  }
  return versions;
}

function payload(v: Version) {
  const sale = v.source === "list" ? saleSummary(v.facts) : v.source === "pulse" ? salePulse(v.facts) : saleDetail(v.facts);
  return v.leadId ? { ...sale, customMetadata: { lead_id: v.leadId } } : sale;
}

type Row = { id: string; status: string; customer_id: string | null; customer_email: string | null; product_id: string | null; currency: string | null; amount: number | null; original_amount: number | null; created_at: string | null; completed_at: string | null; failed_at: string | null; abandoned_at: string | null; local_day: string | null; recovery_lead_id: string | null; failure_code: string | null; failure_message: string | null; payment_method_name: string | null; payment_method_id: string | null };

/** docs/recovery.md by hand over the stored rows: by link (earliest paid sale naming the lead), else by window. */
function truth(rows: Row[], emailOnly: Set<string>) {
  const paid = rows.filter((s) => s.status === "completed" || s.status === "settled").map((p) => ({ ...p, at: Date.parse(p.completed_at ?? p.created_at!) }));
  paid.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  const leads = rows.filter((s) => (s.status === "failed" || s.status === "abandoned") && s.local_day! >= RANGE.from && s.local_day! <= RANGE.to);
  const out = new Map<string, { lead: Row; pay: (typeof paid)[number] | null; by: "link" | "window" | null }>();
  for (const l of leads) {
    const at = Date.parse(l.failed_at ?? l.abandoned_at ?? l.created_at!);
    const link = paid.find((p) => p.recovery_lead_id === l.id);
    const same = (p: Row) => (emailOnly.has(l.id) ? p.customer_id !== null && p.customer_email!.toLowerCase() === l.customer_email!.toLowerCase() : p.customer_id === l.customer_id);
    const win = link ? undefined : paid.find((p) => p.product_id === l.product_id && same(p) && p.at > at && p.at <= at + WINDOW_DAYS * DAY);
    out.set(l.id, { lead: l, pay: link ?? win ?? null, by: link ? "link" : win ? "window" : null });
  }
  return out;
}

describeEachEngine("The Recovery page's figures in SQL", ({ db }) => {
  for (const seed of [3, 11, 29, 47]) {
    it(`equal the rules applied by hand, whatever the arrival order (seed ${seed})`, async () => {
      const r = rng(seed);
      const versions = build(r);
      for (const v of versions) await upsertSales(db().db, [payload(v)], { source: v.source, receivedAt: "2026-05-20T00:00:00.000Z", timeZone: ZONE });
      // Some leads known only by e-mail (a Pulse without customer id): matched through `customers`. In id order: the draw must not depend on where the engine keeps the rows.
      const leadRows = await db().db.selectFrom("sales").select("id").where("status", "in", ["failed", "abandoned"]).orderBy("id").execute();
      const emailOnly = new Set(leadRows.filter(() => r.maybe(0.3)).map((x) => x.id));
      for (const id of emailOnly) await db().db.updateTable("sales").set({ customer_id: null }).where("id", "=", id).execute();
      for (const c of Array.from({ length: 8 }, (_, i) => `cus_${i}`)) await db().db.insertInto("customers").values({ id: c, email: `${c}@x.test`, name: null, first_seen_at: null, updated_at: "2026-05-20T00:00:00.000Z" }).onConflict((oc) => oc.column("id").doUpdateSet({ email: `${c}@x.test` })).execute();
      // Worked leads: won, lost, contacted, assigned.
      const owner = await createUser(db().db, { email: "owner@example.com", password: "correct horse battery", role: "owner", name: "Owner" }, null);
      const actor = { id: owner.id, email: owner.email, role: owner.role };
      const ids = leadRows.map((x) => x.id);
      for (const state of ["won", "lost", "contacted"] as const) {
        const chosen = ids.filter(() => r.maybe(0.15));
        if (chosen.length) await updateLeads(db().db, actor, { saleIds: chosen, state });
      }
      const assigned = ids.filter(() => r.maybe(0.3));
      if (assigned.length) await updateLeads(db().db, actor, { saleIds: assigned, assignedTo: owner.id });

      const rows = (await db().db.selectFrom("sales").selectAll().execute()) as unknown as Row[];
      const worked = new Map((await db().db.selectFrom("recovery_leads").selectAll().execute()).map((w) => [w.sale_id, w]));
      const expected = truth(rows, emailOnly);
      const recoveredCount = [...expected.values()].filter((e) => e.pay).length;
      // The data reaches the rules (else the comparison would prove little).
      expect(recoveredCount).toBeGreaterThan(3);
      expect([...expected.values()].filter((e) => !e.pay).length).toBeGreaterThan(5);
      expect([...expected.values()].some((e) => e.by === "link")).toBe(true);
      expect([...expected.keys()].some((k) => emailOnly.has(k) && expected.get(k)!.pay)).toBe(true);

      const got = await rangeRecoveries(db().db, RANGE, WINDOW_DAYS);
      expect(Object.fromEntries([...got.recovered].map(([k, v]) => [k, [v.recovered.saleId, v.recoveredBy, v.recovered.paidAt, v.recovered.amount, v.recovered.currency]]).sort()))
        .toEqual(Object.fromEntries([...expected].filter(([, e]) => e.pay).map(([k, e]) => [k, [e.pay!.id, e.by, e.pay!.completed_at ?? e.pay!.created_at, e.pay!.amount, e.pay!.currency]]).sort()));

      // The stats by hand: leads and value at risk in the lead's currency, recoveries in the payment's (each payment's amount once).
      const stats = recoveryStats(got.groups);
      const currencies = new Map<string, { leads: number; recoveredLeads: number; atRiskValue: number; payments: Map<string, number> }>();
      const cur = (c: string) => currencies.get(c) ?? currencies.set(c, { leads: 0, recoveredLeads: 0, atRiskValue: 0, payments: new Map() }).get(c)!;
      const hours: number[] = [];
      for (const { lead, pay } of expected.values()) {
        cur(lead.currency!).leads += 1;
        cur(lead.currency!).atRiskValue += lead.amount ?? lead.original_amount ?? 0;
        if (pay) {
          cur(pay.currency!).recoveredLeads += 1;
          cur(pay.currency!).payments.set(pay.id, pay.amount ?? 0);
          hours.push((pay.at - Date.parse(lead.failed_at ?? lead.abandoned_at ?? lead.created_at!)) / 3_600_000);
        }
      }
      expect(stats.byCurrency.map((c) => [c.currency, c.leads, c.recoveredLeads, c.atRiskValue, c.recoveredValue])).toEqual(
        [...currencies].sort(([a], [b]) => a.localeCompare(b)).map(([c, v]) => [c, v.leads, v.recoveredLeads, v.atRiskValue, [...v.payments.values()].reduce((a, b) => a + b, 0)]),
      );
      hours.sort((a, b) => a - b);
      const mid = Math.floor(hours.length / 2);
      expect(stats.medianHoursToRecover).toBeCloseTo(hours.length % 2 ? hours[mid]! : (hours[mid - 1]! + hours[mid]!) / 2, 9);
      const values = [...expected.values()];
      expect(stats.recoveredBy).toEqual({ link: values.filter((e) => e.by === "link").length, window: values.filter((e) => e.by === "window").length });
      const tally = (key: (e: (typeof values)[number]) => string) => {
        const m = new Map<string, { leads: number; recovered: number }>();
        for (const e of values) {
          const b = m.get(key(e)) ?? m.set(key(e), { leads: 0, recovered: 0 }).get(key(e))!;
          b.leads += 1;
          if (e.pay) b.recovered += 1;
        }
        return Object.fromEntries(m);
      };
      const asObject = (bs: { key: string; leads: number; recovered: number }[]) => Object.fromEntries(bs.map((b) => [b.key, { leads: b.leads, recovered: b.recovered }]));
      expect(asObject(stats.byCategory)).toEqual(tally((e) => failureCategory(e.lead.status, e.lead.failure_code, e.lead.failure_message)));
      expect(asObject(stats.byPaymentMethod)).toEqual(tally((e) => e.lead.payment_method_name ?? e.lead.payment_method_id ?? "unknown"));
      const contacted = (id: string) => { const w = worked.get(id); return !!w && (w.contacted_at !== null || w.state === "contacted"); };
      expect({ contacted: [stats.contacted.leads, stats.contacted.recovered], uncontacted: [stats.uncontacted.leads, stats.uncontacted.recovered] }).toEqual({
        contacted: [values.filter((e) => contacted(e.lead.id)).length, values.filter((e) => contacted(e.lead.id) && e.pay).length],
        uncontacted: [values.filter((e) => !contacted(e.lead.id)).length, values.filter((e) => !contacted(e.lead.id) && e.pay).length],
      });

      // The reason counts of every status filter, with and without the assignee, and the first page.
      const shown = (id: string) => (expected.get(id)!.pay ? "recovered" : (worked.get(id)?.state ?? "open"));
      const matches = (status: LeadStatusFilter, id: string) => (status === "all" ? true : status === "todo" ? ["open", "contacted"].includes(shown(id)) : shown(id) === status);
      const recovered = new Set(got.recovered.keys());
      for (const status of LEAD_STATUS_FILTERS) {
        for (const assignee of [undefined, owner.id]) {
          const mine = values.filter((e) => matches(status, e.lead.id) && (assignee === undefined || worked.get(e.lead.id)?.assigned_to === assignee));
          expect(reasonCountsOf(got.groups, { status, assignee }), `${status}/${assignee ?? "anyone"}`).toEqual({ failed: mine.filter((e) => e.lead.status === "failed").length, abandoned: mine.filter((e) => e.lead.status === "abandoned").length });
        }
        const at = (l: Row) => l.failed_at ?? l.abandoned_at ?? l.created_at!;
        const want = values.filter((e) => matches(status, e.lead.id)).sort((a, b) => (at(a.lead) > at(b.lead) ? -1 : at(a.lead) < at(b.lead) ? 1 : a.lead.id < b.lead.id ? -1 : 1));
        // Given the ids (its rows attributed again), or the payments (the page's way: rows filled from them).
        for (const given of [recovered, got.recovered]) {
          const page = await listLeadPage(db().db, RANGE, { filters: { status }, recovered: given, sort: { column: "at", dir: "desc" }, page: 1, size: 25, windowDays: WINDOW_DAYS });
          expect(page.rows.map((l) => [l.saleId, l.recovered?.saleId ?? null, l.recoveredBy]), status).toEqual(want.slice(0, 25).map((e) => [e.lead.id, e.pay?.id ?? null, e.by]));
        }
      }
      // The worklist's own read (the API, the export) agrees.
      const listed = await listLeads(db().db, RANGE, { windowDays: WINDOW_DAYS });
      expect(Object.fromEntries(listed.map((l) => [l.saleId, l.recovered?.saleId ?? null]).sort())).toEqual(Object.fromEntries([...expected].map(([k, e]) => [k, e.pay?.id ?? null]).sort()));
    });
  }
});
