// The Payments view against the simulator's own ground truth (issue 20 "Done when"), both engines: a
// seeded store whose methods and countries fail in their own mixes is mirrored the way the sync does it
// (list pages, then every sale's detail), and for every method × country the view's paid, failed and
// abandoned counts (hence its success rate), value lost, failure codes per method, median pay-time bucket
// and mobile money vs card split equal what the simulator computes from its model (sim.paymentsTruth).
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { getPaymentsReport } from "@/lib/payments/health";
import { bucketBounds, payBucket } from "@/lib/payments/keys";
import { paymentsQuerySchema, type PaymentRow } from "@/lib/payments/schemas";
import { isMobileMoney, startSimulator, type RunningSimulator } from "@/simulator/index";
import { describeEachEngine } from "../db/engines";
import { mirrorSimulator, unlimitedClient } from "../../factories/simulator-mirror";

vi.mock("server-only", () => ({}));

const NOW = new Date("2026-06-01T09:30:00Z");
const TZ = "UTC"; // local days are UTC days: the truth's [from, to) instants are the range's days
const FROM = "2026-01-01";
const TO = "2026-06-01";
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 29, dialect: "current", rateLimit: 0, sales: 4000, now: NOW });
});
afterAll(async () => {
  await sim?.close();
});

type Counts = { paid: number; failed: number; abandoned: number; valueLost: Record<string, number>; median: PaymentRow["medianPay"] };

describeEachEngine("payments view vs the simulator's truth", ({ db }) => {
  it("rates, value lost, failure codes, medians and the mobile money split equal the model's, per method × country", async () => {
    const d = db().db;
    await mirrorSimulator(d, unlimitedClient(sim), { now: NOW, timeZone: TZ });
    const truth = sim.paymentsTruth(`${FROM}T00:00:00.000Z`, "2026-06-02T00:00:00.000Z");
    const ctx = { timeZone: TZ, now: NOW };
    const first = await getPaymentsReport(d, paymentsQuerySchema.parse({ range: "custom", from: FROM, to: TO }), ctx);
    expect(first.currencies.length).toBeGreaterThan(1);

    const pairs = new Map<string, Counts>();
    const codes = new Map<string, Record<string, number>>();
    const mix = new Map<string, { paid: number; mobileMoney: number }>();
    for (const currency of first.currencies) {
      const report = await getPaymentsReport(d, paymentsQuerySchema.parse({ range: "custom", from: FROM, to: TO, currency }), ctx);
      expect(report.coverage.methodKnown).toBe(report.coverage.checkouts); // every sale read in detail
      for (const r of report.rows) {
        const key = `${r.method}/${r.country}`;
        expect(pairs.has(key), `${key} in one currency only`).toBe(false);
        pairs.set(key, { paid: r.paid, failed: r.failed, abandoned: r.abandoned, valueLost: r.failed ? { [currency]: r.valueLost } : {}, median: r.medianPay });
        expect(r.successRate).toBe(r.paid + r.failed === 0 ? null : r.paid / (r.paid + r.failed));
      }
      for (const f of report.failures) {
        const byCode = codes.get(f.method) ?? {};
        for (const c of f.codes) byCode[c.code] = (byCode[c.code] ?? 0) + c.count;
        codes.set(f.method, byCode);
      }
      for (const m of report.mix) mix.set(m.country, { paid: m.paid, mobileMoney: m.mobileMoney });
    }

    const expected = new Map<string, Counts>();
    for (const [method, byCountry] of Object.entries(truth.byMethodCountry)) {
      for (const [country, s] of Object.entries(byCountry)) {
        if (s.paid + s.failed + s.abandoned === 0) continue;
        const lost = Object.fromEntries(Object.entries(s.valueLostByCurrency).filter(([, v]) => v > 0 || s.failed > 0));
        expected.set(`${method}/${country}`, {
          paid: s.paid,
          failed: s.failed,
          abandoned: s.abandoned,
          valueLost: s.failed ? lost : {},
          median: s.medianPaySeconds === null ? null : bucketBounds(payBucket(s.medianPaySeconds)!),
        });
      }
    }
    expect(Object.fromEntries([...pairs].sort())).toEqual(Object.fromEntries([...expected].sort()));
    // The mixes are really distinct: at least two method × country cells differ by 10 points of success rate.
    const rates = [...expected.values()].filter((c) => c.paid + c.failed >= 40).map((c) => c.paid / (c.paid + c.failed));
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.1);

    const expectedCodes = Object.fromEntries(Object.entries(truth.byMethod).filter(([, s]) => s.failed > 0).map(([m, s]) => [m, s.failureCodes]));
    expect(Object.fromEntries([...codes].sort())).toEqual(Object.fromEntries(Object.entries(expectedCodes).sort()));

    for (const [country, s] of Object.entries(truth.byCountry)) {
      if (s.paid === 0) continue;
      const mobile = Object.entries(truth.byMethodCountry).reduce((sum, [m, byCountry]) => sum + (isMobileMoney(m) ? (byCountry[country]?.paid ?? 0) : 0), 0);
      expect(mix.get(country), country).toEqual({ paid: s.paid, mobileMoney: mobile });
    }
  });
});
