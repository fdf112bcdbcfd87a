// A digest waits for the mirror (issue 19): before the first backfill is done, a digest would say "no sale"
// and be recorded as sent for the day, so the runner decides none; once the mirror is ready, the day's
// digest is decided (once).
import { expect, it, vi } from "vitest";
import { scheduleDigests, type NotificationDeps } from "@/lib/notifications/runner";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";

vi.mock("server-only", () => ({}));

const NOW = new Date("2026-06-02T09:30:00Z");

describeEachEngine("digests and the first backfill", ({ db }) => {
  it("decides no digest until the mirror is ready, then the day's once", async () => {
    const d = db().db;
    const owner = await makeMember(d, "owner");
    let ready = false;
    const deps: NotificationDeps = { db: d, instanceId: "w", timeZone: async () => "Africa/Abidjan", storeName: async () => "Boutique", appUrl: "https://dash.example", authSecret: "s".repeat(40), email: null, ready: async () => ready };
    expect(await scheduleDigests(deps, NOW)).toBe(0);
    expect(await d.selectFrom("notification_outbox").selectAll().execute()).toEqual([]);
    ready = true;
    expect(await scheduleDigests(deps, NOW)).toBe(1); // the in-app message (no SMTP, no push)
    expect(await scheduleDigests(deps, NOW)).toBe(0);
    const rows = await d.selectFrom("notification_outbox").select(["dedupe_key", "channel"]).execute();
    expect(rows).toEqual([{ dedupe_key: `digest:daily:2026-06-02:${owner.member.id}:inapp`, channel: "inapp" }]);
  });
});
