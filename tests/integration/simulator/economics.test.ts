// Money: totals walked over HTTP equal the ground truth per currency to the minor unit, and each
// sampled sale's fees and settlement agree with independent arithmetic (seed 001's economics).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../../simulator/index";
import { FakeClock, HISTORY_END, call, listOf, type RawJson } from "./helpers";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ now: HISTORY_END, clock: new FakeClock(), rateLimit: 0, dialect: "legacy", seed: 7 });
});
afterAll(() => sim.close());

const EXP: Record<string, number> = { XOF: 0, XAF: 0, EUR: 2, USD: 2 };

describe("economics", () => {
  it("a realistic mix: every status, payment status and channel; mostly XOF; some EUR and USD", () => {
    const t = sim.truth();
    expect(t.totalSales).toBeGreaterThan(2500);
    for (const v of Object.values(t.byStatus)) expect(v).toBeGreaterThan(0);
    for (const v of Object.values(t.byPaymentStatus)) expect(v).toBeGreaterThan(0);
    for (const v of Object.values(t.byChannel)) expect(v).toBeGreaterThan(0);
    const xof = t.byCurrency.XOF!.salesCount;
    expect(xof / t.totalSales).toBeGreaterThan(0.5);
    expect(t.byCurrency.EUR!.salesCount).toBeGreaterThan(50);
    expect(t.byCurrency.USD!.salesCount).toBeGreaterThan(50);
    const months = Object.keys(t.byMonth);
    expect(months.length).toBeGreaterThanOrEqual(18);
    expect(t.customers).toBeLessThan(t.totalSales); // returning customers
  });

  it("paid revenue, original and discount per currency walked over HTTP equal the truth", async () => {
    const t = sim.truth();
    const sums: Record<string, { paid: number; original: number; discount: number }> = {};
    let cursor: string | null = null;
    do {
      const r = await call(sim, `/sales?per_page=100${cursor ? `&cursor=${cursor}` : ""}`);
      const { items, pagination } = listOf(r.json);
      for (const s of items) {
        if (s.status !== "completed" && s.status !== "settled") continue;
        const c = (sums[s.amount.currency] ??= { paid: 0, original: 0, discount: 0 });
        c.paid += s.amount.amount;
        c.original += s.original_amount.amount;
        c.discount += s.discount_amount.amount;
        expect(s.original_amount.amount - s.discount_amount.amount).toBe(s.amount.amount);
      }
      cursor = pagination.next_cursor;
    } while (cursor);
    for (const [cur, c] of Object.entries(sums)) {
      const truth = t.byCurrency[cur as "XOF"]!;
      expect(c.paid, cur).toBe(truth.paidRevenue);
      expect(c.original, cur).toBe(truth.originalAmount);
      expect(c.discount, cur).toBe(truth.discountAmount);
    }
  });

  it("each sampled settled sale: gateway 3 % floored, service 5 %, net = paid − service fee, due 3 days after", async () => {
    const items = listOf((await call(sim, "/sales?status=settled&per_page=60")).json).items;
    const currencies = new Set<string>();
    for (const s of items) {
      const d = (await call(sim, `/sales/${s.id}`)).json.data;
      const paid = d.amount.amount;
      currencies.add(d.amount.currency);
      expect(d.payment.fee.amount).toBe(Math.floor(paid * 0.03 + 1e-9));
      expect(d.settlement.service_fee.amount).toBe(Math.round(paid * 0.05));
      expect(d.settlement.amount.amount).toBe(paid - d.settlement.service_fee.amount);
      const completed = Date.parse(d.completed_at);
      const due = Date.parse(d.settlement.due_at);
      expect(due).toBe(Math.floor(completed / 86_400_000) * 86_400_000 + 3 * 86_400_000);
      expect(Date.parse(d.settlement.done_at)).toBeGreaterThanOrEqual(due);
      expect(Date.parse(d.settlement.done_at)).toBeLessThanOrEqual(HISTORY_END.getTime());
      for (const a of [d.amount, d.payment.fee, d.settlement.amount, d.settlement.service_fee]) expect(Number.isInteger(a.amount)).toBe(true);
      // Formatted strings in Chariow's style, agreeing with the minor amount and the exponent.
      const digits = d.amount.formatted.replace(/[^0-9]/g, "");
      expect(Number(digits)).toBe(paid);
      if (d.amount.currency === "XOF") expect(d.amount.formatted).toMatch(/^F CFA \d{1,3}(,\d{3})*$/);
      if (d.amount.currency === "USD") expect(d.amount.formatted).toMatch(/^\$\d{1,3}(,\d{3})*\.\d{2}$/);
      if (d.amount.currency === "EUR") expect(d.amount.formatted).toMatch(/^€\d{1,3}(,\d{3})*\.\d{2}$/);
    }
    expect(currencies.size).toBeGreaterThanOrEqual(2);
  });

  it("current dialect values are major units valid for the currency exponent", async () => {
    sim.setDialect("current");
    try {
      const items = listOf((await call(sim, "/sales?per_page=100")).json).items;
      for (const s of items) {
        const e = EXP[s.amount.currency];
        const minor = Math.round(s.amount.value * 10 ** e);
        expect(Math.abs(minor / 10 ** e - s.amount.value)).toBeLessThan(1e-9);
        if (e === 0) expect(Number.isInteger(s.amount.value)).toBe(true);
      }
    } finally {
      sim.setDialect("legacy");
    }
  });

  it("failed sales carry failure_error codes; abandoned and failed have no settlement", async () => {
    const failed = listOf((await call(sim, "/sales?status=failed&per_page=100")).json).items;
    const codes = new Set(failed.map((s: RawJson) => s.payment.failure_error?.code));
    expect(codes.has("insufficient_funds")).toBe(true);
    expect(codes.has("cancelled_by_user")).toBe(true);
    const d = (await call(sim, `/sales/${failed[0].id}`)).json.data;
    expect(d.settlement).toBeNull();
    expect(d.failed_at).not.toBeNull();
    const abandoned = listOf((await call(sim, "/sales?status=abandoned&per_page=5")).json).items;
    expect((await call(sim, `/sales/${abandoned[0].id}`)).json.data.abandoned_at).not.toBeNull();
  });
});
