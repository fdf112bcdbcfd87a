// Demo mode's simulator (scripts/start/simulator.mjs, as `npm start` runs it): its API key, Pulse
// signing secret and control token reach it through its environment — no process's command line (what
// `ps` shows every user) carries them, and nothing it prints does — and it really uses them: the key
// opens the API, the token the control API, and its Pulses verify with the secret. Then the real
// scripts/start.mjs, run in a copy of the repository whose production server is a stand-in that records what it got.
import { spawn, spawnSync } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error -- plain .mjs helper without type declarations
import { simulatorCommand, startSimulatorProcess } from "../../../scripts/start/simulator.mjs";
// @ts-expect-error -- plain .mjs helper without type declarations
import { writeControlFile } from "../../../scripts/start/secrets.mjs";

const root = path.resolve(import.meta.dirname, "../../..");
// Distinctive per run, so a match anywhere can only be a leak.
const secrets = {
  apiKey: `sk_test_demo_${randomBytes(12).toString("hex")}`,
  pulseSecret: `whsec_demo_${randomBytes(12).toString("hex")}`,
  controlToken: `sim_ctl_${randomBytes(12).toString("hex")}`,
};
const leaked = (text: string) => Object.entries(secrets).filter(([, value]) => text.includes(value)).map(([name]) => name);

describe("simulatorCommand", () => {
  it("puts the three secrets in the child's environment, none on its command line", () => {
    const c = simulatorCommand({ root, port: 4999, appPort: 3300, ...secrets, env: {} });
    expect(leaked([c.command, ...c.args].join(" "))).toEqual([]);
    expect(c.args).toContain("--pulse-url");
    expect(c.env).toMatchObject({ SIMULATOR_API_KEY: secrets.apiKey, SIMULATOR_PULSE_SECRET: secrets.pulseSecret, SIMULATOR_CONTROL_TOKEN: secrets.controlToken });
  });
});

describe("the demo simulator process", () => {
  let child: ChildProcess | undefined;
  let app: Server;
  let output = "";
  let sim: { baseUrl: string; origin: string };
  const pulses: Array<{ body: string; signature: string | undefined }> = [];
  const tmp = mkdtempSync(path.join(tmpdir(), "demo-sim-"));

  beforeAll(async () => {
    // Stands in for the app's /api/pulses.
    app = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        pulses.push({ body: Buffer.concat(chunks).toString("utf8"), signature: req.headers["x-chariow-signature"] as string | undefined });
        res.writeHead(200).end("{}");
      });
    });
    await new Promise<void>((r) => app.listen(0, "127.0.0.1", () => r()));
    const appPort = (app.address() as { port: number }).port;
    const started = await startSimulatorProcess({
      root, appPort, ...secrets,
      env: { DEMO_SIMULATOR_SALES: "200", DEMO_SIMULATOR_LIVE_INTERVAL: "600000", DEMO_SIMULATOR_RATE_LIMIT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = started.child;
    sim = started;
    child!.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    child!.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    const deadline = Date.now() + 30_000;
    while (!output.includes("Pulses →") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  }, 60_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
    await new Promise((r) => app.close(r));
    rmSync(tmp, { recursive: true, force: true });
  });

  it("shows no secret on any command line of the machine (ps, untruncated)", () => {
    const ps = spawnSync("ps", ["-e", "-ww", "-o", "args="], { encoding: "utf8" });
    expect(ps.status).toBe(0);
    expect(ps.stdout).toContain(path.join("simulator", "cli.ts")); // the simulator is in the list
    expect(leaked(ps.stdout)).toEqual([]);
  });

  it("prints its banner without any secret, saying where they came from", () => {
    expect(output).toContain("listening on");
    expect(output).toMatch(/API key: +from SIMULATOR_API_KEY \(not printed\)/);
    expect(output).toMatch(/control token: +given by the caller \(not printed\)/);
    expect(leaked(output)).toEqual([]);
  });

  it("uses what it was given: the key, the control token and the Pulse secret", async () => {
    expect((await fetch(`${sim.baseUrl}/store`, { headers: { Authorization: `Bearer ${secrets.apiKey}` } })).status).toBe(200);
    expect((await fetch(`${sim.baseUrl}/store`, { headers: { Authorization: "Bearer sk_test_chariow_demo_key" } })).status).toBe(401);
    const refused = await fetch(`${sim.origin}/__sim/pulses/test`, { method: "POST", headers: { "x-sim-token": "nope" } });
    expect(refused.status).toBe(401);
    const test = await fetch(`${sim.origin}/__sim/pulses/test`, { method: "POST", headers: { "x-sim-token": secrets.controlToken } });
    expect(test.status).toBeLessThan(300);
    const deadline = Date.now() + 15_000;
    while (pulses.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const [pulse] = pulses;
    expect(pulse.signature).toBe(`sha256=${createHmac("sha256", secrets.pulseSecret).update(pulse.body).digest("hex")}`);
  });

  it("the control file start-up writes instead is owner-only", () => {
    const file = path.join(tmp, "data", "demo-simulator.json");
    writeControlFile(file, { origin: sim.origin, controlToken: secrets.controlToken, baseUrl: sim.baseUrl, apiKey: secrets.apiKey });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({ controlToken: secrets.controlToken, apiKey: secrets.apiKey });
  });
});

