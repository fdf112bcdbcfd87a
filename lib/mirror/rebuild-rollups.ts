// Recomputes every sale's local days, the rollups (daily and monthly) and the monthly customer split from
// scratch, e.g. after the store timezone changed (issue 4 "Time zones"). One transaction: charts see the old
// buckets or the new, never a mix.
import "server-only";
import type { Kysely } from "kysely";
import type { Database, SaleRow } from "@/lib/db";
import { withWriteTransaction } from "@/lib/db/engine-sql";
import { CustomerSplitDelta, applyCustomerSplitDelta } from "./customer-split-monthly";
import { RollupDelta, applyRollupDelta } from "./rollups";
import { localDayOrNull } from "@/lib/time";

const PAGE = 2000;

export async function rebuildRollups(db: Kysely<Database>, timeZone: string): Promise<void> {
  await withWriteTransaction(db, async (trx) => {
    const delta = new RollupDelta();
    const split = new CustomerSplitDelta(timeZone);
    let after = "";
    for (;;) {
      const page = await trx.selectFrom("sales").selectAll().where("id", ">", after).orderBy("id").limit(PAGE).execute();
      if (page.length === 0) break;
      after = page[page.length - 1].id;
      const moved: SaleRow[] = [];
      for (const row of page) {
        const localDay = localDayOrNull(row.created_at, timeZone);
        const paidLocalDay = localDayOrNull(row.completed_at, timeZone);
        const next = localDay === row.local_day && paidLocalDay === row.paid_local_day ? row : { ...row, local_day: localDay, paid_local_day: paidLocalDay };
        if (next !== row) moved.push(next);
        delta.add(next, 1);
        split.add(next, 1);
      }
      for (const row of moved) {
        await trx.updateTable("sales").set({ local_day: row.local_day, paid_local_day: row.paid_local_day }).where("id", "=", row.id).execute();
      }
    }
    await trx.deleteFrom("sales_rollup_daily").execute();
    await trx.deleteFrom("sales_rollup_monthly").execute();
    await applyRollupDelta(trx, delta);
    // The new-vs-returning months and fact days are local too.
    await trx.deleteFrom("sales_customer_split_monthly").execute();
    await applyCustomerSplitDelta(trx, split);
  });
}
