// The store's alert rules and webhook through their routes (issue 19), both engines: only settings:manage
// changes them (marketing and support are refused by the server, whatever the page shows), goals typed in
// major units are stored in minor units (hand-computed here: 1 500 000 XOF has no decimals, 2 500.50 EUR
// is 250 050 cents), a refused value is a 400 naming its field, each change is audited without the
// secret; the secret is returned once on rotation and masked afterwards; a test is one outbox row to the
// webhook per request.
import { expect, it, vi } from "vitest";
import { getStoreSettings } from "@/lib/notifications/store-settings";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";
import { callRoute } from "./api-helpers";

const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getSessionMember: async () => state.member }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));
const settingsRoute = await import("@/app/api/settings/notifications/route");
const secretRoute = await import("@/app/api/settings/notifications/webhook-secret/route");
const testRoute = await import("@/app/api/settings/notifications/test/route");

const input = {
  failureSpike: { windowHours: 4, baselineDays: 14, minAttempts: 12, risePoints: 25 },
  payoutOverdueDays: 3,
  syncStaleMinutes: 90,
  goals: [
    { currency: "XOF", amount: "1500000" },
    { currency: "EUR", amount: "2500.50" },
  ],
  newSales: { enabled: true, batchMinutes: 30 },
  maxPerMemberPerHour: 6,
  webhookUrl: "https://hooks.example/chariow",
};

