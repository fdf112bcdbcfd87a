// `npm run worker`: the sync engine as its own process, for deployments that keep it out of the web
// servers. Reads the same configuration as the app; runs until SIGTERM/SIGINT, then releases the lease.
import fs from "node:fs";
import { hostname } from "node:os";
import { createChariowClient } from "@/lib/chariow";
import { openDatabase } from "@/lib/db";
import { EnvError, getEnv } from "@/lib/env";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { createSharedScheduler, startSyncRunner } from "@/lib/sync";
import { defaultDetectors } from "@/lib/notifications/alerts";
import { mirrorReady, notificationDeps } from "@/lib/notifications/start";
import { startNotificationRunner } from "@/lib/notifications/runner";

// Like `next start`, read .env.local then .env; variables already set in the environment win.
for (const file of [".env.local", ".env"]) {
  if (fs.existsSync(file) && typeof process.loadEnvFile === "function") process.loadEnvFile(file);
}

async function main(): Promise<number> {
  const env = getEnv();
  // Demo mode: scripts/start.mjs hands over the simulator's base URL and (non-secret) demo key.
  const apiKey = env.CHARIOW_API_KEY ?? (env.DEMO_MODE ? process.env.CHARIOW_DEMO_API_KEY : undefined);
  if (!apiKey) {
    console.error("[worker] no CHARIOW_API_KEY (and no CHARIOW_DEMO_API_KEY in demo mode): nothing to sync");
    return 1;
  }
  const opened = await openDatabase(env.DATABASE_URL);
  // The budget lives in the database: the web instances and this worker share one key's 10 a minute.
  const client = createChariowClient({ baseUrl: env.CHARIOW_API_BASE_URL, apiKey, scheduler: createSharedScheduler(opened.db, apiKey) });
  const instanceId = `worker:${hostname()}:${process.pid}`;
  const runner = startSyncRunner({ db: opened.db, client, timeZone: () => getStoreTimeZone(opened.db), instanceId });
  const notifications = startNotificationRunner(notificationDeps(opened.db, instanceId, { detectors: defaultDetectors({ client, ready: () => mirrorReady(opened.db) }) }));
  console.log(`[worker] ${instanceId} syncing from ${env.CHARIOW_API_BASE_URL} (${opened.engine}); stop with SIGTERM`);
  await new Promise<void>((resolve) => {
    process.once("SIGTERM", () => resolve());
    process.once("SIGINT", () => resolve());
  });
  console.log("[worker] stopping: finishing the current page and releasing the lease");
  await runner.stop();
  await notifications.stop();
  await opened.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof EnvError ? error.message : `[worker] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
