// Where the sync runs: startSyncRunner() is called once per server process (instrumentation, via
// lib/background-jobs.ts) or by `npm run worker`. Only the lease holder syncs; the others wait for
// the lease and take over when the holder stops or dies.
import "server-only";
import type { Kysely } from "kysely";
import { createScheduler, keyFingerprint, systemClock, type Clock, type Scheduler, type SchedulerOptions } from "@/lib/chariow";
import type { Database } from "@/lib/db";
import { createDbBudgetStore } from "./db-budget-store";
import { createSyncEngine, type SyncEngineOptions } from "./engine";
import { getSyncStatus, type SyncStatus } from "./status";

export type SyncRunnerOptions = Omit<SyncEngineOptions, "onError"> & { onError?: SyncEngineOptions["onError"] };

export interface SyncRunner {
  stop(): Promise<void>;
  status(): Promise<SyncStatus>;
}

/**
 * Starts the sync loop in the background and returns at once. Never call it during `next build`
 * (guard with `process.env.NEXT_PHASE !== "phase-production-build"`); calling it twice in one process
 * starts two loops that compete for the lease (harmless, but wasteful).
 */
export function startSyncRunner(options: SyncRunnerOptions): SyncRunner {
  const engine = createSyncEngine({
    ...options,
    onError:
      options.onError ??
      ((job, error) => {
        // The message comes from the Chariow client, which never includes the key.
        console.warn(`[sync] ${job} failed: ${error instanceof Error ? error.message : String(error)}`);
      }),
  });
  engine.start();
  const clock = options.clock ?? systemClock;
  return { stop: () => engine.stop(), status: () => getSyncStatus(options.db, clock.now()) };
}

/**
 * A scheduler whose rate-limit budget lives in the database (api_budget), so every instance and the
 * worker using `apiKey` share it and never exceed the limit together. Pass it to createChariowClient.
 */
export function createSharedScheduler(db: Kysely<Database>, apiKey: string, options: SchedulerOptions & { clock?: Clock } = {}): Scheduler {
  const store = createDbBudgetStore({
    db,
    keyFingerprint: keyFingerprint(apiKey),
    ...(options.clock ? { clock: options.clock } : {}),
    onError: (error) => console.warn(`[sync] shared budget unavailable: ${error instanceof Error ? error.message : String(error)}`),
  });
  return createScheduler({ ...options, store });
}
