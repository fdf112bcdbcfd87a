// The failure-spike detector on the mirror (both engines): hand-built sales whose counts are known, read
// through the SQL reader — abandoned checkouts not mixed in, unknown methods and countries not subjects,
// the baseline bounded — then a seeded ordinary fortnight, evaluated every hour of its second week, where
// it never fires.
import { expect, it } from "vitest";
import type { Kysely } from "kysely";
import type { Sale } from "@/lib/chariow";
import type { Database } from "@/lib/db";
import { upsertSales } from "@/lib/mirror";
import { failureSpikeAlerts } from "@/lib/notifications/alerts/failure-spike";
import { defaultStoreSettings } from "@/lib/notifications/store-settings";
import { saleDetail, type SaleStatus } from "../../factories/sales";
import { rng } from "../../factories/rng";
import { describeEachEngine } from "../db/engines";

const NOW = new Date("2026-06-01T12:00:00Z");
const rule = defaultStoreSettings().failureSpike; // 3 h window, 7-day baseline, 10 attempts, 20 points
const hoursAgo = (h: number, from = NOW) => new Date(from.getTime() - h * 3_600_000).toISOString();

let n = 0;
function sale(status: SaleStatus, createdAt: string, o: { method?: string | null; country?: string | null } = {}): Sale {
  const id = `sal_${n++}`;
  const d = saleDetail({ id, status, createdAt, paymentMethod: o.method === undefined ? "wave" : o.method, country: o.country ?? "CI" });
  // No country at all: neither the buyer's context nor a shipping address says one.
  return o.country === null ? { ...d, context: null, shipping: null } : d;
}
const many = (count: number, make: () => Sale) => Array.from({ length: count }, make);

async function load(db: Kysely<Database>, sales: Sale[]) {
  for (let i = 0; i < sales.length; i += 200) await upsertSales(db, sales.slice(i, i + 200), { source: "detail", receivedAt: NOW.toISOString(), timeZone: "UTC" });
}

describeEachEngine("failure-spike detector on the mirror", ({ db }) => {
  it("counts paid and failed per method and per country, leaves abandoned and unknown subjects out", async () => {
    await load(db().db, [
      // Wave from Côte d'Ivoire, last 3 hours: 2 paid (one settled), 10 failed, 30 abandoned.
      ...many(1, () => sale("completed", hoursAgo(1))),
      ...many(1, () => sale("settled", hoursAgo(2))),
      ...many(10, () => sale("failed", hoursAgo(2.5))),
      ...many(30, () => sale("abandoned", hoursAgo(1))),
      // Baseline (3 h – 7 d 3 h ago): 90 paid, 10 failed; before it, 50 failed that must not count.
      ...many(90, () => sale("completed", hoursAgo(30))),
      ...many(10, () => sale("failed", hoursAgo(100))),
      ...many(50, () => sale("failed", hoursAgo(3 + 7 * 24 + 1))),
      // Failing sales whose method or country is unknown: no subject, in either dimension's place.
      ...many(15, () => sale("failed", hoursAgo(1), { method: null, country: "SN" })),
      ...many(15, () => sale("failed", hoursAgo(1), { method: "orange_money", country: null })),
      // Orange Money had 15 failed and nothing else in the window, and nothing before: it spikes too.
    ]);
    const events = await failureSpikeAlerts(db().db, rule, NOW);
    const bySubject = Object.fromEntries(events.map((e) => [e.subject, e.facts]));
    // Senegal: 15 of 15 failed with no baseline — a spike; CI: 2 paid, 10 failed (the wave sales).
    expect(Object.keys(bySubject).sort()).toEqual(["country:CI", "country:SN", "method:orange_money", "method:wave"]);
    expect(bySubject["method:wave"]).toMatchObject({ windowPaid: 2, windowFailed: 10, baselinePaid: 90, baselineFailed: 10 });
    expect(bySubject["country:CI"]).toMatchObject({ windowPaid: 2, windowFailed: 10, baselinePaid: 90, baselineFailed: 10 });
    expect(bySubject["method:orange_money"]).toMatchObject({ windowPaid: 0, windowFailed: 15, baselinePaid: 0, baselineFailed: 0 });
    expect(bySubject["country:SN"]).toMatchObject({ windowPaid: 0, windowFailed: 15 });
    expect(events.every((e) => e.dedupeKey === `failure_spike:${e.subject}:2026-06-01T12`)).toBe(true);
    expect(events.some((e) => /null|undefined/.test(e.subject))).toBe(false);
  });

  it("at most once per subject per 24 hours", async () => {
    await load(db().db, [...many(12, () => sale("failed", hoursAgo(1, new Date(NOW.getTime() + 23 * 3_600_000))))]);
    // An alert for wave recorded 1 hour before NOW.
    await db()
      .db.insertInto("alert_events")
      .values({ id: "a1", dedupe_key: "failure_spike:method:wave:2026-06-01T11", topic: "failure_spike", subject: "method:wave", detected_at: hoursAgo(1), payload: "{}" })
      .execute();
    const at = (h: number) => new Date(NOW.getTime() + h * 3_600_000);
    // 22 h after NOW the failures (made 1 h before) are in the window: Côte d'Ivoire fires, wave does not (23 h since).
    expect((await failureSpikeAlerts(db().db, rule, at(22))).map((e) => e.subject)).toEqual(["country:CI"]);
    // 23 h 30 after NOW (24 h 30 after wave's alert), wave fires again.
    expect((await failureSpikeAlerts(db().db, rule, at(23.5))).map((e) => e.subject).sort()).toEqual(["country:CI", "method:wave"]);
  });

  it("never fires during an ordinary fortnight (seeded), evaluated every hour of its second week", async () => {
    const r = rng(19);
    // A busy store: ~240 attempts a day, each method and country with its own steady failure share.
    const methods = [
      { id: "wave", weight: 0.35, fail: 0.12 },
      { id: "mtn_momo", weight: 0.3, fail: 0.3 },
      { id: "orange_money", weight: 0.25, fail: 0.25 },
      { id: "card", weight: 0.1, fail: 0.18 },
    ];
    const countries = ["CI", "CI", "SN", "BJ", "TG"];
    const start = new Date(NOW.getTime() - 14 * 86_400_000 - 3 * 3_600_000);
    const sales: Sale[] = [];
    for (let h = 0; h < 14 * 24 + 3; h++) {
      // More in the evening, fewer at night: 4 to 16 attempts an hour.
      const local = h % 24;
      const perHour = local < 7 ? 4 : local > 17 ? 16 : 10;
      const count = Math.floor(perHour * (0.5 + r.next()));
      for (let i = 0; i < count; i++) {
        let x = r.next();
        const m = methods.find((mm) => (x -= mm.weight) < 0) ?? methods[0]!;
        const status: SaleStatus = r.maybe(0.1) ? "abandoned" : r.maybe(m.fail) ? "failed" : r.maybe(0.3) ? "settled" : "completed";
        sales.push(sale(status, new Date(start.getTime() + (h + r.next()) * 3_600_000).toISOString(), { method: m.id, country: r.pick(countries) }));
      }
    }
    await load(db().db, sales);
    const fired: string[] = [];
    for (let h = 0; h < 7 * 24; h++) {
      const at = new Date(NOW.getTime() - h * 3_600_000);
      for (const e of await failureSpikeAlerts(db().db, rule, at)) fired.push(`${at.toISOString()} ${e.subject} ${JSON.stringify(e.facts)}`);
    }
    expect(sales.length).toBeGreaterThan(3000);
    expect(fired).toEqual([]);
  });
});
