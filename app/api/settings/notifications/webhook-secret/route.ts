// POST /api/settings/notifications/webhook-secret: a new webhook signing secret (settings:manage), returned
// in this answer only — afterwards it is shown masked (issue 19). Audited without the secret.
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { rotateWebhookSecret } from "@/lib/notifications/store-settings-service";

export const POST = route({ permission: "settings:manage" }, async ({ actor }) => ({ secret: await rotateWebhookSecret(await getDb(), actor) }));
