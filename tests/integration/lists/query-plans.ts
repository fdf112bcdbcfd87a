// What SQLite's planner does with the queries a service runs: each one captured as it executes (a Kysely
// plugin), then asked EXPLAIN QUERY PLAN with its own parameters. Lets a test say "this page is read from
// that index, in order" — the property a list's speed rests on — without timing anything.
import { sql, type CompiledQuery, type Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";

export type CapturedPlan = { sql: string; plan: string[] };

/** The compiled SQL of every statement `fn` runs against a spying copy of `db` (each still runs as usual). Any engine. */
export async function statementsOf(db: Kysely<Database>, fn: (spy: Kysely<Database>) => Promise<unknown>): Promise<CompiledQuery[]> {
  const queries: CompiledQuery[] = [];
  const spy = db.withPlugin({
    transformQuery: (args) => {
      queries.push(db.getExecutor().compileQuery(args.node, args.queryId));
      return args.node;
    },
    transformResult: async (args) => args.result,
  });
  await fn(spy);
  return queries;
}

/** Runs `fn` against a spying copy of `db` and returns the plan of every query it ran (SQLite only). */
export async function plansOf(db: Kysely<Database>, fn: (spy: Kysely<Database>) => Promise<unknown>): Promise<CapturedPlan[]> {
  const queries = await statementsOf(db, fn);
  const out: CapturedPlan[] = [];
  for (const q of queries) {
    const rows = await db.executeQuery<{ detail: string }>({ ...q, sql: `explain query plan ${q.sql}` } as CompiledQuery<{ detail: string }>);
    out.push({ sql: q.sql, plan: rows.rows.map((r) => r.detail) });
  }
  return out;
}

/** The plan of the one captured query whose SQL contains `marker`. */
export function planOf(plans: readonly CapturedPlan[], marker: RegExp): string[] {
  const hits = plans.filter((p) => marker.test(p.sql));
  if (hits.length !== 1) throw new Error(`expected one query matching ${marker}, got ${hits.length}: ${plans.map((p) => p.sql).join("\n")}`);
  return hits[0]!.plan;
}

export { sql };
