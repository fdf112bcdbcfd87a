// Pulse → visible: how long from a signed sale Pulse reaching POST /api/pulses' handler until the sale is
// in what the Overview's "Recent sales" (and the sales list) read from the mirror. Runs the route's own
// code minus Next.js (receivePulse → the process queue → the mirror sink → listRecentSales) on a SQLite
// file pre-filled with sales, one Pulse at a time, polling the read every 2 ms.
// Run: npx tsx --conditions=react-server bench/pulse-visibility.ts [pulses=200] [prefill=100000]
import { createHmac } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../lib/db";
import { upsertSales } from "../lib/mirror";
import { listRecentSales } from "../lib/overview/recent-sales";
import { createPulseQueue, receivePulse } from "../lib/pulses";
import { createMirrorSink } from "../lib/pulses/mirror-sink";
import { salePulsePayload } from "../tests/factories/chariow-payloads";
import { saleSummary } from "../tests/factories/sales";

const PULSES = Number(process.argv[2] ?? 200);
const PREFILL = Number(process.argv[3] ?? 100_000);
const SECRET = "whsec_bench";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? "?"}), load ${os.loadavg()[0].toFixed(2)}, ${new Date().toISOString()}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulse-bench-"));
  const opened = await openDatabase(`file:${path.join(dir, "mirror.db")}`);
  const db = opened.db;
  try {
    const start = Date.UTC(2025, 0, 1);
    for (let i = 0; i < PREFILL; i += 100) {
      const page = [];
      for (let j = i; j < Math.min(i + 100, PREFILL); j++) {
        page.push(saleSummary({ id: `sal_prefill_${j}`, status: "completed", createdAt: new Date(start + j * 60_000).toISOString(), completedAt: new Date(start + j * 60_000).toISOString() }));
      }
      await upsertSales(db, page, { source: "list", receivedAt: new Date().toISOString(), timeZone: "Africa/Abidjan" });
    }
    const queue = createPulseQueue({ db: async () => db, sink: async () => createMirrorSink(db, { timeZone: async () => "Africa/Abidjan" }) });
    const answer: number[] = [];
    const visible: number[] = [];
    for (let n = 0; n < PULSES; n++) {
      const payload = salePulsePayload("successful.sale", { settled: true });
      const createdAt = new Date(Date.now() + n * 1000).toISOString(); // newer than every prefilled sale
      const id = `sal_bench_${n}`;
      Object.assign(payload.sale, { id, created_at: createdAt, completed_at: createdAt });
      const body = JSON.stringify(payload);
      const signature = `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;
      const request = new Request("http://dash.local/api/pulses", {
        method: "POST",
        headers: { "content-type": "application/json", "x-chariow-signature": signature, "x-pulse-id": "pulse_bench", "x-pulse-delivery-id": `pdlv_bench_${n}`, "x-pulse-event": "successful.sale" },
        body,
      });
      const t0 = performance.now();
      const response = await receivePulse(request, { db, secrets: { "*": SECRET }, onAccepted: (rowId) => queue.enqueue(rowId) });
      answer.push(performance.now() - t0);
      if (response.status !== 200) throw new Error(`Pulse refused: ${response.status}`);
      for (;;) {
        const recent = await listRecentSales(db, { limit: 10 });
        if (recent.some((s) => s.id === id)) break;
        if (performance.now() - t0 > 10_000) throw new Error(`sale ${id} not visible after 10 s`);
        await new Promise((r) => setTimeout(r, 2));
      }
      visible.push(performance.now() - t0);
    }
    answer.sort((a, b) => a - b);
    visible.sort((a, b) => a - b);
    const f = (x: number) => x.toFixed(1);
    console.log(`${PULSES} Pulses over ${PREFILL.toLocaleString("en-US")} prefilled sales (SQLite):`);
    console.log(`  handler answered: p50 ${f(percentile(answer, 50))} ms, p95 ${f(percentile(answer, 95))} ms, max ${f(answer[answer.length - 1])} ms`);
    console.log(`  visible to the read: p50 ${f(percentile(visible, 50))} ms, p95 ${f(percentile(visible, 95))} ms, max ${f(visible[visible.length - 1])} ms`);
  } finally {
    await opened.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
