// Rate limiting with an injected fake clock: headers on every response, 429 + Retry-After at the
// limit, a fresh window after 60 s, and refused keys not spending the real key's budget.
import { afterEach, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../../simulator/index";
import { FakeClock, HISTORY_END, call, control } from "./helpers";

let sim: RunningSimulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

describe("rate limit", () => {
  it("10/min by default: headers count down, the 11th gets 429 with Retry-After until the window ends", async () => {
    const clock = new FakeClock(Date.parse("2026-06-15T10:00:00.000Z"));
    sim = await startSimulator({ now: HISTORY_END, clock });
    const resetExpected = String(Math.ceil((clock.t + 60_000) / 1000));
    for (let i = 1; i <= 10; i++) {
      const r = await call(sim, "/store");
      expect(r.status).toBe(200);
      expect(r.headers.get("x-ratelimit-limit")).toBe("10");
      expect(r.headers.get("x-ratelimit-remaining")).toBe(String(10 - i));
      expect(r.headers.get("x-ratelimit-reset")).toBe(resetExpected);
      clock.advance(1000);
    }
    clock.advance(20_000); // 30 s into the window
    const limited = await call(sim, "/sales");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("30");
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(limited.json).toEqual({ message: "Rate limit exceeded. Please retry after 30 seconds.", data: [], errors: [] });
    clock.advance(29_999);
    expect((await call(sim, "/store")).status).toBe(429);
    clock.advance(1);
    const fresh = await call(sim, "/store");
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get("x-ratelimit-remaining")).toBe("9");
  });

  it("a bad key is refused without spending the real key's budget, and still gets headers", async () => {
    const clock = new FakeClock();
    sim = await startSimulator({ now: HISTORY_END, clock, rateLimit: 3 });
    for (let i = 0; i < 5; i++) {
      const r = await call(sim, "/store", { key: "sk_wrong" });
      expect(r.status).toBe(401);
      expect(r.headers.get("x-ratelimit-limit")).toBe("3");
    }
    for (let i = 0; i < 3; i++) expect((await call(sim, "/store")).status).toBe(200);
    expect((await call(sim, "/store")).status).toBe(429);
    expect(sim.requestCount()).toBe(9);
  });

  it("errors (404, 400) count against the budget like any request; control reset clears windows", async () => {
    const clock = new FakeClock();
    sim = await startSimulator({ now: HISTORY_END, clock, rateLimit: 2 });
    expect((await call(sim, "/sales/sal_nope")).status).toBe(404);
    expect((await call(sim, "/sales?status=nope")).status).toBe(400);
    expect((await call(sim, "/store")).status).toBe(429);
    expect((await control(sim, "POST", "/rate-limit/reset")).status).toBe(200);
    expect((await call(sim, "/store")).status).toBe(200);
  });

  it("rate limit 0 means unlimited; headers still announce a budget", async () => {
    sim = await startSimulator({ now: HISTORY_END, clock: new FakeClock(), rateLimit: 0 });
    for (let i = 0; i < 50; i++) expect((await call(sim, "/store")).status).toBe(200);
    const r = await call(sim, "/store");
    expect(Number(r.headers.get("x-ratelimit-limit"))).toBeGreaterThan(1000);
    expect(Number(r.headers.get("x-ratelimit-remaining"))).toBeGreaterThan(1000);
  });
});
