// Low-data mode (issue 18, docs/offline.md): a member's choice — on, off, or "automatic", which follows
// the browser's `Save-Data: on` hint (Chrome's Lite mode, Android's data saver). When on, pages leave
// their charts out until asked (their figures stay in the tables beside them), stop live polling, open
// tables at their smallest page size, and the service worker keeps only pages the browser loaded itself.
import "server-only";
import type { Kysely } from "kysely";
import { headers } from "next/headers";
import { z } from "zod";
import type { Database } from "@/lib/db/schema";

type Db = Kysely<Database>;

export const LOW_DATA_CHOICES = ["auto", "on", "off"] as const;
export type LowDataChoice = (typeof LOW_DATA_CHOICES)[number];
export const lowDataChoiceSchema = z.enum(LOW_DATA_CHOICES);

/** The member's stored choice ("auto" when they never chose). */
export async function getLowDataChoice(db: Db, userId: string): Promise<LowDataChoice> {
  const row = await db.selectFrom("member_preferences").select("low_data").where("user_id", "=", userId).executeTakeFirst();
  return row?.low_data ?? "auto";
}

export async function setLowDataChoice(db: Db, userId: string, choice: LowDataChoice, now = new Date()): Promise<void> {
  const lowData = choice === "auto" ? null : choice;
  await db
    .insertInto("member_preferences")
    .values({ user_id: userId, low_data: lowData, updated_at: now.toISOString() })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ low_data: lowData, updated_at: now.toISOString() }))
    .execute();
}

/** Is low-data mode on for this request? The member's choice, else the browser's Save-Data hint. */
export function isLowData(choice: LowDataChoice, saveDataHeader: string | null): boolean {
  if (choice !== "auto") return choice === "on";
  return (saveDataHeader ?? "").trim().toLowerCase() === "on";
}

/** For a page: is low-data mode on for this member and this request (its Save-Data header)? */
export async function lowDataForRequest(db: Db, userId: string): Promise<boolean> {
  const [choice, requestHeaders] = await Promise.all([getLowDataChoice(db, userId), headers()]);
  return isLowData(choice, requestHeaders.get("save-data"));
}
