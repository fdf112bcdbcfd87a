// POST /api/settings/notifications/test: queues a `test` message to the store's webhook through the outbox
// (settings:manage); the runner signs and sends it, and the send log shows the result (issue 19).
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { queueWebhookTest } from "@/lib/notifications/store-settings-service";

export const POST = route({ permission: "settings:manage" }, async ({ actor }) => ({ queued: true, ...(await queueWebhookTest(await getDb(), actor)) }));
