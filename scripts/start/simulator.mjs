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

/** Starts the simulator; returns null when simulator/cli.ts is missing (tolerated only by the caller's choice). */
export async function startSimulatorProcess({ root, appPort, pulseSecret, apiKey, controlToken, env = process.env }) {
  const cli = path.join(root, "simulator", "cli.ts");
  if (!existsSync(cli)) return null;
  const port = await freePort();
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  const tuning = simulatorTuning(env);
  const args = [
    cli, "--port", String(port), "--seed", "42", "--rate-limit", tuning.rateLimit, "--live", ...tuning.args,
    "--pulse-url", `http://127.0.0.1:${appPort}/api/pulses`, "--pulse-secret", pulseSecret,
    ...(controlToken ? ["--control-token", controlToken] : []),
  ];
  // The simulator takes its key from the environment, not the command line (which `ps` would show).
  const child = spawn(tsx, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, SIMULATOR_API_KEY: apiKey } });
  const baseUrl = `http://127.0.0.1:${port}/v1`;
  try {
    await waitUntilUp(`${baseUrl}/store`, child, 60_000);
  } catch (error) {
    child.kill("SIGTERM");
    throw error;
  }
  return { child, baseUrl, apiKey, origin: `http://127.0.0.1:${port}`, controlToken };
}
