// The per-key scheduler on a virtual clock: budget from headers, priorities, exact Retry-After,
// bounded jittered retries for GETs only, timeouts, and a 429 storm that loses nothing.
import { describe, expect, it } from "vitest";
import { createMemoryBudgetStore } from "@/lib/chariow/budget-store";
import { ChariowAbortedError, ChariowBudgetExhaustedError, ChariowRateLimitedError, ChariowUpstreamUnavailableError, isEndpointUnavailable } from "@/lib/chariow/errors";
import type { SchedulerEvent } from "@/lib/chariow/scheduler";
import { createSchedulerRegistry } from "@/lib/chariow/scheduler-registry";
import { errorBody, invitationsData, itemEnvelope, listEnvelope, rateLimitHeaders, saleSummaryPayload } from "../../factories/chariow-payloads";
import { sequence } from "./fake-fetch";
import { rateLimitedApi } from "./fake-rate-limited-api";
import { testClient } from "./test-client";

const storeBody = itemEnvelope({ id: "store_1", name: "Boutique" });
const realisticBudget = () => createMemoryBudgetStore({ resetMarginMs: 0 });
/** The sync's calls wait for the budget as long as it takes; interactive ones do not (see "budget spent"). */
const SYNC = { priority: "background" as const };

describe("budget", () => {
  it("assumes 10 per minute before any header, then waits for the window", async () => {
    const { client, calls, clock } = testClient(() => ({ body: storeBody }), { store: realisticBudget() });
    const t0 = clock.now();
    const times: number[] = [];
    await Promise.all(Array.from({ length: 11 }, () => client.getStore(SYNC).then(() => times.push(clock.now() - t0))));
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
    await client.getStore(SYNC); // remaining 1
    expect(scheduler.state()).toMatchObject({ limit: 100, remaining: 1, resetAt: Math.floor(clockRef / 1000) * 1000 + 30_000 });
    await client.getStore(SYNC); // remaining 0
    const before = clock.now();
    await client.getStore(SYNC);
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

  it("an interactive call that may wait, queued while waiting for the window, goes first when it reopens", async () => {
    const { client, clock } = testClient(() => ({ body: storeBody }), { store: realisticBudget(), maxConcurrency: 1 });
    const sentAt: Record<string, number> = {};
    const bg = Array.from({ length: 12 }, (_, i) => client.getStore({ priority: "background" }).then(() => (sentAt[`bg${i}`] = clock.now())));
    await bg[9]; // the 10 assumed slots are spent; the rest wait for the next window
    const it1 = client.getStore({ priority: "interactive", maxWaitMs: 120_000 }).then(() => (sentAt.interactive = clock.now()));
    await Promise.all([...bg, it1]);
    expect(sentAt.interactive).toBeLessThanOrEqual(sentAt.bg10);
  });
});

describe("low priority (background affiliate lookups)", () => {
  it("goes after every queued interactive and background call", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const { client, calls } = testClient(
      async (call) => {
        if (calls.length === 1) await gate; // hold the first call in flight while the others queue
        return { body: itemEnvelope({ id: call.url, name: "B" }) };
      },
      { store: realisticBudget(), maxConcurrency: 1 },
    );
    const order: string[] = [];
    const first = client.getStore({ priority: "background" }).then(() => order.push("bg0"));
    await new Promise((r) => setImmediate(r));
    const low = client.getStore({ priority: "low" }).then(() => order.push("low"));
    const bg = client.getStore({ priority: "background" }).then(() => order.push("bg1"));
    const interactive = client.getStore({ priority: "interactive" }).then(() => order.push("interactive"));
    release();
    await Promise.all([first, low, bg, interactive]);
    expect(order).toEqual(["bg0", "interactive", "bg1", "low"]);
  });

  it("never waits for the budget: with none left it fails at once, sends nothing, and the sync's calls still go", async () => {
    const { client, calls, clock, scheduler } = testClient(() => ({ body: storeBody }), { store: realisticBudget() });
    const background = Array.from({ length: 11 }, () => client.getStore(SYNC));
    await background[9]; // the 10 assumed slots are spent, one sync call waits for the window
    const t0 = clock.now();
    const low = await client.getStore({ priority: "low" }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(low).toBeInstanceOf(ChariowBudgetExhaustedError);
    expect(clock.now() - t0).toBe(0);
    expect(calls).toHaveLength(10);
    expect(scheduler.state().queued.low).toBe(0);
    await Promise.all(background);
    expect(calls).toHaveLength(11);
  });

  it("with nothing queued and budget left, is served like any call", async () => {
    const { client, calls } = testClient(() => ({ body: storeBody }), { store: realisticBudget() });
    await expect(client.getStore({ priority: "low" })).resolves.toMatchObject({ name: "Boutique" });
    expect(calls).toHaveLength(1);
  });
});

describe("budget spent: an interactive call fails at once with the reset time", () => {
  /** Settles `p` without waiting: what it resolved to or threw, and the virtual time it took. */
  async function outcome<T>(clock: { now(): number }, p: Promise<T>) {
    const t0 = clock.now();
    try {
      return { value: await p, error: null, tookMs: clock.now() - t0 };
    } catch (error) {
      return { value: null, error, tookMs: clock.now() - t0 };
    }
  }

  it("while the sync waits for the next window: no request, no wait, retryAt = when the window reopens", async () => {
    const { client, calls, clock, scheduler } = testClient(() => ({ body: storeBody }), { store: realisticBudget() });
    const windowStart = clock.now();
    const background = Array.from({ length: 12 }, () => client.getStore(SYNC));
    await background[9]; // the 10 assumed slots of the first minute are spent, 2 calls wait
    expect(scheduler.state().queued.background).toBe(2);
    const r = await outcome(clock, client.getStore({ priority: "interactive" }));
    expect(r.error).toBeInstanceOf(ChariowBudgetExhaustedError);
    expect(r.error).toBeInstanceOf(ChariowRateLimitedError); // callers that handle a 429 handle this
    const e = r.error as ChariowBudgetExhaustedError;
    expect(e.retryAt).toBe(windowStart + 60_000); // 10 requests a minute, assumed from the first call
    expect(r.tookMs).toBe(0);
    expect(e.message).toMatch(/comes back in 60 s/);
    expect(calls).toHaveLength(10);
    // The sync's calls are not failed: they go out when the window reopens.
    await Promise.all(background);
    expect(calls).toHaveLength(12);
  });

  it("with nothing queued, after headers said none is left until a reset 30 s away", async () => {
    let reset = 0;
    const { client, calls, clock } = testClient(() => ({ body: storeBody, headers: rateLimitHeaders(10, 0, reset) }), { store: realisticBudget() });
    reset = Math.floor(clock.now() / 1000) + 30;
    await client.getStore(); // served: the answer says the budget is spent until `reset`
    const r = await outcome(clock, client.getStore());
    expect(r.error).toBeInstanceOf(ChariowBudgetExhaustedError);
    expect((r.error as ChariowBudgetExhaustedError).retryAt).toBe(reset * 1000);
    expect(r.tookMs).toBe(0);
    expect(calls).toHaveLength(1);
  });

  it("waits when the budget comes back within the bound (5 s), or within a bound the caller or the scheduler sets", async () => {
    let reset = 0;
    const headers = () => ({ body: storeBody, headers: rateLimitHeaders(10, 0, reset) });
    const near = testClient(headers, { store: realisticBudget() });
    reset = Math.floor(near.clock.now() / 1000) + 4;
    await near.client.getStore();
    const r = await outcome(near.clock, near.client.getStore());
    expect(r.error).toBeNull();
    expect(r.tookMs).toBe(4_000); // the virtual clock starts on a whole second
    expect(near.calls).toHaveLength(2);

    /** A client whose first answer says the budget is spent for `seconds`; then its next interactive call. */
    const spentFor = async (seconds: number, schedulerOptions: { interactiveMaxWaitMs?: number }, callOptions = {}) => {
      const c = testClient(headers, { store: realisticBudget(), ...schedulerOptions });
      reset = Math.floor(c.clock.now() / 1000) + seconds;
      await c.client.getStore();
      return outcome(c.clock, c.client.getStore(callOptions));
    };
    expect((await spentFor(6, {})).error).toBeInstanceOf(ChariowBudgetExhaustedError);
    expect(await spentFor(20, { interactiveMaxWaitMs: 30_000 })).toMatchObject({ error: null, tookMs: 20_000 });
    expect((await spentFor(40, { interactiveMaxWaitMs: 30_000 })).error).toBeInstanceOf(ChariowBudgetExhaustedError);
    expect(await spentFor(40, {}, { maxWaitMs: 60_000 })).toMatchObject({ error: null, tookMs: 40_000 });
  });

  it("a 429 with Retry-After 60 on an interactive GET fails after that one request, not a minute later", async () => {
    const { client, calls, clock } = testClient(
      sequence({ status: 429, body: errorBody("Rate limit exceeded."), headers: { "retry-after": "60" } }, { body: storeBody }),
    );
    const t0 = clock.now();
    const r = await outcome(clock, client.getStore());
    expect(r.error).toBeInstanceOf(ChariowBudgetExhaustedError);
    expect((r.error as ChariowBudgetExhaustedError).retryAt).toBe(t0 + 60_000);
    expect(r.tookMs).toBe(0);
    expect(calls).toHaveLength(1);
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
    const p = client.getStore(SYNC);
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
      const page = await client.listSales({ cursor }, SYNC);
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
    expect(s.queued).toEqual({ interactive: 0, background: 0, low: 0 });
    expect(s.inFlight).toBe(0);
    expect(s.lastSuccessAt).toBe(clock.now());
  });

  it("gives the same scheduler for the same key, and another for another key", () => {
    const registry = createSchedulerRegistry();
    expect(registry.forKey("sk_live_a")).toBe(registry.forKey("sk_live_a"));
    expect(registry.forKey("sk_live_a")).not.toBe(registry.forKey("sk_live_b"));
  });
});
