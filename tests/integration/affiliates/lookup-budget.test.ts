// GET /api/affiliates/lookup through its real handler on both engines, with the app's kind of scheduler
// (budget shared in the database) and a simulator allowing 2 requests a minute: once the budget is spent,
// a lookup answers 503 at once — no request sent, no minute-long wait — with `retryAt`, the moment the
// simulator's own X-RateLimit-Reset says the window reopens; a cached answer is still served.
import { NextRequest } from "next/server";
import type { Kysely } from "kysely";
import { afterEach, expect, it, vi } from "vitest";
import { createChariowClient, createScheduler, keyFingerprint } from "@/lib/chariow";
import type { Database } from "@/lib/db";
import { createDbBudgetStore } from "@/lib/sync/db-budget-store";
import { startSimulator, type RunningSimulator } from "@/simulator/index";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";
import { HISTORY_END } from "../simulator/helpers";

const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown, client: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getSessionMember: async () => state.member }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));
vi.mock("@/lib/store/chariow-connection", () => ({ getChariowClient: () => state.client }));

const lookupRoute = await import("@/app/api/affiliates/lookup/route");

async function lookup(query: string) {
  const res = await lookupRoute.GET(new NextRequest(`http://dash.test/api/affiliates/lookup?${query}`, { headers: { host: "dash.test" } }), { params: Promise.resolve({}) });
  type Body = { found?: boolean; cached?: boolean; error?: { code: string; message: string; retryAt: string } };
  return { status: res.status, retryAfter: res.headers.get("retry-after"), json: (await res.json()) as Body };
}

let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describeEachEngine("affiliate lookup with the API budget spent", ({ db }) => {
  it("answers 503 with retryAt at once instead of waiting for the next window", async () => {
    const k = db().db as Kysely<Database>;
    sim = await startSimulator({ port: 0, rateLimit: 2, sales: 30, now: HISTORY_END });
    // What the simulator says about its window, read off the answers the app got.
    const answers: Array<{ path: string; reset: number | null }> = [];
    const recording: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
      answers.push({ path: url.pathname, reset: Number(res.headers.get("x-ratelimit-reset")) || null });
      return res;
    };
    const store = createDbBudgetStore({ db: k, keyFingerprint: keyFingerprint(sim.apiKey) });
    state.client = createChariowClient({ baseUrl: sim.baseUrl, apiKey: sim.apiKey, scheduler: createScheduler({ store }), fetch: recording });
    state.db = k;
    state.member = (await makeMember(k, "marketing")).member;

    expect((await lookup("code=JOHN25&refresh=1")).status).toBe(200);
    expect((await lookup("code=CREATOR123&refresh=1")).status).toBe(200);
    expect(answers).toHaveLength(2); // the simulator's 2 requests of this minute are spent
    const windowEndsAt = answers[1].reset! * 1000;

    const t0 = Date.now();
    const spent = await lookup("code=JOHN25&refresh=1");
    const tookMs = Date.now() - t0;
    expect(spent.status).toBe(503);
    expect(tookMs).toBeLessThan(2_000);
    expect(answers).toHaveLength(2); // nothing was sent to be refused
    expect(spent.json.error).toMatchObject({ code: "chariow_rate_limited", message: expect.stringMatching(/budget is spent; it comes back in \d+ s/) });
    const retryAt = Date.parse(spent.json.error!.retryAt);
    expect(retryAt).toBeGreaterThanOrEqual(windowEndsAt);
    expect(retryAt).toBeLessThanOrEqual(windowEndsAt + 1_000);
    const waitSeconds = (retryAt - t0) / 1000; // about a minute: the window began with the first lookup
    expect(waitSeconds).toBeGreaterThan(50);
    expect(Number(spent.retryAfter)).toBeGreaterThanOrEqual(Math.floor(waitSeconds) - 1);
    expect(Number(spent.retryAfter)).toBeLessThanOrEqual(Math.ceil(waitSeconds));

    // An answer already known is still served from the cache, budget or not.
    const cached = await lookup("code=JOHN25");
    expect(cached.status).toBe(200);
    expect(cached.json).toMatchObject({ found: true, cached: true });
  });
});
