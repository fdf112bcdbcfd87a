// The per-key scheduler on a virtual clock: budget from headers, priorities, exact Retry-After,
// bounded jittered retries for GETs only, timeouts, and a 429 storm that loses nothing.
import { describe, expect, it } from "vitest";
import { createMemoryBudgetStore } from "@/lib/chariow/budget-store";
import { ChariowAbortedError, ChariowUpstreamUnavailableError, isEndpointUnavailable } from "@/lib/chariow/errors";
import type { SchedulerEvent } from "@/lib/chariow/scheduler";
import { createSchedulerRegistry } from "@/lib/chariow/scheduler-registry";
import { errorBody, invitationsData, itemEnvelope, listEnvelope, rateLimitHeaders, saleSummaryPayload } from "../../factories/chariow-payloads";
import { sequence } from "./fake-fetch";
import { rateLimitedApi } from "./fake-rate-limited-api";
import { testClient } from "./test-client";

const storeBody = itemEnvelope({ id: "store_1", name: "Boutique" });
const realisticBudget = () => createMemoryBudgetStore({ resetMarginMs: 0 });

describe("budget", () => {
  it("assumes 10 per minute before any header, then waits for the window", async () => {
    const { client, calls, clock } = testClient(() => ({ body: storeBody }), { store: realisticBudget() });
    const t0 = clock.now();
    const times: number[] = [];
    await Promise.all(Array.from({ length: 11 }, () => client.getStore().then(() => times.push(clock.now() - t0))));
    expect(calls).toHaveLength(11);
    expect(times.filter((t) => t < 60_000)).toHaveLength(10);
    expect(Math.max(...times)).toBeGreaterThanOrEqual(60_000);
  });

  it("learns limit, remaining and reset from headers and waits until reset when none is left", async () => {
    let clockRef = 0;
    const { client, calls, clock, scheduler } = testClient(
      () => ({ body: storeBody, headers: rateLimitHeaders(100, calls.length === 1 ? 1 : 0, Math.floor(clockRef / 1000) + 30) }),
      { store: realisticBudget() },
    );
    clockRef = clock.now();
    await client.getStore(); // remaining 1
    expect(scheduler.state()).toMatchObject({ limit: 100, remaining: 1, resetAt: Math.floor(clockRef / 1000) * 1000 + 30_000 });
    await client.getStore(); // remaining 0
    const before = clock.now();
    await client.getStore();
    expect(clock.now()).toBeGreaterThanOrEqual(Math.floor(clockRef / 1000) * 1000 + 30_000);
    expect(before).toBeLessThan(clockRef + 30_000);
    expect(calls).toHaveLength(3);
  });

  it("never exceeds the budget with a concurrent sync and interactive calls (no 429)", async () => {
    const clockHolder: { now(): number } = { now: () => 0 };
    const api = rateLimitedApi(clockHolder, 10);
    const { client, clock } = testClient(api.handler, { store: realisticBudget(), maxConcurrency: 4 });
    clockHolder.now = () => clock.now();
    const background = Array.from({ length: 30 }, () => client.getStore({ priority: "background" }));
    const interactive = Array.from({ length: 5 }, () => client.getStore({ priority: "interactive" }));
    await Promise.all([...background, ...interactive]);
    expect(api.log.filter((l) => l.status === 429)).toHaveLength(0);
    expect(api.log).toHaveLength(35);
    const perWindow = new Map<number, number>();
    for (const l of api.log) perWindow.set(Math.floor(l.at / 60_000), (perWindow.get(Math.floor(l.at / 60_000)) ?? 0) + 1);
    expect(Math.max(...perWindow.values())).toBeLessThanOrEqual(10);
  });
});

