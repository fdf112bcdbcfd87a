// "Degraded now" on the mirror (issue 20), both engines: a seeded ordinary week of a busy store whose
// methods and countries each keep their own steady failure share — the flag stays empty at every hour of
// it — then a three-hour outage of one operator in one country: flagged while it lasts (on the Payments
// report as on its own), and quiet again once the window has moved past it.
import { expect, it } from "vitest";
import type { Kysely } from "kysely";
import type { Sale } from "@/lib/chariow";
import type { Database } from "@/lib/db";
import { upsertSales } from "@/lib/mirror";
import { degradedNow } from "@/lib/payments/degraded";
import { getPaymentsReport } from "@/lib/payments/health";
import { paymentsQuerySchema } from "@/lib/payments/schemas";
import { saleDetail, type SaleStatus } from "../../factories/sales";
import { rng } from "../../factories/rng";
import { describeEachEngine } from "../db/engines";

const NOW = new Date("2026-06-01T12:00:00Z");
const HOUR = 3_600_000;

let n = 0;
const sale = (status: SaleStatus, createdAt: string, method: string, country: string): Sale =>
  saleDetail({ id: `sal_${n++}`, status, createdAt, paymentMethod: method, country, currency: "XOF" });

// Each method × country its own failure share: Moov fails often in Benin, cards more in Senegal.
const METHODS = [
  { id: "wave", weight: 0.35, fail: { CI: 0.1, SN: 0.08, BJ: 0.15 } },
  { id: "mtn_momo", weight: 0.3, fail: { CI: 0.25, SN: 0.3, BJ: 0.2 } },
  { id: "moov_money", weight: 0.2, fail: { CI: 0.3, SN: 0.35, BJ: 0.4 } },
  { id: "card", weight: 0.15, fail: { CI: 0.18, SN: 0.25, BJ: 0.2 } },
] as const;
const COUNTRIES = ["CI", "CI", "SN", "BJ"] as const;

function ordinaryWeeks(seed: number, weeks: number): Sale[] {
  const r = rng(seed);
  const start = new Date(NOW.getTime() - weeks * 7 * 24 * HOUR - 3 * HOUR);
  const sales: Sale[] = [];
  for (let h = 0; h < weeks * 7 * 24 + 3; h++) {
    const local = h % 24;
    const perHour = local < 7 ? 4 : local > 17 ? 16 : 10;
    const count = Math.floor(perHour * (0.5 + r.next()));
    for (let i = 0; i < count; i++) {
      let x = r.next();
      const m = METHODS.find((mm) => (x -= mm.weight) < 0) ?? METHODS[0];
      const country = r.pick([...COUNTRIES]);
      const status: SaleStatus = r.maybe(0.1) ? "abandoned" : r.maybe(m.fail[country]) ? "failed" : r.maybe(0.3) ? "settled" : "completed";
      sales.push(sale(status, new Date(start.getTime() + (h + r.next()) * HOUR).toISOString(), m.id, country));
    }
  }
  return sales;
}

async function load(db: Kysely<Database>, sales: Sale[]) {
  for (let i = 0; i < sales.length; i += 250) await upsertSales(db, sales.slice(i, i + 250), { source: "detail", receivedAt: NOW.toISOString(), timeZone: "UTC" });
}

describeEachEngine("payments: degraded now", ({ db }) => {
  it("stays empty through a seeded ordinary week, flags an operator's three-hour outage in one country, then clears", async () => {
    const week = ordinaryWeeks(20, 2);
    await load(db().db, week);
    expect(week.length).toBeGreaterThan(3000);
    const flagged: string[] = [];
    for (let h = 0; h < 7 * 24; h++) {
      const at = new Date(NOW.getTime() - h * HOUR);
      for (const d of await degradedNow(db().db, at)) flagged.push(`${at.toISOString()} ${d.dimension}:${d.code}`);
    }
    expect(flagged).toEqual([]);

    // The outage: from NOW, Wave in Senegal fails 9 payments of 10 for three hours (a busy evening's pace).
    const r = rng(21);
    const outage: Sale[] = [];
    for (let i = 0; i < 24; i++) {
      const at = new Date(NOW.getTime() + (i / 8) * HOUR).toISOString();
      outage.push(sale(r.maybe(0.9) ? "failed" : "completed", at, "wave", "SN"));
    }
    await load(db().db, outage);
    const during = new Date(NOW.getTime() + 3 * HOUR);
    const flags = await degradedNow(db().db, during);
    expect(flags.map((d) => `${d.dimension}:${d.code}`)).toContain("method:wave");
    const wave = flags.find((d) => d.dimension === "method" && d.code === "wave")!;
    // The window's counts are the outage's plus the ordinary Wave sales of those hours (none: the week ended at NOW).
    const outageFailed = outage.filter((s) => s.status === "failed").length;
    expect(wave.window).toEqual({ paid: outage.length - outageFailed, failed: outageFailed });
    expect(wave.windowShare).toBeGreaterThan(wave.baselineShare + 0.2);
    // The same flag on the Payments report.
    const report = await getPaymentsReport(db().db, paymentsQuerySchema.parse({}), { timeZone: "UTC", now: during });
    expect(report.degraded).toEqual(flags);
    // A day later the window holds nothing of the outage: quiet.
    expect(await degradedNow(db().db, new Date(NOW.getTime() + 27 * HOUR))).toEqual([]);
  });
});
