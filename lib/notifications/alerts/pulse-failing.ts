// The "Pulses failing" alert (issue 19, docs/notifications.md "Alerts"): Chariow disables a Pulse after 5
// failed deliveries, and this dashboard's own refusals count as failures — so warn before it happens,
// from the Pulse log's own 24-hour summary (lib/pulses/pulse-log.ts, what Settings shows):
// - deliveries from Chariow refused for a wrong or missing secret since the last accepted one (the secret
//   in CHARIOW_PULSE_SECRET does not match Chariow's): from 2, once per run of refusals (the key is the
//   last accepted delivery they follow);
// - deliveries accepted but failing to apply (our side): from 3 in 24 hours, at most once a local day.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { pulseLogSummary } from "@/lib/pulses/pulse-log";
import type { PulseLogSummary } from "@/lib/pulses/schemas";
import { today } from "@/lib/time";
import { translatorFor } from "../render";
import type { AlertEvent } from "./types";

export const REFUSED_THRESHOLD = 2;
export const FAILED_THRESHOLD = 3;

/** Which alerts the summary calls for (pure). */
export function pulseFailingVerdicts(s: Pick<PulseLogSummary, "refusedSinceAccepted" | "failuresLast24h" | "lastReceivedAt">): { kind: "refused" | "failed"; count: number; episode: string }[] {
  const out: { kind: "refused" | "failed"; count: number; episode: string }[] = [];
  if (s.refusedSinceAccepted >= REFUSED_THRESHOLD) out.push({ kind: "refused", count: s.refusedSinceAccepted, episode: s.lastReceivedAt ?? "never" });
  if (s.failuresLast24h >= FAILED_THRESHOLD) out.push({ kind: "failed", count: s.failuresLast24h, episode: "" });
  return out;
}

export async function pulseFailingAlerts(db: Kysely<Database>, now: Date, timeZone: string): Promise<AlertEvent[]> {
  const day = today(timeZone, now);
  return pulseFailingVerdicts(await pulseLogSummary(db, now)).map((v) => ({
    topic: "pulse_failing",
    subject: v.kind,
    dedupeKey: v.kind === "refused" ? `pulse_failing:refused:${v.episode}` : `pulse_failing:failed:${day}`,
    facts: { kind: v.kind, count: v.count },
    path: "/settings",
    permission: "settings:read",
    async words(locale) {
      const t = await translatorFor(locale, `Notifications.alerts.pulse_failing.${v.kind}`);
      return { title: t("title"), body: t("body", { count: v.count }) };
    },
  }));
}
