// A member's notification preferences as the API and the Settings form change them (issue 19): the
// stored shape checked strictly (an unknown field is refused, not ignored), for the signed-in member only,
// with whether e-mail can be sent at all (SMTP_URL) so the page can say so plainly.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { getPreferences, notificationPreferencesSchema, setPreferences, type NotificationPreferences } from "./preferences";

export const preferencesInputSchema = notificationPreferencesSchema.strict();

export function emailConfigured(): boolean {
  return Boolean(getEnv().SMTP_URL);
}

export async function readMemberNotifications(db: Kysely<Database>, memberId: string): Promise<{ preferences: NotificationPreferences; emailConfigured: boolean }> {
  return { preferences: await getPreferences(db, memberId), emailConfigured: emailConfigured() };
}

export async function saveMemberNotifications(db: Kysely<Database>, memberId: string, input: NotificationPreferences): Promise<NotificationPreferences> {
  await setPreferences(db, memberId, input);
  return input;
}
