// Writes one list page of sales into the mirror (what the backfill does), for the export tests.
import type { Kysely } from "kysely";
import type { Sale } from "@/lib/chariow";
import type { Database } from "@/lib/db";
import { upsertSales } from "@/lib/mirror";

export async function upsertMirrorPage(db: Kysely<Database>, sales: Sale[], now: Date, timeZone: string): Promise<void> {
  await upsertSales(db, sales, { source: "list", receivedAt: now.toISOString(), timeZone });
}
