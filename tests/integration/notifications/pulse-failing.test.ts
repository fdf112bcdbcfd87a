// The "Pulses failing" alert (issue 19): deliveries from Chariow refused for a wrong secret warn before
// Chariow disables the Pulse — from 2 refusals since the last accepted delivery, once per run of refusals
// (a new run after an accepted delivery warns again); deliveries accepted but failing to apply warn from 3
// in 24 hours, once a day. Raised through the runner, so "once" is the outbox's, on both engines.
import { expect, it, vi } from "vitest";
import { pulseFailingAlerts, pulseFailingVerdicts } from "@/lib/notifications/alerts/pulse-failing";
import { raiseAlerts, type NotificationDeps } from "@/lib/notifications/runner";
import { recordRefusal } from "@/lib/pulses/refusal-log";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";

vi.mock("server-only", () => ({}));

const TZ = "Africa/Abidjan";
const at = (minutes: number) => new Date(Date.UTC(2026, 5, 1, 9, 0) + minutes * 60_000);

it("the rule: thresholds and episodes (pure)", () => {
  expect(pulseFailingVerdicts({ refusedSinceAccepted: 1, failuresLast24h: 2, lastReceivedAt: null })).toEqual([]);
  expect(pulseFailingVerdicts({ refusedSinceAccepted: 2, failuresLast24h: 0, lastReceivedAt: null })).toEqual([{ kind: "refused", count: 2, episode: "never" }]);
  expect(pulseFailingVerdicts({ refusedSinceAccepted: 0, failuresLast24h: 3, lastReceivedAt: "x" })).toEqual([{ kind: "failed", count: 3, episode: "" }]);
});

describeEachEngine("Pulses failing", ({ db }) => {
  it("warns once per run of refused deliveries, and again after an accepted one", async () => {
    const d = db().db;
    const owner = await makeMember(d, "owner");
    await makeMember(d, "marketing"); // no settings:read: never told
    const deps: NotificationDeps = { db: d, instanceId: "w", timeZone: async () => TZ, storeName: async () => "Boutique", appUrl: "https://dash.example", authSecret: "s".repeat(40), email: null };
    const refuse = (minutes: number) => recordRefusal(d, { pulseId: "pulse_1", event: "successful.sale", reason: "mismatch", receivedAt: at(minutes).toISOString(), source: "198.51.100.7" });
    const tick = async (minutes: number) => (await raiseAlerts(deps, await pulseFailingAlerts(d, at(minutes), TZ), at(minutes))).map((e) => e.dedupeKey);

    await refuse(0);
    expect(await tick(1)).toEqual([]);
    await refuse(2);
    expect(await tick(3)).toEqual(["pulse_failing:refused:never"]);
    await refuse(4);
    expect(await tick(5)).toEqual([]); // the same run
    // An accepted delivery, then refusals again: a new run.
    await d.insertInto("pulse_deliveries").values({ delivery_id: "pdlv_1", dedupe_key: "k1", pulse_id: "pulse_1", event: "successful.sale", object_id: "sal_1", applied_key: null, received_at: at(10).toISOString(), status: "processed", detail: null, body: null, processed_at: at(10).toISOString() }).execute();
    await refuse(11);
    await refuse(12);
    expect(await tick(13)).toEqual([`pulse_failing:refused:${at(10).toISOString()}`]);

    const inapp = await d.selectFrom("notifications").select(["member_id"]).execute();
    expect(inapp).toEqual([]); // queued, not yet delivered
    const queued = await d.selectFrom("notification_outbox").select(["member_id", "channel"]).where("topic", "=", "pulse_failing").execute();
    expect(queued.map((q) => q.member_id)).toEqual([owner.member.id, owner.member.id]);
  });
});
