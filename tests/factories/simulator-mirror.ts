// The simulator's store copied into a test's mirror the way the sync does it (list pages, then every
// sale's detail), through a client with no rate limit: for tests that check the app's figures against
// the simulator's own ground truth.
import type { Kysely } from "kysely";
import { createChariowClient, createMemoryBudgetStore, createScheduler, createVirtualClock, paginatePages, type ChariowClient } from "@/lib/chariow";
import type { Database } from "@/lib/db";
import { upsertSales } from "@/lib/mirror";
import type { RunningSimulator } from "@/simulator/index";

export function unlimitedClient(sim: RunningSimulator): ChariowClient {
  const clock = createVirtualClock();
  const scheduler = createScheduler({ clock, store: createMemoryBudgetStore({ assumedLimit: 100_000 }) });
  return createChariowClient({ baseUrl: sim.baseUrl, apiKey: sim.apiKey, scheduler, clock });
}

export async function mirrorSimulator(db: Kysely<Database>, client: ChariowClient, { now, timeZone }: { now: Date; timeZone: string }): Promise<void> {
  const ids: string[] = [];
  for await (const page of paginatePages(client.listSales, { per_page: 100 }, { priority: "background" })) {
    await upsertSales(db, page.items, { source: "list", receivedAt: now.toISOString(), timeZone });
    ids.push(...page.items.map((s) => s.id));
  }
  for (let i = 0; i < ids.length; i += 100) {
    const details = await Promise.all(ids.slice(i, i + 100).map((id) => client.getSale(id, { priority: "background" })));
    await upsertSales(db, details, { source: "detail", receivedAt: now.toISOString(), timeZone });
  }
}
