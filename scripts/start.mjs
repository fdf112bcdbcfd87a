#!/usr/bin/env node
// `npm start` / `npm run dev`: builds if needed, makes sure AUTH_SECRET exists, and without a Chariow key
// starts the simulator (demo mode) before serving the dashboard on http://localhost:$PORT (3000).
// Secrets go to the Next.js server process through its environment only — never into the build.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { buildNeeded } from "./start/build-check.mjs";
import { persistentAuthSecret, randomToken, writeControlFile } from "./start/secrets.mjs";
import { startSimulatorProcess } from "./start/simulator.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const mode = process.argv[2] === "dev" ? "dev" : "start";
if (existsSync(path.join(root, ".env")) && typeof process.loadEnvFile === "function") process.loadEnvFile(path.join(root, ".env"));

const port = Number(process.env.PORT ?? 3000);
const dataDir = path.resolve(root, process.env.DATA_DIR ?? "data");
const nextBin = path.join(root, "node_modules", ".bin", "next");
const env = { ...process.env, PORT: String(port) };
env.AUTH_SECRET ||= persistentAuthSecret(dataDir);
env.NODE_ENV = mode === "dev" ? "development" : "production";

if (mode === "start") {
  const reason = buildNeeded(root);
  if (reason) {
    console.log(`[start] building the dashboard (${reason})…`);
    // The build never sees the secrets: nothing from the environment can end up in a client bundle.
    const SECRET_NAMES = ["AUTH_SECRET", "CHARIOW_API_KEY", "CHARIOW_DEMO_API_KEY", "CHARIOW_PULSE_SECRET"];
    const buildEnv = Object.fromEntries(Object.entries(env).filter(([name]) => !SECRET_NAMES.includes(name)));
    const built = spawnSync(nextBin, ["build"], { cwd: root, stdio: "inherit", env: buildEnv });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
}

const children = [];
function stopAll(signal = "SIGTERM") {
  for (const child of children) if (child.exitCode === null) child.kill(signal);
}
process.on("SIGINT", () => stopAll("SIGINT"));
process.on("SIGTERM", () => stopAll("SIGTERM"));
process.on("exit", () => stopAll());

if (!env.CHARIOW_API_KEY) {
  const pulseSecret = env.CHARIOW_PULSE_SECRET || randomToken("whsec_demo_");
  // The simulator's key is per run unless the caller fixes it (the e2e suite does, to scan for it).
  const apiKey = env.CHARIOW_DEMO_API_KEY || randomToken("sk_test_demo_");
  // The control API (/__sim/*: create a sale, send a test Pulse) is for tests and demos. Its token and
  // the simulator's key are printed nowhere: they go to the simulator through its environment and to
  // an owner-only file (DEMO_CONTROL_FILE, else <DATA_DIR>/demo-simulator.json) that the banner names.
  const controlToken = randomToken("sim_ctl_");
  const controlFile = path.resolve(root, env.DEMO_CONTROL_FILE || path.join(dataDir, "demo-simulator.json"));
  const simulator = await startSimulatorProcess({ root, appPort: port, pulseSecret, apiKey, controlToken, env }).catch((error) => {
    console.error(`[start] could not start the Chariow simulator: ${error.message}`);
    process.exit(1);
  });
  if (simulator) {
    children.push(simulator.child);
    simulator.child.on("exit", (code) => {
      if (code !== 0 && code !== null) console.error(`[start] the simulator stopped (code ${code})`);
    });
    Object.assign(env, {
      DEMO_MODE: "true",
      CHARIOW_API_BASE_URL: simulator.baseUrl,
      CHARIOW_DEMO_API_KEY: simulator.apiKey,
      CHARIOW_PULSE_SECRET: pulseSecret,
    });
    writeControlFile(controlFile, { origin: simulator.origin, controlToken, baseUrl: simulator.baseUrl, apiKey: simulator.apiKey });
    console.log(`[start] demo mode: Chariow simulator on ${simulator.baseUrl} (its API key and control token: ${path.relative(process.cwd(), controlFile) || controlFile}, owner-only)`);
  } else if (mode === "dev") {
    console.warn("[start] simulator/cli.ts not found: demo mode without a simulator (upstream unreachable)");
    env.DEMO_MODE = "true";
  } else {
    console.error("[start] demo mode needs the simulator (simulator/cli.ts), which is missing");
    process.exit(1);
  }
}

// Production serves through scripts/start/server.mjs (Next.js's handler, plus the socket address appended
// to X-Forwarded-For so a caller cannot choose the IP the throttle and the audit log see); `dev` keeps
// `next dev` for its hot reload.
const next =
  mode === "start"
    ? spawn(process.execPath, [path.join(root, "scripts", "start", "server.mjs")], { cwd: root, stdio: "inherit", env })
    : spawn(nextBin, [mode, "--port", String(port)], { cwd: root, stdio: "inherit", env });
children.push(next);
next.on("exit", (code, signal) => {
  stopAll();
  process.exit(code ?? (signal ? 0 : 1));
});
