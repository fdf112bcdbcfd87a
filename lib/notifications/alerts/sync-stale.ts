// The "updates stopped" alert (issue 19, docs/notifications.md "Alerts"): no successful read of the
// sales from Chariow (the core sync jobs, lib/sync/status.ts) for more than `syncStaleMinutes`. One alert
// per stale episode: the key is the last success it follows, so a recovery then a new stall alerts again.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { formatDateTime } from "@/lib/format/date-time";
import { getSyncStatus } from "@/lib/sync";
import { translatorFor } from "../render";
import type { AlertEvent } from "./types";

/**
 * Minutes since the last success when over the threshold, else null (pure). Never a success: no verdict —
 * a store being set up shows its state on screen, and a wrong key is reported there at once.
 */
export function staleMinutes(lastSuccessAt: string | null, now: Date, thresholdMinutes: number): number | null {
  if (lastSuccessAt === null) return null;
  const minutes = Math.floor((now.getTime() - Date.parse(lastSuccessAt)) / 60_000);
  return minutes > thresholdMinutes ? minutes : null;
}

export function syncStaleEvent(lastSuccessAt: string, minutes: number, timeZone: string): AlertEvent {
  return {
    topic: "sync_stale",
    subject: "sync",
    dedupeKey: `sync_stale:${lastSuccessAt}`,
    facts: { lastSuccessAt, minutes },
    path: "/settings",
    permission: "settings:read",
    async words(locale) {
      const t = await translatorFor(locale, "Notifications.alerts.sync_stale");
      return { title: t("title"), body: t("body", { minutes, last: formatDateTime(lastSuccessAt, { locale, timeZone }) }) };
    },
  };
}

export async function syncStaleAlerts(db: Kysely<Database>, thresholdMinutes: number, now: Date, timeZone: string): Promise<AlertEvent[]> {
  const { lastSuccessAt } = await getSyncStatus(db, now.getTime());
  const minutes = staleMinutes(lastSuccessAt, now, thresholdMinutes);
  return minutes === null || lastSuccessAt === null ? [] : [syncStaleEvent(lastSuccessAt, minutes, timeZone)];
}
