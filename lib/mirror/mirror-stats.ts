// Counts for reconciliation (per status and month, compared with the API's) and for the freshness UI
// (how much of the paid sales enrichment has filled in: settlement, fees, channel — §5 detail-only).
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/db";

/** Sales per UTC month of created_at ("YYYY-MM") and status; sales with no created_at are not counted. */
export async function mirrorCountsByStatusAndMonth(db: Kysely<Database>): Promise<Array<{ month: string; status: string; count: number }>> {
  const month = sql<string>`substr(created_at, 1, 7)`;
  const rows = await db
    .selectFrom("sales")
    .select([month.as("month"), "status", (eb) => eb.fn.countAll<number>().as("count")])
    .where("created_at", "is not", null)
    .groupBy([month, "status"])
    .orderBy("month")
    .orderBy("status")
    .execute();
  return rows.map((r) => ({ month: r.month, status: r.status, count: Number(r.count) }));
}

export interface EnrichmentCoverage {
  /** completed + settled */
  paidSales: number;
  settlementKnown: number;
  feesKnown: number;
  channelKnown: number;
}

export async function enrichmentCoverage(db: Kysely<Database>): Promise<EnrichmentCoverage> {
  const known = (column: "settlement_net" | "gateway_fee" | "channel") => sql<number>`sum(case when ${sql.ref(column)} is not null then 1 else 0 end)`;
  const row = await db
    .selectFrom("sales")
    .select((eb) => [eb.fn.countAll<number>().as("paid"), known("settlement_net").as("settlement"), known("gateway_fee").as("fees"), known("channel").as("channel")])
    .where("status", "in", ["completed", "settled"])
    .executeTakeFirstOrThrow();
  return { paidSales: Number(row.paid), settlementKnown: Number(row.settlement ?? 0), feesKnown: Number(row.fees ?? 0), channelKnown: Number(row.channel ?? 0) };
}
