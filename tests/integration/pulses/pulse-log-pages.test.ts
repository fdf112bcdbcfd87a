// The Settings page's Pulse log a page at a time on both engines: accepted and refused deliveries merged
// in SQL, newest first, at the same instant a refusal before a delivery and then the later id first (the
// CSV export's order); every page size gives pages that add up to that order, with nothing twice and
// nothing lost, against an order written out by hand from the rows inserted here.
import { NextRequest } from "next/server";
import type { Kysely } from "kysely";
import { expect, it, vi } from "vitest";
import type { Database } from "@/lib/db";
import { getPulseLog, listPulseLog } from "@/lib/pulses";
import { describeEachEngine } from "../db/engines";

const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getSessionMember: async () => state.member }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));
const logRoute = await import("@/app/api/pulses/log/route");
const auditRoute = await import("@/app/api/audit/route");

async function get(handler: (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>, path: string) {
  const res = await handler(new NextRequest(`http://dash.test${path}`, { headers: { host: "dash.test" } }), { params: Promise.resolve({}) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describeEachEngine("Pulse log pages", ({ db }) => {
  const k = () => db().db as Kysely<Database>;

  async function seed() {
    const delivery = (n: number, at: string, status: string, detail: string | null = null) => ({
      delivery_id: `pdlv_${n}`, dedupe_key: `k${n}`, pulse_id: "pulse_sales", event: "successful.sale", object_id: `sal_${n}`, applied_key: null, received_at: at, status, detail, body: null, processed_at: null,
    });
    // Inserted out of time order: ids d1…d5.
    await k()
      .insertInto("pulse_deliveries")
      .values([
        delivery(1, "2026-06-01T10:00:00.000Z", "processed"),
        delivery(2, "2026-06-03T08:00:00.000Z", "duplicate", "same_delivery"),
        delivery(3, "2026-06-01T10:00:00.000Z", "failed", "mirror unavailable"),
        delivery(4, "2026-05-20T12:00:00.000Z", "test"),
        delivery(5, "2026-06-02T09:30:00.000Z", "processed"),
      ])
      .execute();
    // ids r1…r3; r2 is a counter row standing for 7 refusals from one address.
    await k()
      .insertInto("pulse_rejections")
      .values([
        { received_at: "2026-06-01T10:00:00.000Z", pulse_id: null, event: null, reason: "missing_signature", source: "203.0.113.9", repeat_count: 1, bucket_key: null },
        { received_at: "2026-06-02T23:00:00.000Z", pulse_id: "pulse_x", event: "failed.sale", reason: "mismatch", source: "198.51.100.7", repeat_count: 7, bucket_key: "198.51.100.7|2026-06-02T23" },
        { received_at: "2026-05-01T00:00:00.000Z", pulse_id: null, event: null, reason: "too_large", source: null, repeat_count: 1, bucket_key: null },
      ])
      .execute();
  }

  // By hand: 06-03 d2; 06-02 23:00 r2; 06-02 09:30 d5; 06-01 10:00 r1 then d3 then d1; 05-20 d4; 05-01 r3.
  const ORDER = ["d2", "r2", "d5", "r1", "d3", "d1", "d4", "r3"];

  it("merges both tables newest first and pages through them with any page size", async () => {
    await seed();
    const all = await listPulseLog(k(), { limit: 50 });
    expect(all.map((e) => e.key)).toEqual(ORDER);
    expect(all.find((e) => e.key === "r2")).toMatchObject({ status: "rejected", detail: "mismatch", count: 7, source: "198.51.100.7", pulseId: "pulse_x", event: "failed.sale", deliveryId: null });
    expect(all.find((e) => e.key === "d3")).toMatchObject({ status: "failed", detail: "mirror unavailable", count: 1, source: null, deliveryId: "pdlv_3", receivedAt: "2026-06-01T10:00:00.000Z" });
    for (let size = 1; size <= ORDER.length + 1; size++) {
      const keys: string[] = [];
      for (let offset = 0; offset <= ORDER.length; offset += size) keys.push(...(await listPulseLog(k(), { limit: size, offset })).map((e) => e.key));
      expect(keys, `size ${size}`).toEqual(ORDER);
    }
    expect(await listPulseLog(k(), { limit: 5, offset: 8 })).toEqual([]);
  });

  it("getPulseLog gives the asked page with the whole log's summary", async () => {
    await seed();
    const page = await getPulseLog(k(), { limit: 3, offset: 3 });
    expect(page.entries.map((e) => e.key)).toEqual(["r1", "d3", "d1"]);
    expect(page.summary.lastReceivedAt).toBe("2026-06-03T08:00:00.000Z");
  });

  it("GET /api/pulses/log and /api/audit page with limit and offset (what the live island and API clients ask)", async () => {
    await seed();
    state.db = k();
    state.member = { id: "u1", email: "owner@shop.test", name: null, role: "owner" };
    const page = await get(logRoute.GET, "/api/pulses/log?limit=3&offset=3");
    expect(page.status).toBe(200);
    expect((page.body.entries as Array<{ key: string }>).map((e) => e.key)).toEqual(["r1", "d3", "d1"]);
    const bad = await get(logRoute.GET, "/api/pulses/log?offset=-1");
    expect(bad.status).toBe(400);
    expect((bad.body.error as { field: string }).field).toBe("offset");

    for (const n of [1, 2, 3, 4, 5]) await k().insertInto("audit_log").values({ at: `2026-06-0${n}T00:00:00.000Z`, actor_user_id: null, actor_email: null, action: "auth.sign_in", target: `t${n}`, details: null, ip: null }).execute();
    const audit = await get(auditRoute.GET, "/api/audit?limit=2&offset=2");
    expect((audit.body.entries as Array<{ target: string }>).map((e) => e.target)).toEqual(["t3", "t2"]);
    state.member = { id: "u2", email: "support@shop.test", name: null, role: "support" };
    expect((await get(logRoute.GET, "/api/pulses/log?limit=3&offset=3")).status).toBe(403);
  });
});
