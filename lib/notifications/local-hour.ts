// The local day and hour in the store's zone, for "the digest at 08:00 store time".
import { today } from "@/lib/time";

export function localHour(timeZone: string, now: Date): { day: string; hour: number } {
  const hour = Number(new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" }).format(now));
  return { day: today(timeZone, now), hour };
}
