// Demo mode: run the Chariow simulator as a child process on a free port, with live activity and
// Pulses sent back to the app, and wait until it answers.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the simulator exited with code ${child.exitCode}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`the simulator did not answer on ${url} within ${timeoutMs / 1000}s`);
}

/**
 * Optional knobs for tests (the e2e server wants a smaller, faster store so the backfill finishes in
 * seconds): DEMO_SIMULATOR_SALES, DEMO_SIMULATOR_RATE_LIMIT, DEMO_SIMULATOR_LIVE_INTERVAL.
 */
export function simulatorTuning(env) {
  const args = [];
  const pick = (name, flag) => {
    const v = env[name];
    if (v !== undefined && v !== "" && /^\d+$/.test(v)) args.push(flag, v);
  };
  pick("DEMO_SIMULATOR_SALES", "--sales");
  pick("DEMO_SIMULATOR_LIVE_INTERVAL", "--live-interval");
  return { args, rateLimit: /^\d+$/.test(env.DEMO_SIMULATOR_RATE_LIMIT ?? "") ? env.DEMO_SIMULATOR_RATE_LIMIT : "100" };
}

/**
 * The simulator's command line and environment. Its three secrets — API key, Pulse signing secret,
 * control token — go in the child's environment only: a command line is readable by every user of the
 * machine (`ps`, /proc/<pid>/cmdline), a process's environment only by its owner. The simulator does
 * not print a secret it was given.
 */
export function simulatorCommand({ root, port, appPort, pulseSecret, apiKey, controlToken, env = process.env }) {
  const tuning = simulatorTuning(env);
  return {
    command: path.join(root, "node_modules", ".bin", "tsx"),
    args: [
      path.join(root, "simulator", "cli.ts"), "--port", String(port), "--seed", "42", "--rate-limit", tuning.rateLimit, "--live", ...tuning.args,
      "--pulse-url", `http://127.0.0.1:${appPort}/api/pulses`,
    ],
    env: {
      ...process.env,
      SIMULATOR_API_KEY: apiKey,
      SIMULATOR_PULSE_SECRET: pulseSecret,
      ...(controlToken ? { SIMULATOR_CONTROL_TOKEN: controlToken } : {}),
    },
  };
}

/**
 * Starts the simulator; returns null when simulator/cli.ts is missing (tolerated only by the caller's
 * choice). `stdio` is for tests that read what it prints.
 */
export async function startSimulatorProcess({ root, appPort, pulseSecret, apiKey, controlToken, env = process.env, stdio = ["ignore", "inherit", "inherit"] }) {
  if (!existsSync(path.join(root, "simulator", "cli.ts"))) return null;
  const port = await freePort();
  const command = simulatorCommand({ root, port, appPort, pulseSecret, apiKey, controlToken, env });
  const child = spawn(command.command, command.args, { cwd: root, stdio, env: command.env });
  const baseUrl = `http://127.0.0.1:${port}/v1`;
  try {
    await waitUntilUp(`${baseUrl}/store`, child, 60_000);
  } catch (error) {
    child.kill("SIGTERM");
    throw error;
  }
  return { child, baseUrl, apiKey, origin: `http://127.0.0.1:${port}`, controlToken };
}
