// Migration 0022: the statement chooser's currencies (lib/settlements/statement.ts) at a million sales
// (issue 17, bench/lists.ts). They are the payout currencies with a payout in the last 13 months: counting
// those months' payouts read ~600,000 index entries (0.4–0.7 s). Led by the payout currency, this index
// gives each distinct currency by one seek (a loose scan, a handful of currencies) and whether it has a
// payout since a day by one more. Partial like sales_payout_due_idx (0019): a payout is known only from
// details and Pulses, so list inserts never write here. Several stores later: store_id first.
import "server-only";
import { sql, type Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  // The payout currency (list-settlements.ts), '' when unknown. Deliberately not the timeline's own
  // GROUP BY expression `coalesce(settlement_currency, currency)`: SQLite would walk this index in that
  // order to skip a sort and read every sale's row for the sums, instead of sales_payout_due_idx's
  // covering range (both engines match an expression index by its text). The status rides along so the
  // paid test never reads the table.
  await sql`create index sales_payout_currency_idx on sales ((coalesce(settlement_currency, currency, '')), settlement_due_at, status) where settlement_due_at is not null`.execute(db);
}
