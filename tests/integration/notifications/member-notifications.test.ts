// A member's notification preferences and in-app list through their routes (issue 19), both engines:
// each member reads and changes only their own (the member comes from the session, never the body), a
// refused value is a 400 naming its field, the list is unread first or newest first, and marking read
// touches only the caller's rows.
import { expect, it, vi } from "vitest";
import { DEFAULT_PREFERENCES, getPreferences } from "@/lib/notifications/preferences";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";
import { callRoute } from "./api-helpers";

const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getSessionMember: async () => state.member }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));
vi.stubEnv("AUTH_SECRET", "member-notifications-test-secret-0123456789");
vi.stubEnv("SMTP_URL", "");
const prefsRoute = await import("@/app/api/me/notifications/route");
const listRoute = await import("@/app/api/notifications/route");
const readRoute = await import("@/app/api/notifications/read/route");

describeEachEngine("notifications: a member's own preferences and list", ({ db }) => {
  it("GET/PUT /api/me/notifications: the signed-in member's only, strictly checked", async () => {
    const { member: a } = await makeMember(db().db, "support");
    const { member: b } = await makeMember(db().db, "owner");
    state.db = db().db;
    state.member = a;
    const first = await (await callRoute(prefsRoute.GET, { method: "GET", path: "/api/me/notifications" })).json();
    expect(first.preferences).toEqual(DEFAULT_PREFERENCES);
    // SMTP_URL unset: the page must say plainly that nothing is e-mailed.
    expect(first.emailConfigured).toBe(false);

    const mine = { ...DEFAULT_PREFERENCES, daily: false, hour: 19, locale: "en", alertEmail: false, muted: ["new_sales", "sync_stale"] };
    expect((await callRoute(prefsRoute.PUT, { method: "PUT", path: "/api/me/notifications", body: mine })).status).toBe(200);
    expect(await getPreferences(db().db, a.id)).toEqual(mine);
    expect(await getPreferences(db().db, b.id)).toEqual(DEFAULT_PREFERENCES);

    for (const [body, field] of [
      [{ ...mine, hour: 24 }, "hour"],
      [{ ...mine, locale: "de" }, "locale"],
      [{ ...mine, muted: ["everything"] }, "muted.0"],
      [{ ...mine, memberId: b.id }, undefined],
    ] as const) {
      const refused = await callRoute(prefsRoute.PUT, { method: "PUT", path: "/api/me/notifications", body });
      expect(refused.status).toBe(400);
      if (field) expect((await refused.json()).error.field).toBe(field);
    }
    expect(await getPreferences(db().db, a.id)).toEqual(mine);
    expect(await getPreferences(db().db, b.id)).toEqual(DEFAULT_PREFERENCES);

    state.member = null;
    expect((await callRoute(prefsRoute.GET, { method: "GET", path: "/api/me/notifications" })).status).toBe(401);
  });

  it("the in-app list: unread first or newest first, one's own; marking read never reaches another's", async () => {
    const { member: a } = await makeMember(db().db, "marketing");
    const { member: b } = await makeMember(db().db, "owner");
    const row = (id: string, member: string, createdAt: string, readAt: string | null) => ({ id, member_id: member, dedupe_key: `k-${id}`, kind: "alert", topic: "sync_stale", title: `t-${id}`, body: "b", link: "http://localhost:3000/settings", created_at: createdAt, read_at: readAt });
    await db()
      .db.insertInto("notifications")
      .values([
        row("n1", a.id, "2026-12-01T08:00:00.000Z", null),
        row("n2", a.id, "2026-12-03T08:00:00.000Z", "2026-12-03T09:00:00.000Z"),
        row("n3", a.id, "2026-12-02T08:00:00.000Z", null),
        row("n4", b.id, "2026-12-04T08:00:00.000Z", null),
      ])
      .execute();
    state.db = db().db;
    state.member = a;
    const unreadFirst = await (await callRoute(listRoute.GET, { method: "GET", path: "/api/notifications" })).json();
    expect(unreadFirst.entries.map((e: { id: string }) => e.id)).toEqual(["n3", "n1", "n2"]);
    expect(unreadFirst.unread).toBe(2);
    const newest = await (await callRoute(listRoute.GET, { method: "GET", path: "/api/notifications?order=newest" })).json();
    expect(newest.entries.map((e: { id: string }) => e.id)).toEqual(["n2", "n3", "n1"]);
    expect((await callRoute(listRoute.GET, { method: "GET", path: "/api/notifications?order=oldest" })).status).toBe(400);

    // Another member's notification: nothing changes, theirs stays unread.
    expect(await (await callRoute(readRoute.POST, { method: "POST", path: "/api/notifications/read", body: { id: "n4" } })).json()).toEqual({ marked: 0, unread: 2 });
    expect(await (await callRoute(readRoute.POST, { method: "POST", path: "/api/notifications/read", body: { id: "n3" } })).json()).toEqual({ marked: 1, unread: 1 });
    expect(await (await callRoute(readRoute.POST, { method: "POST", path: "/api/notifications/read", body: { all: true } })).json()).toEqual({ marked: 1, unread: 0 });
    const refused = await callRoute(readRoute.POST, { method: "POST", path: "/api/notifications/read", body: { all: false } });
    expect(refused.status).toBe(400);
    const rows = await db().db.selectFrom("notifications").select(["id", "read_at"]).orderBy("id").execute();
    expect(rows.filter((r) => r.read_at === null).map((r) => r.id)).toEqual(["n4"]);
  });
});
