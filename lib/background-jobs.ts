// What runs beside the web server, started once per process from instrumentation.ts (never during
// `next build`): the Pulse queue resumes deliveries a previous process left unprocessed, and the sync
// runner (backfill, refresh, enrichment) starts with the store's key — in demo mode the simulator's
// base URL and key that scripts/start.mjs put in the environment.
import "server-only";
import { hostname } from "node:os";
import { getDb } from "@/lib/db";
import { getPulseQueue } from "@/lib/pulses/runtime";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { getStoreName } from "@/lib/store/store-info";
import { createChariowClient, defaultSchedulerRegistry, keyFingerprint } from "@/lib/chariow";
import { getEnv } from "@/lib/env";
import { createDbBudgetStore, startSyncRunner } from "@/lib/sync";
import { defaultDetectors } from "@/lib/notifications/alerts";
import { mirrorReady, notificationDeps } from "@/lib/notifications/start";
import { startNotificationRunner } from "@/lib/notifications/runner";

type Running = { stop(): Promise<void> };
type State = { runner: Running | null; startRunner: (timeZone: string) => Running | null };
const holder = globalThis as typeof globalThis & { __chariowBackground?: Promise<State | null> };

export function startBackgroundJobs(): Promise<State | null> {
  holder.__chariowBackground ??= start().catch((error: unknown) => {
    console.error("[background] could not start the sync and Pulse processing", error);
    holder.__chariowBackground = undefined;
    return null;
  });
  return holder.__chariowBackground;
}

/**
 * After a change, restart this process's runner so the batch in flight does not finish in the old zone
 * (the rollups were already rebuilt by the caller); every runner also re-reads the zone at each tick.
 */
export async function restartSyncInTimeZone(timeZone: string): Promise<void> {
  const state = await holder.__chariowBackground;
  if (!state?.runner) return;
  await state.runner.stop();
  state.runner = state.startRunner(timeZone);
}

async function start(): Promise<State | null> {
  const db = await getDb();
  void getPulseQueue()
    .resume()
    .then((n) => n > 0 && console.log(`[pulses] re-processing ${n} delivery(ies) left from a previous run`))
    .catch((error: unknown) => console.error("[pulses] could not resume pending deliveries", error));
  const env = getEnv();
  // The simulator's key in demo mode (scripts/start.mjs), like lib/store/chariow-connection.ts.
  const apiKey = env.CHARIOW_API_KEY ?? (env.DEMO_MODE ? process.env.CHARIOW_DEMO_API_KEY : undefined);
  if (!apiKey) {
    console.warn("[sync] no Chariow key (and no demo simulator): the sync does not run");
    return null;
  }
  // One scheduler per key per process (lib/chariow's registry), created here with its budget in the
  // database (api_budget): shared by every instance, shown in the freshness slot, and the same
  // scheduler the interactive reads (store name, health) use — so they still go first. This runs
  // before anything else calls the API (instrumentation awaits it), or the registry would already
  // hold a memory-only scheduler for the key.
  const scheduler = defaultSchedulerRegistry.forKey(apiKey, {
    store: createDbBudgetStore({
      db,
      keyFingerprint: keyFingerprint(apiKey),
      onError: (error) => console.warn(`[sync] shared budget unavailable: ${error instanceof Error ? error.message : String(error)}`),
    }),
  });
  const client = createChariowClient({ baseUrl: env.CHARIOW_API_BASE_URL, apiKey, scheduler });
  // The backfill may spend every request of the window: read the shell's store name first (≤ 3 s), so
  // the first pages do not wait for the next window to show it.
  await getStoreName();
  const instanceId = `${hostname()}:${process.pid}`;
  // The zone is read again at every tick, so an instance that did not take the setting change (another
  // instance behind the same database) counts new sales in the new zone from its next tick.
  // SYNC_IN_WEB=false: `npm run worker` syncs, this process only serves (and still shares the budget).
  const startRunner = (timeZone: string) =>
    env.SYNC_IN_WEB ? startSyncRunner({ db, client, timeZone: async () => (await getStoreTimeZone(db).catch(() => timeZone)), instanceId }) : null;
  if (!env.SYNC_IN_WEB) console.log("[sync] SYNC_IN_WEB=false: the sync runs in `npm run worker`, not in this process");
  const state: State = { runner: startRunner(await getStoreTimeZone(db)), startRunner };
  // Digests and alerts (docs/notifications.md): on every instance — deciding twice inserts nothing twice,
  // and each message is claimed by one worker.
  const notifications = startNotificationRunner(notificationDeps(db, instanceId, { detectors: defaultDetectors({ client, ready: () => mirrorReady(db) }) }));
  const stop = () => {
    void state.runner?.stop();
    void notifications.stop();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return state;
}
