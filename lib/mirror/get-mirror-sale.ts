// Reads one sale as the mirror holds it (the sale detail page shows it while the live read is pending).
import "server-only";
import type { Kysely } from "kysely";
import type { Database, SaleRow } from "@/lib/db";

/** A mirrored sale: one row of `sales` (money in minor units of `currency`, unknown = null). */
export type MirrorSale = SaleRow;

export async function getMirrorSale(db: Kysely<Database>, id: string): Promise<MirrorSale | null> {
  return (await db.selectFrom("sales").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
}
