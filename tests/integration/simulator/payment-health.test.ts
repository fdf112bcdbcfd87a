// Payment health in the simulator (issue 20): success rates and failure codes that differ by payment
// method × buyer country, a degradation window switched on by the control API (or at start-up), and the
// ground truth per method × country checked against what the HTTP API shows.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startSimulator, type PaymentStats, type PaymentsTruth, type RunningSimulator } from "../../../simulator/index";
import { parseDegradeFlag } from "../../../simulator/degradation";
import { FakeClock, HISTORY_END, call, control, listOf, type RawJson } from "./helpers";

const root = path.resolve(__dirname, "../../..");
let sim: RunningSimulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

/** Every sale's detail, read over HTTP (legacy dialect: amounts in minor units). */
async function allSaleDetails(s: RunningSimulator): Promise<RawJson[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const r = await call(s, `/sales?per_page=100${cursor ? `&cursor=${cursor}` : ""}`);
    expect(r.status).toBe(200);
    const { items, pagination } = listOf(r.json);
    ids.push(...items.map((x: RawJson) => x.id as string));
    cursor = pagination.next_cursor;
  } while (cursor);
  const out: RawJson[] = [];
  for (const id of ids) {
    const r = await call(s, `/sales/${id}`);
    expect(r.status).toBe(200);
    out.push(r.json.data);
  }
  return out;
}

const empty = (): PaymentStats & { pay: number[] } => ({
  paid: 0, failed: 0, abandoned: 0, awaiting: 0, paidValueByCurrency: {}, valueLostByCurrency: {}, abandonedValueByCurrency: {}, failureCodes: {}, medianPaySeconds: null, pay: [],
});

/** The figures recomputed by hand from sale details: the test's own reading of the rules, not the simulator's code. */
function recompute(details: RawJson[], from: string, to: string): Omit<PaymentsTruth, "from" | "to"> {
  const cells: Record<string, Record<string, ReturnType<typeof empty>>> = {};
  const byMethod: Record<string, ReturnType<typeof empty>> = {};
  const byCountry: Record<string, ReturnType<typeof empty>> = {};
  const total = empty();
  for (const d of details) {
    const created = Date.parse(d.created_at);
    if (created < Date.parse(from) || created >= Date.parse(to)) continue;
    const method: string = d.payment.method.id;
    const country: string = d.context.country.code;
    if (d.shipping) expect(d.shipping.country.code).toBe(country);
    const amount: number = d.amount.amount;
    const currency: string = d.amount.currency;
    const groups = [((cells[method] ??= {})[country] ??= empty()), (byMethod[method] ??= empty()), (byCountry[country] ??= empty()), total];
    for (const g of groups) {
      if (d.status === "completed" || d.status === "settled") {
        g.paid++;
        g.paidValueByCurrency[currency] = (g.paidValueByCurrency[currency] ?? 0) + amount;
        g.pay.push((Date.parse(d.completed_at) - created) / 1000);
      } else if (d.status === "failed") {
        g.failed++;
        g.valueLostByCurrency[currency] = (g.valueLostByCurrency[currency] ?? 0) + amount;
        const code: string = d.payment.failure_error.code;
        g.failureCodes[code] = (g.failureCodes[code] ?? 0) + 1;
      } else if (d.status === "abandoned") {
        g.abandoned++;
        g.abandonedValueByCurrency[currency] = (g.abandonedValueByCurrency[currency] ?? 0) + amount;
      } else g.awaiting++;
    }
  }
  const done = (g: ReturnType<typeof empty>): PaymentStats => {
    const { pay, ...rest } = g;
    pay.sort((x, y) => x - y);
    return { ...rest, medianPaySeconds: pay.length === 0 ? null : pay[Math.ceil(pay.length / 2) - 1] };
  };
  const map = <T,>(rec: Record<string, T>, f: (v: T) => unknown) => Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, f(v)]));
  return {
    byMethodCountry: map(cells, (row) => map(row, done)) as PaymentsTruth["byMethodCountry"],
    byMethod: map(byMethod, done) as PaymentsTruth["byMethod"],
    byCountry: map(byCountry, done) as PaymentsTruth["byCountry"],
    total: done(total),
  };
}

const rate = (s: PaymentStats) => s.paid / (s.paid + s.failed);

