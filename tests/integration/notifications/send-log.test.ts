// The notification send log (issue 19: "every send recorded and visible to owners/admins"), both engines:
// rows written by hand into the outbox (members, the store's webhook), read back newest first in pages
// (ties by id), only by settings:read; the CSV holds every row in the same order with the store's time
// zone, the webhook named in words, never a payload — read with a real CSV parser — and is audited.
import { parse } from "csv-parse/sync";
import { NextRequest } from "next/server";
import { expect, it, vi } from "vitest";
import { sendLogPage } from "@/lib/notifications/send-log";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";

const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getSessionMember: async () => state.member }));
vi.mock("@/lib/i18n/request", () => ({ currentLocale: async () => "en" }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));
vi.mock("next-intl/server", () => import("@/tests/support/next-intl-server"));
const listRoute = await import("@/app/api/notifications/send-log/route");
const exportRoute = await import("@/app/api/notifications/send-log/export.csv/route");

const get = (handler: typeof listRoute.GET, path: string) => handler(new NextRequest(`http://dash.test${path}`, { headers: { host: "dash.test" } }), { params: Promise.resolve({}) });

describeEachEngine("notifications: the send log", ({ db }) => {
  it("newest first in pages, for owners and admins; the CSV holds every row and is audited", async () => {
    const k = db().db;
    state.db = k;
    await k.insertInto("app_settings").values({ key: "store_timezone", value: "Africa/Abidjan", updated_at: new Date().toISOString() }).execute();
    const { member: ama } = await makeMember(k, "marketing", { email: "ama@shop.test" });
    const { member: owner } = await makeMember(k, "owner", { email: "owner@shop.test" });
    const row = (id: string, createdAt: string, o: { member?: string | null; channel: string; kind: string; topic: string; status: string; attempts?: number; error?: string | null }) => ({
      id,
      dedupe_key: `key-${id}`,
      kind: o.kind,
      topic: o.topic,
      member_id: o.member ?? null,
      channel: o.channel,
      payload: JSON.stringify({ text: "SECRET BODY" }),
      status: o.status,
      attempts: o.attempts ?? 1,
      next_attempt_at: createdAt,
      created_at: createdAt,
      sent_at: o.status === "sent" ? createdAt : null,
      last_error: o.error ?? null,
    });
    await k
      .insertInto("notification_outbox")
      .values([
        row("o1", "2026-12-01T07:00:00.000Z", { member: ama.id, channel: "email", kind: "digest_daily", topic: "2026-12-01", status: "sent" }),
        row("o2", "2026-12-02T07:00:00.000Z", { channel: "webhook", kind: "alert", topic: "failure_spike", status: "failed", attempts: 6, error: "the webhook answered 500" }),
        row("o3", "2026-12-02T07:00:00.000Z", { member: owner.id, channel: "inapp", kind: "alert", topic: "failure_spike", status: "sent" }),
        row("o4", "2026-12-03T07:00:00.000Z", { member: ama.id, channel: "email", kind: "alert", topic: "sync_stale", status: "capped" }),
      ])
      .execute();

    // Newest first; the two rows of the same instant by id, the later id first.
    const order = ["o4", "o3", "o2", "o1"];
    expect((await sendLogPage(k, { limit: 10, offset: 0 })).map((e) => e.id)).toEqual(order);
    expect((await sendLogPage(k, { limit: 2, offset: 2 })).map((e) => e.id)).toEqual(["o2", "o1"]);

    state.member = ama;
    expect((await get(listRoute.GET, "/api/notifications/send-log")).status).toBe(403);
    expect((await get(exportRoute.GET, "/api/notifications/send-log/export.csv")).status).toBe(403);

    state.member = owner;
    const json = await (await get(listRoute.GET, "/api/notifications/send-log?limit=2")).json();
    expect(json.entries).toEqual([
      { id: "o4", to: "ama@shop.test", kind: "alert", topic: "sync_stale", channel: "email", status: "capped", attempts: 1, lastError: null, createdAt: "2026-12-03T07:00:00.000Z", sentAt: null },
      { id: "o3", to: "owner@shop.test", kind: "alert", topic: "failure_spike", channel: "inapp", status: "sent", attempts: 1, lastError: null, createdAt: "2026-12-02T07:00:00.000Z", sentAt: "2026-12-02T07:00:00.000Z" },
    ]);

    const res = await get(exportRoute.GET, "/api/notifications/send-log/export.csv?preset=standard");
    expect(res.status).toBe(200);
    const text = new TextDecoder().decode(new Uint8Array(await res.arrayBuffer())).replace(/^\uFEFF/, "");
    expect(text).not.toContain("SECRET BODY");
    const [header, ...rows] = parse(text, { delimiter: "," }) as string[][];
    expect(header![0]).toContain("Africa/Abidjan");
    expect(rows.map((r) => [r[1], r[2], r[3], r[4], r[5], r[6], r[7]])).toEqual([
      ["ama@shop.test", "alert", "sync_stale", "email", "capped", "1", ""],
      ["owner@shop.test", "alert", "failure_spike", "inapp", "sent", "1", ""],
      ["Store webhook", "alert", "failure_spike", "webhook", "failed", "6", "the webhook answered 500"],
      ["ama@shop.test", "digest_daily", "2026-12-01", "email", "sent", "1", ""],
    ]);
    // Abidjan is UTC+0 all year: 07:00Z is 07:00 there.
    expect(rows[3]![0]).toContain("2026-12-01");
    expect(rows[3]![0]).toContain("07:00");
    const audit = await k.selectFrom("audit_log").select(["action", "actor_email", "details"]).where("action", "=", "notifications.send_log.export").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_email).toBe("owner@shop.test");
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ rows: 4, completed: true });
  });
});
