// Simulator throughput: store generation time (100k, 1M sales) and list pages per second
// (per_page=100, rate limit off) on 3k and 100k stores. Run: npx tsx bench/simulator-throughput.ts
// The list benchmark runs the simulator as its own process (as in demo mode) so the client's JSON
// parsing does not share its event loop.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { startSimulator, type RunningSimulator } from "../simulator/index";

interface Target {
  baseUrl: string;
  apiKey: string;
}

async function spawnSimulator(sales: number): Promise<{ target: Target; child: ChildProcess; ms: number }> {
  const root = path.resolve(import.meta.dirname, "..");
  const t0 = performance.now();
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["simulator/cli.ts", "--port", "0", "--rate-limit", "0", "--sales", String(sales), "--now", NOW.toISOString()], {
    cwd: root, env: { ...process.env, SIMULATOR_API_KEY: "sk_bench" }, stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  const baseUrl = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on("exit", (code) => reject(new Error(`simulator exited ${code}`)));
  });
  return { target: { baseUrl, apiKey: "sk_bench" }, child, ms: performance.now() - t0 };
}

const NOW = new Date("2026-06-15T00:00:00Z");
const WALK_SECONDS = Number(process.env.BENCH_SECONDS ?? 4);

async function timeStart(sales: number): Promise<{ sim: RunningSimulator; ms: number; rssMb: number }> {
  global.gc?.();
  const t0 = performance.now();
  const sim = await startSimulator({ sales, now: NOW, rateLimit: 0 });
  const ms = performance.now() - t0;
  return { sim, ms, rssMb: process.memoryUsage().rss / 1e6 };
}

/** Walks /sales?per_page=100 from the newest page down (restarting at the end) for `seconds`. */
async function walkPages(sim: Target, seconds: number, concurrency: number, query = ""): Promise<number> {
  const headers = { Authorization: `Bearer ${sim.apiKey}` };
  const deadline = performance.now() + seconds * 1000;
  let pages = 0;
  async function worker(): Promise<void> {
    let cursor: string | null = null;
    while (performance.now() < deadline) {
      const url = `${sim.baseUrl}/sales?per_page=100${query}${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await fetch(url, { headers });
      if (res.status !== 200) throw new Error(`status ${res.status}`);
      const body = (await res.json()) as { data: { data: unknown[]; pagination: { next_cursor: string | null } } };
      if (body.data.data.length === 0) throw new Error("empty page");
      cursor = body.data.pagination.next_cursor;
      pages++;
    }
  }
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, () => worker()));
  return pages / ((performance.now() - t0) / 1000);
}

async function main(): Promise<void> {
  const rows: string[] = [];
  for (const sales of [3_000, 100_000]) {
    const { target, child, ms } = await spawnSimulator(sales);
    await walkPages(target, 0.5, 1); // warm-up (JIT, keep-alive connection)
    const seq = await walkPages(target, WALK_SECONDS, 1);
    const par = await walkPages(target, WALK_SECONDS, 8);
    const filtered = await walkPages(target, WALK_SECONDS, 1, "&status=failed");
    rows.push(`| ${sales.toLocaleString("en")} sales | ${ms.toFixed(0)} ms | ${seq.toFixed(0)} | ${par.toFixed(0)} | ${filtered.toFixed(0)} |`);
    child.kill("SIGTERM");
  }
  const gen: string[] = [];
  for (const sales of [100_000, 1_000_000]) {
    const { sim, ms, rssMb } = await timeStart(sales);
    const t0 = performance.now();
    sim.truth();
    const truthMs = performance.now() - t0;
    gen.push(`| ${sales.toLocaleString("en")} | ${ms.toFixed(0)} ms | ${truthMs.toFixed(0)} ms | ${rssMb.toFixed(0)} MB |`);
    await sim.close();
  }
  console.log("List pages per second (per_page=100, rate limit off, simulator in its own process, HTTP on loopback)\n");
  console.log("| store | process start (tsx + build) | pages/s, 1 client | pages/s, 8 concurrent | pages/s, status=failed |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const r of rows) console.log(r);
  console.log("\nGeneration (startSimulator until listening) and a full ground-truth pass\n");
  console.log("| sales | start | truth() | process RSS after start |");
  console.log("| --- | --- | --- | --- |");
  for (const r of gen) console.log(r);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
