// startSimulator: builds the model, then serves /v1 (auth → 429 storm → rate limit → faults →
// handler → drift) and /__sim (control token only) on a node:http server.
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { handleCheckout } from "./checkout";
import { handleControl } from "./control";
import { parseDegradation } from "./degradation";
import { FaultInjector } from "./faults";
import { HTML_ERROR_PAGE, INVALID_KEY, MISSING_KEY, fail, rateLimited, readBody, type Reply } from "./http-util";
import { LiveEngine } from "./live";
import { StoreModel } from "./model";
import { PulseSender } from "./pulses";
import { RateLimiter, rateHeaders, type RateDecision } from "./rate-limit";
import { routeV1 } from "./routes-v1";
import type { SimRuntime } from "./runtime";
import { computePaymentsTruth } from "./payments-truth";
import { computeRecoveryTruth } from "./recovery-truth";
import { computePeriodTruth, computeTruth } from "./truth";
import type { DegradationInput, Dialect, OptionalEndpoint, PaymentMethodShape, RunningSimulator, SimulatorOptions } from "./types";

export const DEMO_API_KEY = "sk_test_chariow_demo_key";
export const DEFAULT_SALES = 3000;
/** With --rate-limit 0 the headers still announce a budget, so clients that size themselves from them don't throttle. */
export const UNLIMITED_ANNOUNCED = 10_000_000;