/** Advances the fake clock by `minutes` per tick, `ticks` times. */
async function run(s: RunningSimulator, clock: FakeClock, ticks: number, minutes: number): Promise<void> {
  for (let k = 0; k < ticks; k++) {
    clock.advance(minutes * 60_000);
    expect((await control(s, "POST", "/tick")).status).toBe(200);
  }
}

describe("payment methods × countries", () => {
  it("success rates and failure codes differ by method (seeded store of 4,000 sales)", async () => {
    sim = await startSimulator({ seed: 42, sales: 4000, now: HISTORY_END, clock: new FakeClock(), rateLimit: 0 });
    const t = sim.paymentsTruth("2020-01-01T00:00:00Z", "2030-01-01T00:00:00Z");
    const attempts = (s: PaymentStats) => s.paid + s.failed;
    // Methods with enough attempts to measure: their success rates spread over more than 10 points.
    const measured = Object.values(t.byMethod).filter((s) => attempts(s) >= 100).map(rate);
    expect(measured.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...measured) - Math.min(...measured)).toBeGreaterThan(0.1);
    expect(rate(t.byMethod.wave) - rate(t.byMethod.moov_money)).toBeGreaterThan(0.1);
    // Within one country, too: in Senegal Wave fails far less than Orange Money.
    expect(rate(t.byMethodCountry.wave.SN) - rate(t.byMethodCountry.orange_money.SN)).toBeGreaterThan(0.07);
    // Failure codes by method: cards are declined or fail 3-D Secure, never a wrong OTP; mobile money the reverse.
    expect(t.byMethod.card.failureCodes.card_declined).toBeGreaterThan(0);
    expect(t.byMethod.card.failureCodes.authentication_failed).toBeGreaterThan(0);
    expect(t.byMethod.card.failureCodes.invalid_otp).toBeUndefined();
    expect(t.byMethod.mtn_momo.failureCodes.invalid_otp).toBeGreaterThan(0);
    expect(t.byMethod.mtn_momo.failureCodes.card_declined).toBeUndefined();
    expect(t.byMethod.wave.failureCodes.invalid_otp).toBeUndefined(); // paid in the app, no OTP
    // Methods are offered where they exist: no Wave in Bénin, no mobile money in France.
    expect(t.byMethodCountry.wave.BJ).toBeUndefined();
    expect(Object.keys(t.byMethodCountry.paypal ?? {}).sort()).toEqual(["BE", "CA", "FR", "US"]);
    // A card pays faster than a USSD push waiting for the customer's PIN.
    expect(t.byMethod.card.medianPaySeconds!).toBeLessThan(t.byMethod.mtn_momo.medianPaySeconds!);
  });

  it("the truth per method × country equals what the API shows, live changes included", async () => {
    const clock = new FakeClock();
    sim = await startSimulator({ seed: 7, sales: 400, now: HISTORY_END, clock, rateLimit: 0, dialect: "legacy" });
    // Live activity: checkouts made and resolved, a degradation on Wave, checkouts chosen by method and country.
    expect((await control(sim, "POST", "/degradation", { method: "wave", extra_per_hour: 40 })).status).toBe(200);
    await run(sim, clock, 12, 10);
    // A checkout keeps its method when it is paid or fails.
    const awaiting = (await allSaleDetails(sim)).filter((d) => d.status === "awaiting_payment");
    expect(awaiting.length).toBeGreaterThan(5);
    for (const [k, body] of [{ method: "card", country: "FR" }, { method: "wave", country: "SN" }, { method: "t_money" }].entries()) {
      const c = await control(sim, "POST", "/checkouts", body);
      expect(c.status).toBe(201);
      await control(sim, "POST", `/sales/${c.json.sale.id}/${k === 1 ? "fail" : "complete"}`, k === 1 ? { code: "timeout" } : {});
    }
    await run(sim, clock, 6, 10);
    const from = "2026-03-01T00:00:00.000Z";
    const to = new Date(clock.now() + 1000).toISOString();
    const truth = sim.paymentsTruth(from, to);
    const details = await allSaleDetails(sim);
    const now = new Map(details.map((d) => [d.id as string, d]));
    const resolved = awaiting.filter((d) => now.get(d.id)!.status !== "awaiting_payment");
    expect(resolved.length).toBeGreaterThan(3);
    for (const d of resolved) expect([d.id, now.get(d.id)!.payment.method.id]).toEqual([d.id, d.payment.method.id]);
    const byHand = recompute(details, from, to);
    expect(truth.total.paid + truth.total.failed).toBeGreaterThan(100);
    expect(truth.byMethodCountry).toEqual(byHand.byMethodCountry);
    expect(truth.byMethod).toEqual(byHand.byMethod);
    expect(truth.byCountry).toEqual(byHand.byCountry);
    expect(truth.total).toEqual(byHand.total);
    // The control route answers the same.
    const r = await control(sim, "GET", `/truth/payments?from=${from}&to=${encodeURIComponent(to)}`);
    expect(r.json).toEqual(JSON.parse(JSON.stringify(truth)));
  }, 60_000);
});