describe("priorities", () => {
  it("serves an interactive call before queued background ones (FIFO within a priority)", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const { client, calls } = testClient(
      async (call) => {
        if (calls.length === 1) await gate; // hold the first background call in flight
        return { body: itemEnvelope({ id: call.url, name: "B" }) };
      },
      { store: realisticBudget(), maxConcurrency: 1 },
    );
    const order: string[] = [];
    const bg = Array.from({ length: 8 }, (_, i) => client.getStore({ priority: "background" }).then(() => order.push(`bg${i}`)));
    await new Promise((r) => setImmediate(r));
    const it1 = client.getStore({ priority: "interactive" }).then(() => order.push("interactive"));
    release();
    await Promise.all([...bg, it1]);
    expect(calls).toHaveLength(9);
    expect(order).toEqual(["bg0", "interactive", "bg1", "bg2", "bg3", "bg4", "bg5", "bg6", "bg7"]);
  });

  it("an interactive call queued while waiting for the window goes first when it reopens", async () => {
    const { client, clock } = testClient(() => ({ body: storeBody }), { store: realisticBudget(), maxConcurrency: 1 });
    const sentAt: Record<string, number> = {};
    const bg = Array.from({ length: 12 }, (_, i) => client.getStore({ priority: "background" }).then(() => (sentAt[`bg${i}`] = clock.now())));
    await bg[9]; // the 10 assumed slots are spent; the rest wait for the next window
    const it1 = client.getStore({ priority: "interactive" }).then(() => (sentAt.interactive = clock.now()));
    await Promise.all([...bg, it1]);
    expect(sentAt.interactive).toBeLessThanOrEqual(sentAt.bg10);
  });
});

