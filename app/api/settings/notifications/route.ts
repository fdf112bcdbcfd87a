// GET /api/settings/notifications: the store's alert rules and webhook as the form shows them (goals in
// major units, the secret masked; settings:read). PUT: saves them (settings:manage), audited (issue 19).
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getStoreSettings } from "@/lib/notifications/store-settings";
import { maskSecret, settingsAsInput, storeSettingsInputSchema, updateStoreSettings } from "@/lib/notifications/store-settings-service";

export const GET = route({ permission: "settings:read" }, async () => {
  const settings = await getStoreSettings(await getDb());
  return { settings: settingsAsInput(settings), webhookSecret: maskSecret(settings.webhook.secret) };
});

export const PUT = route({ permission: "settings:manage", schema: storeSettingsInputSchema }, async ({ input, actor }) => {
  const saved = await updateStoreSettings(await getDb(), input, actor);
  return { settings: settingsAsInput(saved), webhookSecret: maskSecret(saved.webhook.secret) };
});