/**
 * The production server (scripts/start/server.mjs: Next.js's handler behind a socket-address-stamping
 * Node server) replaced by one that records its arguments, the secrets in its environment and the
 * machine's `ps`, then exits.
 */
const FAKE_SERVER = `import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
setTimeout(() => {
  const e = process.env;
  const seen = { argv: process.argv.slice(2), apiKey: e.CHARIOW_DEMO_API_KEY, pulseSecret: e.CHARIOW_PULSE_SECRET, demo: e.DEMO_MODE };
  seen.ps = execFileSync("ps", ["-e", "-ww", "-o", "args="], { encoding: "utf8" });
  writeFileSync(e.FAKE_NEXT_OUT, JSON.stringify(seen));
}, 300);
`;

describe("npm start in demo mode (scripts/start.mjs with a stand-in server)", () => {
  it("prints no secret, puts none on a command line, and hands them to the server by environment and to an owner-only file", async () => {
    const fake = mkdtempSync(path.join(tmpdir(), "demo-start-"));
    try {
      cpSync(path.join(root, "scripts"), path.join(fake, "scripts"), { recursive: true });
      symlinkSync(path.join(root, "simulator"), path.join(fake, "simulator"));
      writeFileSync(path.join(fake, "scripts", "start", "server.mjs"), FAKE_SERVER);
      mkdirSync(path.join(fake, "node_modules", ".bin"), { recursive: true });
      symlinkSync(path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), path.join(fake, "node_modules", ".bin", "tsx"));
      mkdirSync(path.join(fake, ".next"));
      writeFileSync(path.join(fake, ".next", "BUILD_ID"), "fake"); // newer than every (absent) source: no build
      const out = path.join(fake, "next-saw.json");
      const env: NodeJS.ProcessEnv = { ...process.env, PORT: "3399", DATA_DIR: path.join(fake, "data"), FAKE_NEXT_OUT: out, DEMO_SIMULATOR_SALES: "200", DEMO_SIMULATOR_LIVE_INTERVAL: "600000" };
      for (const name of ["CHARIOW_API_KEY", "CHARIOW_DEMO_API_KEY", "CHARIOW_PULSE_SECRET", "DEMO_CONTROL_FILE", "AUTH_SECRET"]) delete env[name];
      const start = spawn(process.execPath, [path.join(fake, "scripts", "start.mjs")], { cwd: fake, env, stdio: ["ignore", "pipe", "pipe"] });
      let printed = "";
      start.stdout.on("data", (d: Buffer) => (printed += d.toString()));
      start.stderr.on("data", (d: Buffer) => (printed += d.toString()));
      const code = await new Promise<number | null>((resolve) => start.on("exit", resolve));
      expect(code, printed).toBe(0);

      const saw = JSON.parse(readFileSync(out, "utf8")) as { argv: string[]; apiKey: string; pulseSecret: string; demo: string; ps: string };
      // The server got the demo key and the Pulse secret through its environment…
      expect(saw).toMatchObject({ argv: [], demo: "true" });
      expect(saw.apiKey).toMatch(/^sk_test_demo_[0-9a-f]{48}$/);
      expect(saw.pulseSecret).toMatch(/^whsec_demo_[0-9a-f]{48}$/);
      // …and no command line on the machine, nor anything printed, carries them.
      expect(saw.ps).toContain(path.join(fake, "simulator", "cli.ts")); // the snapshot has the simulator in it
      const notIn = (text: string, secrets: string[]) => secrets.filter((secret) => text.includes(secret));
      expect(notIn(saw.ps, [saw.apiKey, saw.pulseSecret])).toEqual([]);
      expect(printed).toContain("listening on"); // the simulator's own banner went through the same output
      expect(notIn(printed, [saw.apiKey, saw.pulseSecret])).toEqual([]);

      // The control token and the key are in an owner-only file, which the banner names instead.
      const controlFile = path.join(fake, "data", "demo-simulator.json");
      expect(statSync(controlFile).mode & 0o777).toBe(0o600);
      const control = JSON.parse(readFileSync(controlFile, "utf8")) as { controlToken: string; apiKey: string; baseUrl: string };
      expect(control.apiKey).toBe(saw.apiKey);
      expect(control.controlToken).toMatch(/^sim_ctl_/);
      expect(notIn(saw.ps, [control.controlToken])).toEqual([]);
      expect(notIn(printed, [control.controlToken])).toEqual([]);
      expect(printed).toContain(`demo mode: Chariow simulator on ${control.baseUrl}`);
      expect(printed).toContain("data/demo-simulator.json");
    } finally {
      rmSync(fake, { recursive: true, force: true });
    }
  }, 60_000);
});
