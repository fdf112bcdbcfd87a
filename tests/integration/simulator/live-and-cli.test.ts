// Live mode (new checkouts, resolutions, payouts, accepted invitations, with Pulses) and the CLI
// (help text, start-up banner with URL and key, clean stop on SIGTERM).
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../../simulator/index";
import { FakeClock, HISTORY_END, call, control, listOf } from "./helpers";

const root = path.resolve(__dirname, "../../..");
let sim: RunningSimulator | null = null;
let rx: Server | null = null;
afterEach(async () => {
  await sim?.close();
  await new Promise<void>((r) => (rx ? rx.close(() => r()) : r()));
  sim = null;
  rx = null;
});

describe("live mode", () => {
  it("ticks add checkouts, resolve them with Pulses, pay out due settlements and accept invitations", async () => {
    const events: string[] = [];
    rx = createServer((req, res) => {
      events.push(String(req.headers["x-pulse-event"]));
      req.resume();
      req.on("end", () => res.writeHead(200).end());
    });
    await new Promise<void>((r) => rx!.listen(0, "127.0.0.1", () => r()));
    const url = `http://127.0.0.1:${(rx.address() as AddressInfo).port}/pulses`;
    const clock = new FakeClock();
    sim = await startSimulator({ now: HISTORY_END, clock, rateLimit: 0, pulse: { url, secret: "whsec_live" } });
    const before = sim.truth();
    await call(sim, "/affiliates/invitations", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ emails: ["live.one@example.com"] }) });
    const totals = { created: 0, completed: 0, failed: 0, abandoned: 0, settled: 0, accepted: 0 };
    for (let k = 0; k < 60; k++) {
      clock.advance(2 * 3600_000); // two hours per tick: due settlements come within reach
      const t = (await control(sim, "POST", "/tick")).json;
      for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += t[key].length;
    }
    for (const [k, v] of Object.entries(totals)) expect(v, k).toBeGreaterThan(0);
    const after = sim.truth();
    expect(after.totalSales).toBe(before.totalSales + totals.created);
    expect(after.invitations[0].status).toBe("accepted");
    await new Promise((r) => setTimeout(r, 200));
    expect(events).toContain("successful.sale");
    expect(events).toContain("failed.sale");
    expect(events).toContain("abandoned.sale");
    expect(events).toContain("affiliate.joined");
    const newest = listOf((await call(sim, "/sales?per_page=1")).json).items[0];
    expect(Date.parse(newest.created_at)).toBeGreaterThan(HISTORY_END.getTime());
  });

  it("the live timer runs by itself when enabled", async () => {
    // New checkouts arrive in proportion to clock time (40 an hour): a clock running a minute per real
    // millisecond brings some within a few 20 ms ticks.
    const t0 = Date.now();
    const clock = { now: () => HISTORY_END.getTime() + (Date.now() - t0) * 60_000 };
    sim = await startSimulator({ now: HISTORY_END, clock, rateLimit: 0, live: { intervalMs: 20 } });
    const n0 = sim.truth().totalSales;
    await new Promise((r) => setTimeout(r, 400));
    expect(sim.truth().totalSales).toBeGreaterThan(n0);
  });
});

/** Spawns the CLI; `output` resolves once the start-up banner (or the whole output) is in. */
function runCli(args: string[], env: Record<string, string> = {}) {
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["simulator/cli.ts", ...args], { cwd: root, env: { ...process.env, ...env } });
  let out = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const output = new Promise<string>((resolve) => {
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("control token")) resolve(out);
    });
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    void exited.then(() => resolve(out));
  });
  return { output, exited, stop: () => child.kill("SIGTERM") };
}

describe("CLI", () => {
  it("--help lists the flags", async () => {
    const r = runCli(["--help"]);
    expect(await r.exited).toBe(0);
    const text = await r.output;
    for (const flag of ["--port", "--seed", "--dialect", "--rate-limit", "--sales", "--now", "--live", "--pulse-url", "--pulse-secret", "--faults", "--control-token"]) expect(text).toContain(flag);
  });

  it("prints the base URL (never the key it was given by SIMULATOR_API_KEY), serves with that key, and stops on SIGTERM", async () => {
    const r = runCli(["--port", "0", "--sales", "500", "--dialect", "legacy", "--rate-limit", "5"], { SIMULATOR_API_KEY: "sk_test_from_env" });
    const banner = await r.output;
    const base = /listening on (http:\/\/\S+\/v1)/.exec(banner)?.[1];
    expect(base).toBeTruthy();
    expect(banner).toMatch(/API key: +from SIMULATOR_API_KEY \(not printed\)/);
    expect(banner).not.toContain("sk_test_from_env");
    const res = await fetch(`${base}/sales`, { headers: { Authorization: "Bearer sk_test_from_env" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-ratelimit-limit")).toBe("5");
    expect(Array.isArray(((await res.json()) as { data: unknown }).data)).toBe(true);
    r.stop();
    expect(await r.exited).toBe(0);
  }, 20_000);
});
