// Wiring of the notification runner (issue 19) from the process configuration: the web server
// (lib/background-jobs.ts), `npm run worker` and `npm run digest` all build their dependencies here, so
// each sends through the same channels with the same links.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { getStoreName } from "@/lib/store/store-info";
import { getSyncStatus } from "@/lib/sync/status";
import { createEmailSender } from "./channels/email";
import type { NotificationDeps } from "./runner";

/** The first backfill is done: the mirror holds the store's history (lib/sync/status.ts). */
export async function mirrorReady(db: Kysely<Database>): Promise<boolean> {
  return (await getSyncStatus(db)).backfill.done;
}

export function notificationDeps(db: Kysely<Database>, instanceId: string, extra: { detectors?: NotificationDeps["detectors"] } = {}): NotificationDeps {
  const env = getEnv();
  return {
    db,
    instanceId,
    timeZone: () => getStoreTimeZone(db),
    storeName: async () => (await getStoreName()) ?? "Chariow",
    appUrl: env.APP_URL,
    authSecret: env.AUTH_SECRET,
    email: createEmailSender(env.SMTP_URL, env.SMTP_FROM, env.APP_URL),
    ready: () => mirrorReady(db),
    detectors: extra.detectors ?? [],
  };
}
