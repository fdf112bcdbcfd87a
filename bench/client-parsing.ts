// Benchmark: how many sales per second the Chariow client turns from response text into domain
// `Sale` values (JSON.parse + zod), for list summaries and details in both dialects.
// Run: npx tsx --conditions=react-server bench/client-parsing.ts [salesPerCase]
// (lib/chariow imports "server-only", which only resolves to an empty module under react-server.)
import os from "node:os";
import { itemEnvelope, listEnvelope, saleDetailPayload, saleSummaryPayload, type Dialect } from "../tests/factories/chariow-payloads";

const N = Number(process.argv[2] ?? 20_000);
const PAGE = 100;
const ROUNDS = 5;

async function loadParsers() {
  try {
    const { parseWith } = await import("../lib/chariow/parse");
    const { itemSchema, listSchema } = await import("../lib/chariow/schemas/common");
    const { saleDetailSchema, saleSummarySchema } = await import("../lib/chariow/schemas/sale");
    return { parseWith, list: listSchema(saleSummarySchema), item: itemSchema(saleDetailSchema) };
  } catch (error) {
    console.error("Could not load lib/chariow. Run with: npx tsx --conditions=react-server bench/client-parsing.ts");
    throw error;
  }
}

const statuses = ["completed", "settled", "failed", "abandoned", "awaiting_payment"] as const;
const currencies = ["XOF", "XAF", "EUR", "USD"] as const;

function facts(i: number) {
  const currency = currencies[i % currencies.length];
  const zeroDecimal = currency === "XOF" || currency === "XAF";
  const original = zeroDecimal ? 1000 + (i % 97) * 500 : 999 + (i % 89) * 150;
  return {
    id: `sal_${i.toString(36)}`,
    status: statuses[i % statuses.length],
    currency,
    originalMinor: original,
    discountMinor: i % 5 === 0 ? Math.floor(original / 5) : 0,
    discountCode: i % 5 === 0 ? "SAVE20" : null,
    createdAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    gatewayFeeMinor: Math.round(original * 0.03),
    serviceFeeMinor: Math.round(original * 0.05),
    channel: (["store", "affiliate", "discover", "widget", "api"] as const)[i % 5],
  };
}

/** Response bodies as text, the way the transport hands them over. */
function buildBodies(kind: "summary" | "detail", dialect: Dialect): string[] {
  if (kind === "detail") return Array.from({ length: N }, (_, i) => JSON.stringify(itemEnvelope(saleDetailPayload(facts(i), dialect))));
  const bodies: string[] = [];
  for (let start = 0; start < N; start += PAGE) {
    const items = Array.from({ length: Math.min(PAGE, N - start) }, (_, j) => saleSummaryPayload(facts(start + j), dialect));
    bodies.push(JSON.stringify(listEnvelope(items, dialect, { nextCursor: "eyJpZCI6NTB9", laravelExtras: dialect === "legacy" })));
  }
  return bodies;
}

async function main() {
  const { parseWith, list, item } = await loadParsers();
  const cpu = os.cpus()[0]?.model ?? "unknown";
  console.log(`node ${process.version} · ${os.cpus().length} CPUs · ${cpu} · ${new Date().toISOString()}`);
  console.log(`${N} sales per case, best of ${ROUNDS} rounds (text → JSON.parse → zod → Sale)\n`);
  console.log("case                 sales/s     µs/sale");
  for (const kind of ["summary", "detail"] as const) {
    for (const dialect of ["current", "legacy"] as const) {
      const bodies = buildBodies(kind, dialect);
      let best = Infinity;
      let parsed = 0;
      for (let round = 0; round < ROUNDS; round++) {
        parsed = 0;
        const t0 = process.hrtime.bigint();
        for (const body of bodies) {
          const json: unknown = JSON.parse(body);
          if (kind === "summary") parsed += parseWith("GET /sales", list, json).items.length;
          else parsed += parseWith("GET /sales/{id}", item, json) ? 1 : 0;
        }
        best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
      }
      if (parsed !== N) throw new Error(`parsed ${parsed} of ${N}`);
      const rate = N / best;
      console.log(`${`${kind} ${dialect}`.padEnd(20)} ${Math.round(rate).toString().padStart(8)}  ${((best / N) * 1e6).toFixed(1).padStart(9)}`);
    }
  }
}

void main();