describeEachEngine("notifications: the store's alert rules and webhook", ({ db }) => {
  it("owners and admins save them (goals in minor units, audited); other roles are refused", async () => {
    state.db = db().db;
    const original = await getStoreSettings(db().db);
    for (const role of ["marketing", "support"] as const) {
      state.member = (await makeMember(db().db, role)).member;
      expect((await callRoute(settingsRoute.PUT, { method: "PUT", path: "/api/settings/notifications", body: input })).status).toBe(403);
      expect((await callRoute(settingsRoute.GET, { method: "GET", path: "/api/settings/notifications" })).status).toBe(403);
      expect((await callRoute(secretRoute.POST, { method: "POST", path: "/api/settings/notifications/webhook-secret" })).status).toBe(403);
      expect((await callRoute(testRoute.POST, { method: "POST", path: "/api/settings/notifications/test" })).status).toBe(403);
    }
    expect(await getStoreSettings(db().db)).toEqual(original);

    const { member: admin } = await makeMember(db().db, "admin", { email: "admin@shop.test" });
    state.member = admin;
    const saved = await callRoute(settingsRoute.PUT, { method: "PUT", path: "/api/settings/notifications", body: input });
    expect(saved.status).toBe(200);
    const stored = await getStoreSettings(db().db);
    expect(stored.goals).toEqual({ XOF: 1_500_000, EUR: 250_050 });
    expect(stored).toMatchObject({ failureSpike: input.failureSpike, payoutOverdueDays: 3, syncStaleMinutes: 90, newSales: input.newSales, maxPerMemberPerHour: 6 });
    expect(stored.webhook).toEqual({ url: "https://hooks.example/chariow", secret: original.webhook.secret });
    // Read back as typed: major units again, the secret masked.
    const read = await (await callRoute(settingsRoute.GET, { method: "GET", path: "/api/settings/notifications" })).json();
    expect(read.settings.goals).toEqual([
      { currency: "XOF", amount: "1500000" },
      { currency: "EUR", amount: "2500.50" },
    ]);
    expect(read.webhookSecret).not.toContain(original.webhook.secret.slice(6, -4));
    const audit = await db().db.selectFrom("audit_log").selectAll().where("action", "=", "notifications.settings_changed").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_email).toBe("admin@shop.test");
    expect(audit[0]!.details).not.toContain(original.webhook.secret);
  });

  it("refuses a bad value with a 400 naming its field, and changes nothing", async () => {
    state.db = db().db;
    state.member = (await makeMember(db().db, "owner")).member;
    const before = await getStoreSettings(db().db);
    const cases: [unknown, string][] = [
      [{ ...input, failureSpike: { ...input.failureSpike, windowHours: 0 } }, "failureSpike.windowHours"],
      [{ ...input, maxPerMemberPerHour: 1000 }, "maxPerMemberPerHour"],
      [{ ...input, webhookUrl: "ftp://files.example" }, "webhookUrl"],
      [{ ...input, goals: [{ currency: "xof", amount: "10" }] }, "goals.0.currency"],
      [{ ...input, goals: [{ currency: "XOF", amount: "-5" }] }, "goals.0.amount"],
      // XOF has no decimals; EUR has two.
      [{ ...input, goals: [{ currency: "XOF", amount: "1500.5" }] }, "goals.0.amount"],
      [{ ...input, goals: [{ currency: "XOF", amount: "1" }, { currency: "EUR", amount: "10.505" }] }, "goals.1.amount"],
      [{ ...input, goals: [{ currency: "EUR", amount: "10" }, { currency: "EUR", amount: "20" }] }, "goals.1.currency"],
      [{ ...input, goals: [{ currency: "XOF", amount: "0" }] }, "goals.0.amount"],
    ];
    for (const [body, field] of cases) {
      const res = await callRoute(settingsRoute.PUT, { method: "PUT", path: "/api/settings/notifications", body });
      expect(res.status, field).toBe(400);
      expect((await res.json()).error.field).toBe(field);
    }
    expect(await getStoreSettings(db().db)).toEqual(before);
    // A French decimal comma is the same amount: 12,34 EUR is 1 234 cents.
    expect((await callRoute(settingsRoute.PUT, { method: "PUT", path: "/api/settings/notifications", body: { ...input, goals: [{ currency: "EUR", amount: "12,34" }] } })).status).toBe(200);
    expect((await getStoreSettings(db().db)).goals).toEqual({ EUR: 1234 });
  });

  it("rotates the secret (returned once, audited masked) and queues one webhook test per request", async () => {
    state.db = db().db;
    state.member = (await makeMember(db().db, "owner")).member;
    const before = await getStoreSettings(db().db);
    // No URL yet: nothing to test, said by the field to fill.
    const noUrl = await callRoute(testRoute.POST, { method: "POST", path: "/api/settings/notifications/test" });
    expect(noUrl.status).toBe(400);
    expect((await noUrl.json()).error.field).toBe("webhookUrl");

    const { secret } = await (await callRoute(secretRoute.POST, { method: "POST", path: "/api/settings/notifications/webhook-secret" })).json();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(secret).not.toBe(before.webhook.secret);
    expect((await getStoreSettings(db().db)).webhook.secret).toBe(secret);
    const read = await (await callRoute(settingsRoute.GET, { method: "GET", path: "/api/settings/notifications" })).json();
    expect(read.webhookSecret).not.toBe(secret);
    expect(read.webhookSecret.endsWith(secret.slice(-4))).toBe(true);
    const rotations = await db().db.selectFrom("audit_log").select("details").where("action", "=", "notifications.webhook_secret_rotated").execute();
    expect(rotations).toHaveLength(1);
    expect(rotations[0]!.details).not.toContain(secret);

    await callRoute(settingsRoute.PUT, { method: "PUT", path: "/api/settings/notifications", body: input });
    for (let i = 0; i < 2; i++) expect((await callRoute(testRoute.POST, { method: "POST", path: "/api/settings/notifications/test" })).status).toBe(200);
    const queued = await db().db.selectFrom("notification_outbox").select(["kind", "channel", "member_id", "status", "dedupe_key"]).execute();
    expect(queued).toHaveLength(2);
    expect(new Set(queued.map((q) => q.dedupe_key)).size).toBe(2);
    for (const q of queued) expect(q).toMatchObject({ kind: "test", channel: "webhook", member_id: null, status: "pending" });
    expect(await db().db.selectFrom("audit_log").select("id").where("action", "=", "notifications.webhook_test").execute()).toHaveLength(2);
  });
});
