// Which rollup rows cover a range of local days (issue 17): whole months from `sales_rollup_monthly`, the
// partial months at the edges from `sales_rollup_daily`. A year-long range reads ~12 monthly rows per key
// instead of ~365 daily ones; every reader sums the parts' rows, and a month's row is the sum of its days'
// (lib/mirror/rollups.ts keeps both by the same delta), so the answer is the same as the days' alone.
import "server-only";
import { sql, type Kysely, type SelectQueryBuilder } from "kysely";
import type { Database } from "@/lib/db";
import { addDays, monthRange } from "@/lib/time";

/** A contiguous stretch of one table: days "YYYY-MM-DD" or months "YYYY-MM", bounds inclusive, null = open. */
export type RollupPart =
  | { table: "sales_rollup_daily"; column: "local_day"; from: string | null; to: string | null }
  | { table: "sales_rollup_monthly"; column: "local_month"; from: string | null; to: string | null };

const days = (from: string | null, to: string | null): RollupPart => ({ table: "sales_rollup_daily", column: "local_day", from, to });
const months = (from: string | null, to: string | null): RollupPart => ({ table: "sales_rollup_monthly", column: "local_month", from, to });

/**
 * The parts covering the local days from..to (inclusive; null = unbounded on that side), each day in exactly
 * one part: the head days up to the end of `from`'s month unless `from` is a 1st, the tail days from the
 * start of `to`'s month unless `to` is a month's last day, and the whole months between.
 */
export function rollupParts(from: string | null, to: string | null): RollupPart[] {
  if (from !== null && to !== null && from > to) return [];
  const parts: RollupPart[] = [];
  // First whole month: from's own month when it starts on its 1st, else the next one.
  let firstMonth: string | null = null;
  if (from !== null) {
    const own = monthRange(from);
    if (from === own.from) firstMonth = from.slice(0, 7);
    else {
      if (to !== null && to <= own.to) return [days(from, to)];
      parts.push(days(from, own.to));
      firstMonth = addDays(own.to, 1).slice(0, 7);
    }
  }
  let lastMonth: string | null = null;
  let tail: RollupPart | null = null;
  if (to !== null) {
    const own = monthRange(to);
    if (to === own.to) lastMonth = to.slice(0, 7);
    else {
      if (from !== null && from >= own.from) return [days(from, to)]; // from is that month's 1st, to is not its last
      tail = days(own.from, to);
      lastMonth = addDays(own.from, -1).slice(0, 7);
    }
  }
  if (firstMonth === null || lastMonth === null || firstMonth <= lastMonth) parts.push(months(firstMonth, lastMonth));
  if (tail) parts.push(tail);
  return parts;
}

/**
 * `select … from <part's table> where <its period column> within the part's bounds`, typed as the daily
 * table (the two share every column but the period's, which callers never select).
 */
export function fromRollupPart(db: Kysely<Database>, part: RollupPart): SelectQueryBuilder<Database, "sales_rollup_daily", object> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one builder for two tables of the same columns
  let qb = (db as Kysely<any>).selectFrom(part.table);
  if (part.from !== null) qb = qb.where(part.column, ">=", part.from);
  if (part.to !== null) qb = qb.where(part.column, "<=", part.to);
  return qb as unknown as SelectQueryBuilder<Database, "sales_rollup_daily", object>;
}

type PartQuery<O> = SelectQueryBuilder<Database, "sales_rollup_daily", O>;

/**
 * One statement for a whole range: each part's query (built by `build` on its table) joined by UNION ALL,
 * so a range costs one round trip whatever its parts (PostgreSQL paid ~1 ms a statement under load).
 * Callers accumulate the rows by key. Null for an empty range.
 */
export function unionOfParts<O>(db: Kysely<Database>, from: string | null, to: string | null, build: (qb: PartQuery<object>, part: RollupPart) => PartQuery<O>): PartQuery<O> | null {
  const queries = rollupParts(from, to).map((part) => build(fromRollupPart(db, part), part));
  if (queries.length === 0) return null;
  return queries.slice(1).reduce((all, q) => all.unionAll(q), queries[0]);
}

/** A range read from the daily table alone (a series per day needs every day's own row). */
export function dailyPart(from: string | null, to: string | null): RollupPart[] {
  return from !== null && to !== null && from > to ? [] : [days(from, to)];
}

/**
 * Several ranges in one statement (the Overview's range and its comparison: one round trip instead of
 * one per range, which PostgreSQL pays for): each range's parts as `unionOfParts`, each row tagged with
 * its range's index in a `period` column. Callers split the rows by `period`. Null when every range is
 * empty.
 */
export function unionOfRanges<O>(
  db: Kysely<Database>,
  ranges: readonly { from: string | null; to: string | null }[],
  build: (qb: PartQuery<object>, part: RollupPart) => PartQuery<O>,
  split: (from: string | null, to: string | null) => RollupPart[] = rollupParts,
): PartQuery<O & { period: number }> | null {
  const queries = ranges.flatMap((range, period) =>
    split(range.from, range.to).map((part) => build(fromRollupPart(db, part), part).select(sql.lit(period).as("period")) as PartQuery<O & { period: number }>),
  );
  if (queries.length === 0) return null;
  return queries.slice(1).reduce((all, q) => all.unionAll(q), queries[0]);
}

/** Rows tagged with `period` (unionOfRanges) → one list per range, in the ranges' order. */
export function byPeriod<R extends { period: number | string }>(rows: readonly R[], count: number): R[][] {
  const lists: R[][] = Array.from({ length: count }, () => []);
  for (const row of rows) lists[Number(row.period)]!.push(row);
  return lists;
}
