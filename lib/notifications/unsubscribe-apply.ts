// What an unsubscribe link turns off (issue 19, docs/notifications.md): the daily or weekly digest, alerts
// by e-mail, or every e-mail — for the member the signed link names. The link is the authority (no session:
// a mail client may POST it by itself, RFC 8058), so it is verified before anything changes.
import "server-only";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "@/lib/db/schema";
import { getPreferences, setPreferences, type NotificationPreferences } from "./preferences";
import { UNSUBSCRIBE_WHATS, verifyUnsubscribe, type UnsubscribeWhat } from "./unsubscribe";

export const unsubscribeQuerySchema = z.object({
  m: z.string().min(1).max(200),
  w: z.enum(UNSUBSCRIBE_WHATS),
  s: z.string().min(1).max(200),
});

export type UnsubscribeCheck = { ok: true; memberId: string; what: UnsubscribeWhat; email: string } | { ok: false };

/** The link's member and choice when its signature is right and the member still exists; else not ok. */
export async function checkUnsubscribeLink(db: Kysely<Database>, secret: string, query: Record<string, string | undefined>): Promise<UnsubscribeCheck> {
  const parsed = unsubscribeQuerySchema.safeParse(query);
  if (!parsed.success) return { ok: false };
  const { m, w, s } = parsed.data;
  if (!verifyUnsubscribe(secret, m, w, s)) return { ok: false };
  const member = await db.selectFrom("users").select(["id", "email"]).where("id", "=", m).executeTakeFirst();
  return member ? { ok: true, memberId: member.id, what: w, email: member.email } : { ok: false };
}

/** The preferences with `what` turned off. */
export function withoutEmail(prefs: NotificationPreferences, what: UnsubscribeWhat): NotificationPreferences {
  switch (what) {
    case "daily":
      return { ...prefs, daily: false };
    case "weekly":
      return { ...prefs, weekly: false };
    case "alerts":
      return { ...prefs, alertEmail: false };
    case "all":
      return { ...prefs, email: false };
  }
}

export async function applyUnsubscribe(db: Kysely<Database>, memberId: string, what: UnsubscribeWhat, now = new Date()): Promise<NotificationPreferences> {
  const next = withoutEmail(await getPreferences(db, memberId), what);
  await setPreferences(db, memberId, next, now);
  return next;
}
