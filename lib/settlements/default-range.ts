// The timeline's default range: 30 local days back and 14 ahead (upcoming payouts), store timezone.
import { addDays, today, type LocalDay } from "@/lib/time";

export function resolveSettlementRange(q: { from?: LocalDay; to?: LocalDay }, timeZone: string, now: Date = new Date()): { from: LocalDay; to: LocalDay } {
  const d = today(timeZone, now);
  return { from: q.from ?? addDays(d, -30), to: q.to ?? addDays(d, 14) };
}
