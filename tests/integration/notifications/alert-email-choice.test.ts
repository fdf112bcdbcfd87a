// A member who unsubscribed from alert e-mails (`alertEmail` off: the alert e-mail's unsubscribe link)
// still gets the alert in the app, and no longer by e-mail — while a member who did not, still gets both
// (lib/notifications/runner.ts raiseAlerts). Both engines.
import { expect, it } from "vitest";
import type { AlertEvent } from "@/lib/notifications/alerts/types";
import { DEFAULT_PREFERENCES, setPreferences } from "@/lib/notifications/preferences";
import { raiseAlerts, type NotificationDeps } from "@/lib/notifications/runner";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";

const event: AlertEvent = {
  topic: "sync_stale",
  subject: "sync",
  dedupeKey: "sync_stale:2026-12-05T08",
  facts: { minutes: 90 },
  path: "/settings",
  permission: "settings:read",
  words: async () => ({ title: "Sync stale", body: "Not updated for 90 minutes" }),
};

describeEachEngine("notifications: alerts by e-mail follow the member's choice", ({ db }) => {
  it("alertEmail off: in the app only; on: in the app and by e-mail", async () => {
    const k = db().db;
    const { member: quiet } = await makeMember(k, "owner");
    const { member: loud } = await makeMember(k, "admin");
    await setPreferences(k, quiet.id, { ...DEFAULT_PREFERENCES, alertEmail: false });
    const deps: NotificationDeps = {
      db: k,
      instanceId: "test",
      timeZone: async () => "Africa/Abidjan",
      storeName: async () => "Shop",
      appUrl: "http://localhost:3000",
      authSecret: "alert-email-choice-secret-0123456789",
      // A configured e-mail channel; nothing is delivered in this test (raiseAlerts only queues).
      email: { send: async () => {} },
    };
    expect(await raiseAlerts(deps, [event], new Date("2026-12-05T08:30:00.000Z"))).toHaveLength(1);
    const rows = await k.selectFrom("notification_outbox").select(["member_id", "channel"]).where("kind", "=", "alert").execute();
    const channelsOf = (id: string) => rows.filter((r) => r.member_id === id).map((r) => r.channel).sort();
    expect(channelsOf(quiet.id)).toEqual(["inapp"]);
    expect(channelsOf(loud.id)).toEqual(["email", "inapp"]);
  });
});
