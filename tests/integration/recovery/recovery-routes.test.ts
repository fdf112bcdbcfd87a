// The recovery routes through their real handlers on both engines, with the simulator as Chariow: the
// contact route hands out the product's checkout link when no Pulse gave one (store URL and slug as the
// simulator's own GET /store and GET /products/{id} report them), the window setting is refused to
// marketing and support (403), validated (400 naming the field), audited, and applied by the worklist.
import { NextRequest } from "next/server";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import { createChariowClient, createMemoryBudgetStore, createScheduler, createVirtualClock, type ChariowClient } from "@/lib/chariow";
import type { Database } from "@/lib/db";
import { upsertSales } from "@/lib/mirror";
import type { Member } from "@/lib/team";
import { startSimulator, type RunningSimulator } from "@/simulator/index";
import { saleDetail } from "../../factories/sales";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";
import { call as simCall, control } from "../simulator/helpers";

const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown, client: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getSessionMember: async () => state.member }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));
vi.mock("@/lib/store/chariow-connection", () => ({ getChariowClient: () => state.client }));

const contactRoute = await import("@/app/api/recovery/leads/[id]/contact/route");
const windowRoute = await import("@/app/api/recovery/window/route");
const leadsRoute = await import("@/app/api/recovery/leads/route");

const ORIGIN = "http://dash.test";
const ZONE = "Africa/Abidjan";
type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function send(handler: Handler, method: string, path: string, opts: { body?: unknown; params?: Record<string, string> } = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = { host: "dash.test", origin: ORIGIN, ...(opts.body !== undefined ? { "content-type": "application/json" } : {}) };
  const res = await handler(new NextRequest(`${ORIGIN}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) }), { params: Promise.resolve(opts.params ?? {}) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

let sim: RunningSimulator;
let client: ChariowClient;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 11, dialect: "current", rateLimit: 0, sales: 30, now: new Date("2026-06-01T00:00:00Z") });
  client = createChariowClient({ baseUrl: sim.baseUrl, apiKey: sim.apiKey, scheduler: createScheduler({ clock: createVirtualClock(), store: createMemoryBudgetStore({ assumedLimit: 100_000 }) }), clock: createVirtualClock() });
});
afterAll(async () => sim?.close());

describeEachEngine("Recovery routes", ({ db }) => {
  const members: Partial<Record<Role, Member>> = {};
  const k = () => db().db as Kysely<Database>;
  const signIn = (role: Role) => (state.member = members[role]);

  beforeEach(async () => {
    state.db = k();
    state.client = client;
    // The store info service caches GET /store and products process-wide: start each test cold.
    const cache = globalThis as { __chariowStore?: unknown; __chariowProductLinks?: unknown };
    delete cache.__chariowStore;
    delete cache.__chariowProductLinks;
    for (const role of ["owner", "admin", "marketing", "support"] as const) members[role] = (await makeMember(k(), role)).member;
    await k().insertInto("app_settings").values({ key: "store_timezone", value: ZONE, updated_at: new Date().toISOString() }).execute();
  });

  it("GET contact: a lead without a Pulse checkout.url gets the product's checkout link from the store info service", async () => {
    const failed = await control(sim, "POST", "/checkouts", {});
    await control(sim, "POST", `/sales/${failed.json.sale.id}/fail`, { code: "insufficient_funds" });
    const live = await client.getSale(failed.json.sale.id);
    // As a Pulse without checkout.url would leave it: no link, no stored payload to learn from.
    await upsertSales(k(), [live], { source: "pulse", receivedAt: new Date().toISOString(), timeZone: ZONE, raw: [null] });
    // Independent truth: what the simulator's own endpoints say about the store and the product.
    const storeUrl = (await simCall(sim, "/store")).json.data.url as string;
    const slug = (await simCall(sim, `/products/${failed.json.sale.product_id}`)).json.data.slug as string;

    signIn("support");
    const res = await send(contactRoute.GET as Handler, "GET", `/api/recovery/leads/${live.id}/contact?locale=en`, { params: { id: live.id } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ checkoutUrl: `${storeUrl}/checkout/${slug}`, linkSource: "product_checkout" });
    expect(res.json.message).toContain(`${storeUrl}/checkout/${slug}`);

    // Without any Chariow connection and nothing in the mirror, the route says so: no link.
    state.client = null;
    delete (globalThis as { __chariowStore?: unknown }).__chariowStore;
    delete (globalThis as { __chariowProductLinks?: unknown }).__chariowProductLinks;
    const none = await send(contactRoute.GET as Handler, "GET", `/api/recovery/leads/${live.id}/contact?locale=en`, { params: { id: live.id } });
    expect(none.json).toMatchObject({ checkoutUrl: null, linkSource: null });
  });

  it("POST contact audits a copied link", async () => {
    await upsertSales(k(), [saleDetail({ id: "lead_x", status: "failed" })], { source: "detail", receivedAt: new Date().toISOString(), timeZone: ZONE });
    signIn("marketing");
    expect((await send(contactRoute.POST as Handler, "POST", "/api/recovery/leads/lead_x/contact", { body: { channel: "link" }, params: { id: "lead_x" } })).status).toBe(200);
    const audit = await k().selectFrom("audit_log").selectAll().where("action", "=", "recovery.contact_link").execute();
    expect(audit.map((a) => [a.target, a.actor_email])).toEqual([["lead_x", members.marketing!.email]]);
  });

  it("PUT window: 403 for marketing and support, 400 outside 1–90, 200 and audited for owners and admins", async () => {
    for (const role of ["marketing", "support"] as const) {
      signIn(role);
      const res = await send(windowRoute.PUT as Handler, "PUT", "/api/recovery/window", { body: { days: 30 } });
      expect(res.status).toBe(403);
      expect((res.json.error as { code: string }).code).toBe("forbidden");
    }
    signIn("admin");
    for (const days of [0, 91, 2.5, "30"]) {
      const res = await send(windowRoute.PUT as Handler, "PUT", "/api/recovery/window", { body: { days } });
      expect(res.status).toBe(400);
      expect(res.json.error).toMatchObject({ field: "days" });
    }
    expect(await send(windowRoute.PUT as Handler, "PUT", "/api/recovery/window", { body: { days: 30 } })).toEqual({ status: 200, json: { days: 30, previous: 14 } });
    signIn("owner");
    expect((await send(windowRoute.PUT as Handler, "PUT", "/api/recovery/window", { body: { days: 21 } })).status).toBe(200);
    signIn("support");
    expect(await send(windowRoute.GET as Handler, "GET", "/api/recovery/window")).toEqual({ status: 200, json: { days: 21 } });
    const audit = await k().selectFrom("audit_log").selectAll().where("action", "=", "recovery.window_changed").orderBy("id").execute();
    expect(audit.map((a) => [a.actor_email, JSON.parse(a.details ?? "null")])).toEqual([
      [members.admin!.email, { previous: 14, days: 30 }],
      [members.owner!.email, { previous: 30, days: 21 }],
    ]);
  });

  it("GET leads attributes within the saved window", async () => {
    await upsertSales(
      k(),
      [
        saleDetail({ id: "lead_w", status: "failed", createdAt: "2026-05-01T10:00:00Z", failedAt: "2026-05-01T10:00:00Z", customerId: "cus_w", productId: "prd_w" }),
        saleDetail({ id: "pay_w", status: "completed", createdAt: "2026-05-21T10:00:00Z", completedAt: "2026-05-21T10:00:00Z", customerId: "cus_w", productId: "prd_w" }),
      ],
      { source: "detail", receivedAt: "2026-05-22T00:00:00Z", timeZone: ZONE },
    );
    const path = "/api/recovery/leads?from=2026-05-01&to=2026-05-01&include=all";
    type Body = { windowDays: number; leads: { saleId: string; recovered: { saleId: string } | null }[] };
    signIn("support");
    const before = (await send(leadsRoute.GET as Handler, "GET", path)).json as unknown as Body;
    expect([before.windowDays, before.leads.map((l) => l.recovered?.saleId ?? null)]).toEqual([14, [null]]);
    signIn("owner");
    await send(windowRoute.PUT as Handler, "PUT", "/api/recovery/window", { body: { days: 30 } });
    const after = (await send(leadsRoute.GET as Handler, "GET", path)).json as unknown as Body;
    expect([after.windowDays, after.leads.map((l) => l.recovered?.saleId ?? null)]).toEqual([30, ["pay_w"]]);
  });
});
