// POST/GET /api/recovery/leads/:id/checkout-link through the real handler on both engines, the simulator as
// Chariow: a session is needed (401), any role that may act on recovery makes the link (support included:
// recovery:write), the body is validated (400 naming the field), errors come by code, and GET gives the
// stored link back.
import { NextRequest } from "next/server";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, expect, it, vi } from "vitest";
import { createChariowClient, createMemoryBudgetStore, createScheduler, createVirtualClock, type ChariowClient } from "@/lib/chariow";
import type { Database } from "@/lib/db";
import { upsertSales } from "@/lib/mirror";
import { startSimulator, type RunningSimulator } from "@/simulator/index";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";

const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown, client: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getSessionMember: async () => state.member }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));
vi.mock("@/lib/store/chariow-connection", () => ({ getChariowClient: () => state.client }));

const linkRoute = await import("@/app/api/recovery/leads/[id]/checkout-link/route");

const ORIGIN = "http://dash.test";
type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function send(handler: Handler, method: string, id: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = { host: "dash.test", origin: ORIGIN, ...(body !== undefined ? { "content-type": "application/json" } : {}) };
  const path = `/api/recovery/leads/${encodeURIComponent(id)}/checkout-link`;
  const res = await handler(new NextRequest(`${ORIGIN}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), { params: Promise.resolve({ id }) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

let sim: RunningSimulator;
let client: ChariowClient;
let leadId: string;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 11, rateLimit: 0, sales: 200, now: new Date("2026-06-01T00:00:00Z") });
  const clock = createVirtualClock();
  client = createChariowClient({ baseUrl: sim.baseUrl, apiKey: sim.apiKey, scheduler: createScheduler({ clock, store: createMemoryBudgetStore({ assumedLimit: 100_000 }) }), clock });
  // A failed sale whose customer never paid for its product.
  for (const lead of (await client.listSales({ status: "failed", per_page: 100 })).items) {
    const theirs = await client.listSales({ customer_id: lead.customer!.id, per_page: 100 });
    if (!theirs.items.some((x) => x.product?.id === lead.product?.id && (x.status === "completed" || x.status === "settled"))) {
      leadId = lead.id;
      break;
    }
  }
});
afterAll(async () => sim?.close());

describeEachEngine("Exact recovery link route", ({ db }) => {
  const k = () => db().db as Kysely<Database>;
  beforeEach(async () => {
    state.db = k();
    state.client = client;
    await k().insertInto("app_settings").values({ key: "store_timezone", value: "Africa/Abidjan", updated_at: new Date().toISOString() }).execute();
    await upsertSales(k(), [await client.getSale(leadId)], { source: "detail", receivedAt: new Date().toISOString(), timeZone: "Africa/Abidjan" });
  });

  it("401 without a session; support (recovery:write) makes the link; GET gives it back", async () => {
    state.member = null;
    expect((await send(linkRoute.POST, "POST", leadId, {})).status).toBe(401);
    state.member = (await makeMember(k(), "support")).member;
    expect((await send(linkRoute.GET, "GET", leadId)).json).toEqual({ link: null });
    const made = await send(linkRoute.POST, "POST", leadId, { discountCode: "SAVE20" });
    expect(made.status).toBe(200);
    expect(made.json).toMatchObject({ created: true, leadMarkedWon: false, link: { leadId, status: "created", step: "payment", discountCode: "SAVE20" } });
    expect((await send(linkRoute.GET, "GET", leadId)).json).toEqual({ link: (made.json as { link: unknown }).link });
    const again = await send(linkRoute.POST, "POST", leadId, {});
    expect(again.json).toMatchObject({ created: false, link: { url: (made.json as { link: { url: string } }).link.url } });
  });

  it("400 naming the field; errors by code", async () => {
    state.member = (await makeMember(k(), "marketing")).member;
    expect((await send(linkRoute.POST, "POST", leadId, { discountCode: "no spaces!" })).json).toMatchObject({ error: { code: "invalid_input", field: "discountCode" } });
    expect((await send(linkRoute.POST, "POST", leadId, { retryUnknown: "yes" })).json).toMatchObject({ error: { code: "invalid_input", field: "retryUnknown" } });
    expect((await send(linkRoute.POST, "POST", leadId, { other: 1 })).status).toBe(400);
    const unknown = await send(linkRoute.POST, "POST", "sal_nope", {});
    expect([unknown.status, (unknown.json as { error: { code: string } }).error.code]).toEqual([404, "lead_not_found"]);
    const refused = await send(linkRoute.POST, "POST", leadId, { discountCode: "NOPE" });
    expect([refused.status, refused.json]).toMatchObject([400, { error: { code: "discount_code_refused", field: "discountCode" } }]);
    state.client = null;
    const notConnected = await send(linkRoute.POST, "POST", leadId, {});
    expect([notConnected.status, (notConnected.json as { error: { code: string } }).error.code]).toEqual([503, "not_connected"]);
  });
});
