// `npm run worker` as a real process: it syncs a store from the simulator into a SQLite file until the
// history equals the ground truth, and on SIGTERM stops, releases the lease and exits 0.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { openDatabase } from "@/lib/db";
import { loadBackfillState, readLease } from "@/lib/sync";
import type { RunningSimulator } from "@/simulator/index";
import { expectedTotals, mirrorTotals, startTestSimulator } from "./harness";

let sim: RunningSimulator | undefined;
let dir: string | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

it("the worker process backfills the store, then stops on SIGTERM and releases the lease", async () => {
  ({ sim } = await startTestSimulator({ sales: 400 }));
  dir = mkdtempSync(path.join(tmpdir(), "chariow-worker-"));
  const url = `file:${path.join(dir, "worker.db")}`;
  // `npm run worker` is tsx with these flags; node --import tsx is the same loader in one process, so the
  // signal reaches the worker itself rather than a relaying parent.
  const worker = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: url, CHARIOW_API_KEY: sim.apiKey, CHARIOW_API_BASE_URL: sim.baseUrl, AUTH_SECRET: "w".repeat(40), NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  worker.stdout.on("data", (b: Buffer) => (output += b.toString()));
  worker.stderr.on("data", (b: Buffer) => (output += b.toString()));
  const exited = new Promise<number | null>((resolve) => worker.on("exit", (code) => resolve(code)));

  const opened = await openDatabase(url);
  try {
    let done = false;
    for (let i = 0; i < 600 && !done; i++) {
      await new Promise((r) => setTimeout(r, 100));
      done = (await loadBackfillState({ db: opened.db }).catch(() => null))?.phase === "done";
    }
    expect(done, output).toBe(true);
    expect((await readLease(opened.db))?.holder).toMatch(/^worker:/);
    worker.kill("SIGTERM");
    const code = await exited;
    expect(code, output).toBe(0);
    expect(output).toContain("releasing the lease");
    expect((await readLease(opened.db))?.holder ?? null).toBeNull();
    expect(await mirrorTotals(opened.db)).toEqual(expectedTotals(sim.truth()));
  } finally {
    if (worker.exitCode === null) worker.kill("SIGKILL");
    await opened.close();
  }
}, 90_000);