describe("degradation window", () => {
  it("makes matching live checkouts fail, and not the others", async () => {
    const clock = new FakeClock();
    sim = await startSimulator({ seed: 3, sales: 600, now: HISTORY_END, clock, rateLimit: 0 });
    await run(sim, clock, 6, 10); // an hour of ordinary live activity
    const start = new Date(clock.now()).toISOString();
    const on = await control(sim, "POST", "/degradation", { method: "wave", country: "SN", failure_share: 1, minutes: 180 });
    expect(on.status).toBe(200);
    expect(on.json.degradation).toMatchObject({ method: "wave", country: "SN", failure_share: 1, code: "operator_unavailable", from: start, active: true });
    await run(sim, clock, 36, 5); // the three hours of the window
    const end = new Date(clock.now()).toISOString();
    expect((await control(sim, "GET", "/degradation")).json.degradation.active).toBe(false);
    await run(sim, clock, 12, 10); // two more hours: every checkout of the window is resolved
    const t = sim.paymentsTruth(start, end);
    const hit = t.byMethodCountry.wave.SN;
    expect(hit.failed).toBeGreaterThanOrEqual(15); // enough attempts for a dashboard's rule to see
    expect(hit.paid).toBe(0);
    expect(hit.awaiting).toBe(0);
    expect(hit.failureCodes).toEqual({ operator_unavailable: hit.failed });
    // Everything else goes on as usual: most payments succeed.
    const others = { paid: t.total.paid, failed: t.total.failed - hit.failed };
    expect(others.paid + others.failed).toBeGreaterThan(40);
    expect(others.failed / (others.paid + others.failed)).toBeLessThan(0.4);
    // Wave in the other countries is not in the window: its checkouts are paid as usual.
    const elsewhere = Object.entries(t.byMethodCountry.wave).filter(([country]) => country !== "SN").map(([, s]) => s);
    expect(elsewhere.reduce((n, s) => n + s.paid, 0)).toBeGreaterThan(elsewhere.reduce((n, s) => n + s.failed, 0));
    // After the window, Wave in Senegal is back to normal: few checkouts, not all failing.
    const after = sim.paymentsTruth(end, new Date(clock.now() + 1000).toISOString()).byMethodCountry.wave?.SN;
    expect((after?.paid ?? 0) + (after?.failed ?? 0)).toBeLessThan(hit.failed / 3);
    // A failed sale of the window, as the API shows it.
    const list = await call(sim, `/sales?status=failed&start_date=${start.slice(0, 10)}&per_page=100`);
    const details = await Promise.all(listOf(list.json).items.map((x: RawJson) => call(sim!, `/sales/${x.id}`)));
    const shown = details.map((d) => d.json.data).filter((d) => d.payment.method.id === "wave" && d.context.country.code === "SN" && d.created_at >= start.slice(0, 19) && Date.parse(d.created_at) < Date.parse(end));
    expect(shown.length).toBe(hit.failed);
    for (const d of shown) expect(d.payment.failure_error.code).toBe("operator_unavailable");
  }, 60_000);

  it("switches off with DELETE, and the control routes validate their input (422 naming the field)", async () => {
    sim = await startSimulator({ seed: 5, sales: 100, now: HISTORY_END, clock: new FakeClock(), rateLimit: 0 });
    const bad: [Record<string, unknown> | unknown[], string][] = [
      [{}, "method"], [{ method: "bitcoin" }, "method"], [[], "method"], [{ method: "wave", country: "FR" }, "country"], [{ method: "wave", country: "XX" }, "country"],
      [{ method: "wave", failure_share: 0 }, "failure_share"], [{ method: "wave", failure_share: 1.5 }, "failure_share"], [{ method: "wave", failure_share: "0.9" }, "failure_share"],
      [{ method: "card", minutes: 0 }, "minutes"], [{ method: "card", minutes: 1.5 }, "minutes"], [{ method: "card", code: "nope" }, "code"], [{ method: "card", extra_per_hour: -1 }, "extra_per_hour"],
    ];
    for (const [body, field] of bad) {
      const r = await control(sim, "POST", "/degradation", body);
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(Object.keys(r.json.errors)).toEqual([field]);
    }
    expect((await control(sim, "GET", "/degradation")).json).toEqual({ degradation: null });
    const on = await control(sim, "POST", "/degradation", { method: "card" });
    expect(on.json.degradation).toMatchObject({ method: "card", country: null, failure_share: 0.9, code: "timeout", until: null, active: true });
    expect((await control(sim, "DELETE", "/degradation")).json).toEqual({ degradation: null });
    expect((await control(sim, "GET", "/degradation")).json).toEqual({ degradation: null });
    expect((await control(sim, "GET", "/degradation", undefined, "wrong")).status).toBe(401);
    expect((await control(sim, "GET", "/truth/payments?from=yesterday&to=now")).status).toBe(422);
    // Checkouts chosen by method and country: the method must be offered there.
    expect((await control(sim, "POST", "/checkouts", { method: "wave", country: "FR" })).status).toBe(422);
    expect((await control(sim, "POST", "/checkouts", { method: "bitcoin" })).status).toBe(422);
    expect((await control(sim, "POST", "/checkouts", { country: "ZZ" })).status).toBe(422);
    const made = await control(sim, "POST", "/checkouts", { method: "wave", country: "SN" });
    expect(made.status).toBe(201);
    expect(made.json.sale).toMatchObject({ method: "wave", country: "SN" });
    const detail = (await call(sim, `/sales/${made.json.sale.id}`)).json.data;
    expect([detail.payment.method.id, detail.context.country.code]).toEqual(["wave", "SN"]);
    const wave = await control(sim, "POST", "/checkouts", { method: "wave" });
    expect(["SN", "CI", "ML"]).toContain(wave.json.sale.country);
  });

  it("can be on from the start: the option, and the CLI's --degrade / SIMULATOR_DEGRADE", async () => {
    expect(parseDegradeFlag("wave:sn:0.8:120")).toEqual({ method: "wave", country: "SN", failureShare: 0.8, minutes: 120 });
    expect(parseDegradeFlag("card:*")).toEqual({ method: "card", country: undefined, failureShare: undefined, minutes: undefined });
    await expect(startSimulator({ sales: 10, degradation: { method: "wave", country: "BJ" } })).rejects.toThrow(/degradation\.country/);
    sim = await startSimulator({ seed: 5, sales: 100, now: HISTORY_END, clock: new FakeClock(), rateLimit: 0, degradation: { method: "orange_money", country: "CI", minutes: 60 } });
    expect((await control(sim, "GET", "/degradation")).json.degradation).toMatchObject({ method: "orange_money", country: "CI", active: true });
    await sim.close();
    sim = null;

    const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["simulator/cli.ts", "--port", "0", "--sales", "200", "--rate-limit", "0"], {
      cwd: root, env: { ...process.env, SIMULATOR_DEGRADE: "wave:SN", SIMULATOR_CONTROL_TOKEN: "simctl_test_degrade" },
    });
    let out = "";
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const banner = new Promise<string>((resolve) => {
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("degraded:")) resolve(out);
      });
      void exited.then(() => resolve(out));
    });
    const text = await banner;
    expect(text).toContain("degraded: wave in SN");
    const origin = /listening on (http:\/\/\S+)\/v1/.exec(text)![1];
    const r = await fetch(`${origin}/__sim/degradation`, { headers: { "x-sim-token": "simctl_test_degrade" } });
    expect(((await r.json()) as RawJson).degradation).toMatchObject({ method: "wave", country: "SN", failure_share: 0.9, active: true });
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 30_000);
});
