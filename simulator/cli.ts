// Command line for the simulator: `npm run simulator -- --port 4010 --seed 42 --dialect current`.
// Prints the base URL, and the API key and control token only when they are no secret to the caller
// (the public demo key, a token it drew itself); serves until SIGINT/SIGTERM. Secrets come from the
// environment (a command line is visible to every user in `ps`); the flags remain for hand use.
import { parseArgs } from "node:util";
import { parseDegradeFlag } from "./degradation";
import { parseFaults } from "./faults";
import { DEFAULT_SALES, DEMO_API_KEY, startSimulator } from "./server";
import { OPTIONAL_ENDPOINTS, type OptionalEndpoint, type SimulatorOptions } from "./types";

const HELP = `Chariow API simulator

Usage: npm run simulator -- [options]

  --port <n>            port to listen on (default 4010; 0 = any free port)
  --host <addr>         interface (default 127.0.0.1)
  --seed <n>            data seed (default 42); same seed + same --now = same responses
  --dialect <d>         current | legacy (default current)
  --fees-deducted <f>   service | both: fees Chariow takes out of settlement.amount (default service, seed 001)
  --payment-method <s>  object | string: payment.method in sale details as {id, name} or the bare id (default object)
  --rate-limit <n>      requests per 60 s window per key (default 10; 0 = unlimited)
  --sales <n>           number of sales in the history (default ${DEFAULT_SALES}; 100000 and 1000000 work)
  --now <ISO>           end of the generated history (default: today 00:00 UTC)
  --live                generate new activity over time (checkouts, payments, payouts, invitations)
  --live-interval <ms>  live tick interval (default 5000)
  --pulse-url <url>     where to POST Pulses (webhooks)
  --pulse-secret <s>    signing secret for Pulses (whsec_…); prefer env SIMULATOR_PULSE_SECRET
  --pulse-id <id>       Pulse id sent in x-pulse-id (default pulse_demo)
  --pulse-retry <list>  comma-separated retry delays in ms (default Chariow's 10s,100s,17min,2h47)
  --missing-endpoints <list>  endpoints this store does not have (404), any of licenses,products,customers,store
  --faults <spec>       e.g. "5xx=0.1,html=0.05,slow=200,timeout=0.02,drop=0.02,storm=5,drift"
  --degrade <spec>      a payment method down from the start, e.g. wave:SN (method[:country|*[:share[:minutes]]]);
                        live checkouts through it fail (default 90 %); also env SIMULATOR_DEGRADE
  --control-token <t>   token for /__sim/*; prefer env SIMULATOR_CONTROL_TOKEN (default: random, printed)
  --help                this text

API key: env SIMULATOR_API_KEY, else the demo key ${DEMO_API_KEY}. Secrets given by the environment
are never printed. See docs/simulator.md.
`;

function num(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`--${name} must be a number`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" }, host: { type: "string" }, seed: { type: "string" }, dialect: { type: "string" }, "fees-deducted": { type: "string" }, "payment-method": { type: "string" },
      "rate-limit": { type: "string" }, sales: { type: "string" }, now: { type: "string" }, live: { type: "boolean" },
      "live-interval": { type: "string" }, "pulse-url": { type: "string" }, "pulse-secret": { type: "string" },
      "pulse-id": { type: "string" }, "pulse-retry": { type: "string" }, faults: { type: "string" }, "missing-endpoints": { type: "string" },
      degrade: { type: "string" }, "control-token": { type: "string" }, help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const dialect = values.dialect ?? "current";
  if (dialect !== "current" && dialect !== "legacy") throw new Error("--dialect must be current or legacy");
  const feesDeducted = values["fees-deducted"] ?? "service";
  if (feesDeducted !== "service" && feesDeducted !== "both") throw new Error("--fees-deducted must be service or both");
  const paymentMethodAs = values["payment-method"] ?? "object";
  if (paymentMethodAs !== "object" && paymentMethodAs !== "string") throw new Error("--payment-method must be object or string");
  const now = values.now ? new Date(values.now) : undefined;
  if (now && Number.isNaN(now.getTime())) throw new Error("--now must be an ISO date");
  const pulseSecret = values["pulse-secret"] ?? (values["pulse-url"] !== undefined ? process.env.SIMULATOR_PULSE_SECRET || undefined : undefined);
  if ((values["pulse-url"] === undefined) !== (pulseSecret === undefined)) throw new Error("--pulse-url needs a secret (SIMULATOR_PULSE_SECRET or --pulse-secret), and a secret needs --pulse-url");
  const givenControlToken = values["control-token"] ?? (process.env.SIMULATOR_CONTROL_TOKEN || undefined);
  const missing = (values["missing-endpoints"] ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = missing.filter((e) => !(OPTIONAL_ENDPOINTS as readonly string[]).includes(e));
  if (unknown.length > 0) throw new Error(`--missing-endpoints takes ${OPTIONAL_ENDPOINTS.join(", ")} (not ${unknown.join(", ")})`);
  // By environment too, so the demo's `npm start` (which passes its environment on) can start degraded.
  const degrade = values.degrade ?? (process.env.SIMULATOR_DEGRADE || undefined);
  const opts: SimulatorOptions = {
    port: num(values.port, "port") ?? 4010, host: values.host, seed: num(values.seed, "seed"), dialect, feesDeducted, paymentMethodAs,
    rateLimit: num(values["rate-limit"], "rate-limit"), sales: num(values.sales, "sales"), now,
    controlToken: givenControlToken,
    live: values.live ? { intervalMs: num(values["live-interval"], "live-interval") ?? 5000 } : false,
    faults: values.faults ? parseFaults(values.faults) : undefined,
    missingEndpoints: missing as OptionalEndpoint[],
    degradation: degrade ? parseDegradeFlag(degrade) : undefined,
    pulse: values["pulse-url"] && pulseSecret
      ? { url: values["pulse-url"], secret: pulseSecret, pulseId: values["pulse-id"], retryDelaysMs: values["pulse-retry"]?.split(",").map(Number) }
      : undefined,
  };
  const t0 = performance.now();
  const sim = await startSimulator(opts);
  const ms = Math.round(performance.now() - t0);
  const t = sim.truth();
  console.log(`Chariow simulator listening on ${sim.baseUrl}`);
  // The caller knows a key or token it gave; printing it would only copy it into logs.
  console.log(`  API key:        ${sim.apiKey === DEMO_API_KEY ? sim.apiKey : "from SIMULATOR_API_KEY (not printed)"}`);
  console.log(`  control token:  ${givenControlToken === undefined ? sim.controlToken : "given by the caller (not printed)"}   (header x-sim-token on ${sim.origin}/__sim/*)`);
  console.log(`  dialect ${dialect}, rate limit ${opts.rateLimit === 0 ? "off" : `${opts.rateLimit ?? 10}/min`}, ${t.totalSales} sales, ${t.customers} customers, history to ${t.historyEnd} (built in ${ms} ms)`);
  if (opts.live) console.log(`  live mode: a tick every ${(opts.live as { intervalMs: number }).intervalMs} ms`);
  if (opts.pulse) console.log(`  Pulses → ${opts.pulse.url}`);
  if (opts.degradation) console.log(`  degraded: ${opts.degradation.method}${opts.degradation.country ? ` in ${opts.degradation.country}` : ""} (live checkouts through it fail; DELETE /__sim/degradation to end it)`);
  if (missing.length > 0) console.log(`  without: ${missing.map((e) => `/${e}`).join(", ")} (404)`);
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