function todayMidnightUtc(ms: number): Date {
  return new Date(Math.floor(ms / 86_400_000) * 86_400_000);
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string>, contentType = "application/json"): void {
  res.writeHead(status, { "Content-Type": contentType, "Content-Length": String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  const seed = opts.seed ?? 42;
  const baseClock = opts.clock ?? { now: () => Date.now() };
  let offsetMs = 0;
  const clockMs = () => baseClock.now() + offsetMs;
  const historyEnd = opts.now ?? todayMidnightUtc(clockMs());
  const model = new StoreModel(seed, Math.max(0, Math.floor(opts.sales ?? DEFAULT_SALES)), Math.floor(historyEnd.getTime() / 1000), opts.feesDeducted ?? "service");
  const apiKey = opts.apiKey ?? process.env.SIMULATOR_API_KEY ?? DEMO_API_KEY;
  const controlToken = opts.controlToken ?? "simctl_" + randomBytes(18).toString("hex");
  const limit = opts.rateLimit ?? 10;
  const limiter = new RateLimiter(limit > 0 ? limit : UNLIMITED_ANNOUNCED, clockMs);
  const faults = new FaultInjector(opts.faults);
  const hanging = new Set<Socket>();
  let missing: ReadonlySet<OptionalEndpoint> = new Set(opts.missingEndpoints ?? []);
  let requests = 0;

  const rt: SimRuntime = {
    model, seed, dialect: opts.dialect ?? "current", paymentMethodAs: opts.paymentMethodAs ?? "object", clockMs, nowSec: () => Math.floor(clockMs() / 1000),
    advance: (ms) => { offsetMs += ms; }, limiter, faults, apiKey, controlToken, origin: "",
    signingKey: createHash("sha256").update(`cdn-signing:${seed}`).digest("hex"),
    pulses: null, live: null, degradation: null,
  };
  const setDegradation = (d: DegradationInput | null) => {
    if (d === null) {
      rt.degradation = null;
      return;
    }
    const parsed = parseDegradation(d, rt.nowSec());
    if (!("ok" in parsed)) throw new Error(`degradation.${parsed.field}: ${parsed.message}`);
    rt.degradation = parsed.ok;
  };
  if (opts.degradation) setDegradation(opts.degradation);
  if (opts.pulse) rt.pulses = new PulseSender(opts.pulse, rt);
  rt.live = new LiveEngine(rt);

  async function handleV1(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    requests++;
    const auth = req.headers.authorization;
    const m = auth ? /^Bearer\s+(.+)$/i.exec(auth.trim()) : null;
    if (!m || m[1] !== apiKey) {
      // A refused key spends nothing: the headers describe a fresh anonymous window.
      const d = limiter.peek("\u0000anonymous");
      return reply(res, fail(401, m ? INVALID_KEY : MISSING_KEY), rateHeaders(d));
    }
    const decision = faults.decide();
    if (decision.kind === "storm") {
      const ra = faults.stormRetryAfter;
      const d: RateDecision = { ...limiter.peek(apiKey), remaining: 0 };
      await delay(decision.delayMs);
      return reply(res, rateLimited(ra), { ...rateHeaders(d), "Retry-After": String(ra) });
    }
    const d = limiter.hit(apiKey);
    const headers = rateHeaders(d);
    if (!d.allowed) return reply(res, rateLimited(d.retryAfterSec), { ...headers, "Retry-After": String(d.retryAfterSec) });
    if (decision.kind === "drop") {
      await delay(decision.delayMs);
      req.socket.destroy();
      return;
    }
    if (decision.kind === "timeout") {
      hanging.add(req.socket);
      req.socket.once("close", () => hanging.delete(req.socket));
      return; // never answered; close() destroys it
    }
    await delay(decision.delayMs);
    if (decision.kind === "html") return send(res, decision.status ?? 502, HTML_ERROR_PAGE(decision.status ?? 502), headers, "text/html; charset=UTF-8");
    if (decision.kind === "error") return reply(res, fail(decision.status ?? 500, "Server Error"), headers);
    const nowSec = rt.nowSec();
    const ctx = { model, dialect: rt.dialect, paymentMethodAs: rt.paymentMethodAs, nowSec, signingKey: rt.signingKey, origin: rt.origin };
    const out = await routeV1(req.method ?? "GET", url.pathname.slice(3), url.searchParams, () => readBody(req), {
      ...ctx, pulses: () => rt.pulses?.describe() ?? [], missing, checkout: (raw) => handleCheckout(raw, rt, ctx),
    });
    reply(res, { ...out, body: faults.drift(out.body) }, headers, req.method === "HEAD");
  }

  function reply(res: ServerResponse, r: Reply, headers: Record<string, string>, head = false): void {
    const body = JSON.stringify(r.body);
    if (head) {
      res.writeHead(r.status, { "Content-Type": "application/json", ...headers, ...r.headers });
      res.end();
      return;
    }
    send(res, r.status, body, { ...headers, ...r.headers });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const p = url.pathname;
    const task = p === "/v1" || p.startsWith("/v1/")
      ? handleV1(req, res, url)
      : p.startsWith("/__sim/") || p === "/__sim"
        ? handleControl(req, url, rt).then((r) => reply(res, r, {}))
        : Promise.resolve(reply(res, fail(404, "Not Found"), {}));
    task.catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, JSON.stringify({ message: "Server Error", data: [], errors: [] }), {});
      if (process.env.SIMULATOR_DEBUG) console.error(e);
    });
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  const origin = `http://${host}:${addr.port}`;
  rt.origin = origin;
  if (opts.live) rt.live.start(typeof opts.live === "object" ? opts.live.intervalMs : 5_000);

  return {
    baseUrl: `${origin}/v1`, origin, apiKey, controlToken, port: addr.port,
    truth: () => computeTruth(model, rt.nowSec()),
    periodTruth: (from, to) => computePeriodTruth(model, from, to),
    recoveryTruth: (o) => computeRecoveryTruth(model, rt.nowSec(), o),
    paymentsTruth: (from, to) => computePaymentsTruth(model, from, to),
    setDegradation,
    setFaults: (f) => faults.set(f),
    setDialect: (dl: Dialect) => { rt.dialect = dl; },
    setPaymentMethodAs: (shape: PaymentMethodShape) => { rt.paymentMethodAs = shape; },
    setMissingEndpoints: (list) => { missing = new Set(list); },
    requestCount: () => requests,
    close: async () => {
      rt.live?.stop();
      rt.pulses?.stop();
      for (const s of hanging) s.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}
