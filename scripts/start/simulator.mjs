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

/** Starts the simulator; returns null when simulator/cli.ts is missing (tolerated only by the caller's choice). */
export async function startSimulatorProcess({ root, appPort, pulseSecret, apiKey }) {
  const cli = path.join(root, "simulator", "cli.ts");
  if (!existsSync(cli)) return null;
  const port = await freePort();
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  const args = [
    cli, "--port", String(port), "--seed", "42", "--rate-limit", "100", "--live",
    "--pulse-url", `http://127.0.0.1:${appPort}/api/pulses`, "--pulse-secret", pulseSecret,
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
  return { child, baseUrl, apiKey };
}
