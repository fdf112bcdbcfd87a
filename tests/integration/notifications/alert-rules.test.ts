// The payout, updates-stopped, goal and new-sales alerts on hand-built mirrors (both engines), through
// defaultDetectors as the runner calls them: amounts are the hand-built sales' sums.
import { expect, it } from "vitest";
import type { Kysely } from "kysely";
import type { Sale } from "@/lib/chariow";
import type { Database } from "@/lib/db";
import { upsertSales } from "@/lib/mirror";
import { defaultDetectors } from "@/lib/notifications/alerts";
import type { AlertEvent } from "@/lib/notifications/alerts/types";
import { getStoreSettings, setStoreSettings } from "@/lib/notifications/store-settings";
import { saleDetail } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";

const NOW = new Date("2026-06-10T12:07:00Z"); // the 10th, 12:07 UTC (store zone UTC)
const TZ = "UTC";
const noPulses = { listPulses: async () => [] };

async function load(db: Kysely<Database>, sales: Sale[]) {
  await upsertSales(db, sales, { source: "detail", receivedAt: NOW.toISOString(), timeZone: TZ });
}

async function detect(db: Kysely<Database>, now = NOW): Promise<AlertEvent[]> {
  return (await Promise.all(defaultDetectors({ client: noPulses }).map((d) => d({ db, now, timeZone: TZ })))).flat();
}

describeEachEngine("payout, updates, goal and new-sales alerts", ({ db }) => {
  it("each rule fires on its facts, with the hand-built amounts", async () => {
    const d = db().db;
    await load(d, [
      // Paid in June: 20,000 + 30,000 XOF, the second in the last closed hour (11:00–12:00).
      saleDetail({ id: "s1", originalMinor: 20_000, createdAt: "2026-06-03T09:00:00.000Z", completedAt: "2026-06-03T09:01:00.000Z", settlementNetMinor: 19_000, settlementDueAt: "2026-06-05T10:00:00.000Z" }),
      saleDetail({ id: "s2", originalMinor: 30_000, createdAt: "2026-06-10T11:20:00.000Z", completedAt: "2026-06-10T11:21:00.000Z", settlementNetMinor: 28_500, settlementDueAt: "2026-06-13T10:00:00.000Z" }),
      // 15 EUR paid at 12:01: in the open window, not announced yet.
      saleDetail({ id: "s3", currency: "EUR", originalMinor: 1500, createdAt: "2026-06-10T12:00:00.000Z", completedAt: "2026-06-10T12:01:00.000Z" }),
      // Paid in May: not this month's revenue.
      saleDetail({ id: "s4", originalMinor: 99_000, createdAt: "2026-05-30T09:00:00.000Z", completedAt: "2026-05-30T09:01:00.000Z", settlementNetMinor: 95_000, settlementDueAt: "2026-06-09T10:00:00.000Z" }),
    ]);
    // Updates: last success 2 hours ago.
    await d.insertInto("sync_status").values({ job: "incremental", last_run_at: "2026-06-10T10:07:00.000Z", last_success_at: "2026-06-10T10:07:00.000Z", last_error_at: null, last_error_kind: null, last_error_message: null, counts: null, requested_at: null, requested_by: null }).execute();
    // Goal 300,000 XOF: pro-rata on the 10th at 12:07 is 300,000 × (9 d 12 h 07) / 30 d ≈ 95,140; 50,000 is far under.
    await setStoreSettings(d, { ...(await getStoreSettings(d)), payoutOverdueDays: 3, goals: { XOF: 300_000, EUR: 1000 }, newSales: { enabled: true, batchMinutes: 60 } });

    const events = await detect(d);
    const byTopic = (topic: string) => events.filter((e) => e.topic === topic);
    // s1's payout (due 5 June, 5 days ago) is late by more than 3 days; s4's (due 9 June) by 1: the oldest counts.
    expect(byTopic("payout_overdue").map((e) => [e.dedupeKey, e.facts.net, e.facts.lateDays])).toEqual([["payout_overdue:XOF:2026-06-05", 19_000 + 95_000, 5]]);
    expect(byTopic("sync_stale").map((e) => [e.dedupeKey, e.facts.minutes])).toEqual([["sync_stale:2026-06-10T10:07:00.000Z", 120]]);
    // XOF off pace: 50,000 paid, 9.5 days' pro-rata rounded; 21 days left (10th included): ⌈250,000 / 21⌉ = 11,905.
    const elapsed = (NOW.getTime() - Date.parse("2026-06-01T00:00:00Z")) / (30 * 86_400_000);
    expect(byTopic("goal_off_pace").map((e) => e.facts)).toEqual([{ currency: "XOF", month: "2026-06", goal: 300_000, revenue: 50_000, expected: Math.round(300_000 * elapsed), dailyPace: 11_905, remainingDays: 21 }]);
    expect(byTopic("goal_off_pace")[0]!.dedupeKey).toBe("goal_off_pace:XOF:2026-06-10");
    // EUR: 1,500 paid against a 1,000 goal.
    expect(byTopic("goal_reached").map((e) => [e.dedupeKey, e.facts.revenue])).toEqual([["goal_reached:EUR:2026-06", 1500]]);
    // New sales: the 11:00–12:00 window had s2 only.
    expect(byTopic("new_sales").map((e) => [e.dedupeKey, e.facts.count, e.facts.amountXOF])).toEqual([["new_sales:2026-06-10T11:00:00.000Z", 1, 30_000]]);
    // Words in both languages, amounts through formatMoney.
    const pace = await byTopic("goal_off_pace")[0]!.words("en");
    expect(pace.body).toContain("21 remaining days");
    expect((await byTopic("payout_overdue")[0]!.words("fr")).body).toContain("5 jours de retard");
  });

  it("quiet when nothing is due, stale or off pace", async () => {
    const d = db().db;
    await d.insertInto("sync_status").values({ job: "incremental", last_run_at: NOW.toISOString(), last_success_at: new Date(NOW.getTime() - 60_000).toISOString(), last_error_at: null, last_error_kind: null, last_error_message: null, counts: null, requested_at: null, requested_by: null }).execute();
    await load(d, [saleDetail({ id: "s1", originalMinor: 100_000, createdAt: "2026-06-02T09:00:00.000Z", completedAt: "2026-06-02T09:01:00.000Z", settlementNetMinor: 95_000, settlementDueAt: "2026-06-09T10:00:00.000Z" })]);
    await setStoreSettings(d, { ...(await getStoreSettings(d)), payoutOverdueDays: 3, goals: { XOF: 300_000 } });
    expect(await detect(d)).toEqual([]);
  });
});
