// A BudgetStore (lib/chariow/budget-store.ts) kept in the api_budget table, so every app instance and
// the worker using one API key draw on one budget (DESIGN §5 "Scaled"). Each change is an optimistic
// compare-and-set on a version column: plain UPDATEs that behave the same on SQLite and PostgreSQL.
import "server-only";
import type { Kysely } from "kysely";
import { systemClock, type BudgetStore, type Clock, type Reservation } from "@/lib/chariow";
import type { Database } from "@/lib/db";
import {
  blockUntil,
  initialBudget,
  releaseSlot,
  reserveSlot,
  settleSlot,
  toSnapshot,
  type BudgetRules,
  type BudgetState,
} from "./budget-state";

export interface DbBudgetStoreOptions {
  db: Kysely<Database>;
  /** keyFingerprint(apiKey) from lib/chariow: the key itself is never stored. */
  keyFingerprint: string;
  assumedLimit?: number;
  windowMs?: number;
  resetMarginMs?: number;
  inFlightTtlMs?: number;
  /** Stamps updated_at when the scheduler gives no time (release, block). */
  clock?: Clock;
  /** Called when the database fails; the store then refuses slots for a moment rather than guess. */
  onError?: (error: unknown) => void;
}

const MAX_CAS_ATTEMPTS = 50;
// Without the database we cannot know what the other instances spent: wait, do not guess.
const DB_FAILURE_RETRY_MS = 1_000;

type Row = Database["api_budget"];

function decode(row: Row): BudgetState {
  let inFlight: number[] = [];
  try {
    const parsed: unknown = JSON.parse(row.in_flight);
    if (Array.isArray(parsed)) inFlight = parsed.filter((n): n is number => typeof n === "number");
  } catch {
    // A garbled list only loses in-flight bookkeeping; the next window starts clean.
  }
  return {
    limit: Number(row.limit_per_window),
    remaining: Number(row.remaining),
    resetAt: row.reset_at === null ? null : Number(row.reset_at),
    inFlight,
    learned: Number(row.learned) === 1,
    blocked: Number(row.blocked) === 1,
  };
}

function encode(s: BudgetState) {
  return {
    limit_per_window: s.limit,
    remaining: s.remaining,
    reset_at: s.resetAt,
    in_flight: JSON.stringify(s.inFlight),
    learned: s.learned ? 1 : 0,
    blocked: s.blocked ? 1 : 0,
  };
}

export function createDbBudgetStore(options: DbBudgetStoreOptions): BudgetStore {
  const { db, keyFingerprint } = options;
  const assumedLimit = options.assumedLimit ?? 10; // chariow-api.md §2: design for 10/min
  const rules: BudgetRules = {
    windowMs: options.windowMs ?? 60_000,
    resetMarginMs: options.resetMarginMs ?? 250,
    inFlightTtlMs: options.inFlightTtlMs ?? 120_000,
  };
  const clock = options.clock ?? systemClock;
  let cached: BudgetState = initialBudget(assumedLimit);

  async function readRow(now: number): Promise<Row> {
    const found = await db.selectFrom("api_budget").selectAll().where("key_fingerprint", "=", keyFingerprint).executeTakeFirst();
    if (found) return found;
    await db
      .insertInto("api_budget")
      .values({ key_fingerprint: keyFingerprint, ...encode(initialBudget(assumedLimit)), version: 0, updated_at: now })
      .onConflict((oc) => oc.column("key_fingerprint").doNothing())
      .execute();
    return db.selectFrom("api_budget").selectAll().where("key_fingerprint", "=", keyFingerprint).executeTakeFirstOrThrow();
  }

  /** Reads, applies `change`, writes back only if nobody wrote in between; otherwise tries again. */
  async function mutate<R>(now: number, change: (s: BudgetState) => R): Promise<R> {
    for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
      const row = await readRow(now);
      const state = decode(row);
      const result = change(state);
      const version = Number(row.version);
      const written = await db
        .updateTable("api_budget")
        .set({ ...encode(state), version: version + 1, updated_at: now })
        .where("key_fingerprint", "=", keyFingerprint)
        .where("version", "=", version)
        .executeTakeFirst();
      if (Number(written.numUpdatedRows) === 1) {
        cached = state;
        return result;
      }
    }
    throw new Error("api_budget: too much contention");
  }

  // The scheduler runs these from a detached pump: a throw would be an unhandled rejection, so
  // database failures are reported and turned into "wait a moment".
  function report(error: unknown) {
    options.onError?.(error);
  }

  return {
    async reserve(now): Promise<Reservation> {
      try {
        return await mutate(now, (s) => reserveSlot(s, now, rules));
      } catch (error) {
        report(error);
        return { granted: false, retryAt: now + DB_FAILURE_RETRY_MS };
      }
    },
    async settle(observed, now) {
      try {
        await mutate(now, (s) => settleSlot(s, observed, now, rules));
      } catch (error) {
        report(error);
      }
    },
    async release() {
      try {
        await mutate(clock.now(), (s) => releaseSlot(s));
      } catch (error) {
        report(error);
      }
    },
    async block(until) {
      try {
        await mutate(clock.now(), (s) => blockUntil(s, until));
      } catch (error) {
        report(error);
      }
    },
    snapshot: () => toSnapshot(cached),
  };
}