describe("429", () => {
  it("waits exactly Retry-After before the next request, then retries the GET", async () => {
    const { client, calls, clock, scheduler } = testClient(
      sequence({ status: 429, body: errorBody("Rate limit exceeded."), headers: { "retry-after": "7" } }, { body: storeBody }),
    );
    const events: SchedulerEvent[] = [];
    scheduler.subscribe((e) => events.push(e));
    const times: number[] = [];
    const origFetchCount = () => calls.length;
    const t0 = clock.now();
    const p = client.getStore();
    const store = await p;
    times.push(clock.now() - t0);
    expect(store.id).toBe("store_1");
    expect(origFetchCount()).toBe(2);
    expect(times[0]).toBe(7_000);
    expect(events.some((e) => e.type === "rate_limited" && e.retryAfterMs === 7_000)).toBe(true);
  });

  it("a 429 storm is survived without losing a page", async () => {
    const pages = 5;
    let served = 0;
    let n = 0;
    const { client, clock } = testClient(() => {
      n++;
      if (n % 3 !== 0) return { status: 429, body: errorBody("Trop de requêtes."), headers: { "retry-after": "60" } };
      const page = served++;
      const items = [saleSummaryPayload({ id: `sal_${page}` }, "current")];
      return { body: listEnvelope(items, "current", { nextCursor: page + 1 < pages ? `c${page + 1}` : null }) };
    });
    const ids: string[] = [];
    let cursor: string | undefined;
    const t0 = clock.now();
    do {
      const page = await client.listSales({ cursor });
      ids.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(ids).toEqual(["sal_0", "sal_1", "sal_2", "sal_3", "sal_4"]);
    expect(clock.now() - t0).toBe(pages * 2 * 60_000);
  });
});

describe("retries", () => {
  it("retries a GET on 5xx with bounded, jittered exponential backoff", async () => {
    const at: number[] = [];
    const { client, calls, clock } = testClient(
      () => {
        at.push(clock.now());
        return { status: 502, body: "<html>Bad gateway</html>" };
      },
      { random: () => 0.999, backoffBaseMs: 1000 },
    );
    const error = await client.getStore().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChariowUpstreamUnavailableError);
    expect((error as ChariowUpstreamUnavailableError).failure).toBe("server_error");
    expect(calls).toHaveLength(4);
    const gaps = at.slice(1).map((t, i) => t - at[i]);
    // Equal jitter: between half and all of 1 s, 2 s, 4 s.
    [1000, 2000, 4000].forEach((ceiling, i) => {
      expect(gaps[i]).toBeGreaterThanOrEqual(ceiling / 2);
      expect(gaps[i]).toBeLessThanOrEqual(ceiling);
    });
  });

  it("recovers when a retry succeeds", async () => {
    const { client, calls } = testClient(sequence({ status: 500, body: "oops" }, { status: 503 }, { body: storeBody }));
    await expect(client.getStore()).resolves.toMatchObject({ id: "store_1" });
    expect(calls).toHaveLength(3);
  });

  it("does not retry a 501 (Not Implemented): the endpoint is absent, not the server busy", async () => {
    const { client, calls } = testClient(() => ({ status: 501, body: errorBody("Not Implemented") }));
    const error = await client.getStore().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChariowUpstreamUnavailableError);
    expect(error).toMatchObject({ status: 501 });
    expect(isEndpointUnavailable(error)).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it("retries network errors on GET", async () => {
    let n = 0;
    const { client, calls } = testClient(() => {
      if (n++ < 2) throw new TypeError("fetch failed: socket hang up");
      return { body: storeBody };
    });
    await expect(client.getStore()).resolves.toMatchObject({ id: "store_1" });
    expect(calls).toHaveLength(3);
  });

  it("never retries a POST, on 5xx or on a network error", async () => {
    const a = testClient(() => ({ status: 500, body: "oops" }));
    await expect(a.client.inviteAffiliates(["x@example.com"])).rejects.toBeInstanceOf(ChariowUpstreamUnavailableError);
    expect(a.calls).toHaveLength(1);
    const b = testClient(() => {
      throw new TypeError("fetch failed");
    });
    await expect(b.client.inviteAffiliates(["x@example.com"])).rejects.toMatchObject({ failure: "network" });
    expect(b.calls).toHaveLength(1);
  });

  it("POST succeeds normally", async () => {
    const { client } = testClient(() => ({ status: 201, body: itemEnvelope(invitationsData(["x@example.com"], "array")) }));
    await expect(client.inviteAffiliates(["x@example.com"])).resolves.toMatchObject({ invitations: [{ email: "x@example.com" }] });
  });
});

describe("timeouts and cancellation", () => {
  it("aborts a hung request after timeoutMs and retries it a bounded number of times", async () => {
    const signals: AbortSignal[] = [];
    const { client, calls } = testClient(
      (_call, init) =>
        new Promise((_resolve, reject) => {
          const signal = init.signal as AbortSignal;
          signals.push(signal);
          signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
        }),
      { maxAttempts: 3 },
      20,
    );
    const error = await client.getStore().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChariowUpstreamUnavailableError);
    expect((error as ChariowUpstreamUnavailableError).failure).toBe("timeout");
    expect(calls).toHaveLength(3);
    expect(signals.every((s) => s.aborted)).toBe(true);
  });

  it("a caller's abort removes a queued call without sending it", async () => {
    const { client, calls } = testClient(() => ({ body: storeBody }), { store: createMemoryBudgetStore({ assumedLimit: 1 }), maxConcurrency: 1 });
    await client.getStore();
    const controller = new AbortController();
    const queued = client.getStore({ signal: controller.signal });
    controller.abort();
    await expect(queued).rejects.toBeInstanceOf(ChariowAbortedError);
    expect(calls).toHaveLength(1);
  });
});

describe("observability and registry", () => {
  it("state() reports queue, in-flight, last error and last success", async () => {
    const { client, scheduler, clock } = testClient(sequence({ status: 404, body: errorBody("No query results") }, { body: storeBody }), {
      store: createMemoryBudgetStore({ assumedLimit: 1 }),
      maxConcurrency: 1,
    });
    const first = client.getSale("sal_missing").catch(() => undefined);
    const second = client.getStore({ priority: "background" });
    await new Promise((r) => setImmediate(r));
    expect(scheduler.state().queued.background + scheduler.state().inFlight).toBeGreaterThan(0);
    await Promise.all([first, second]);
    const s = scheduler.state();
    expect(s.queued).toEqual({ interactive: 0, background: 0 });
    expect(s.inFlight).toBe(0);
    expect(s.lastSuccessAt).toBe(clock.now());
  });

  it("gives the same scheduler for the same key, and another for another key", () => {
    const registry = createSchedulerRegistry();
    expect(registry.forKey("sk_live_a")).toBe(registry.forKey("sk_live_a"));
    expect(registry.forKey("sk_live_a")).not.toBe(registry.forKey("sk_live_b"));
  });
});
