// Wiring of the notification runner (issue 19) from the process configuration: the web server
// (lib/background-jobs.ts), `npm run worker` and `npm run digest` all build their dependencies here, so
// each sends through the same channels with the same links.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { getStoreName } from "@/lib/store/store-info";
import { createEmailSender } from "./channels/email";
import type { NotificationDeps } from "./runner";

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
    detectors: extra.detectors ?? [],
  };
}
