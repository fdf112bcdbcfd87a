// A time zone on screen in words ("Abidjan (GMT)", lib/format/time-zone.ts) in the member's language, read
// from next-intl. Server and client components alike (no "use client", not async).
import { useLocale } from "next-intl";
import { timeZoneLabel } from "@/lib/format/time-zone";

export function TimeZoneName({ zone }: { zone: string }) {
  return <>{timeZoneLabel(zone, useLocale())}</>;
}
