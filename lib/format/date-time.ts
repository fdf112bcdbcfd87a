// The one date/time formatter of the interface: an instant (ISO string, Date or epoch ms) shown in the
// store's time zone and the member's language, or a calendar day ("YYYY-MM-DD", no zone) shown as that
// very day. CLDR patterns through Intl: fr "4 déc. 2026, 14:05", en "Dec 4, 2026, 2:05 PM". Safe on the
// client and the server; components use <DateTime> (components/ui/date-time.tsx), which reads the
// locale and zone from next-intl. lib/time.ts stays the server's day arithmetic.

export type DateTimeStyle = "date" | "dateTime" | "time" | "month" | "dayMonth" | "weekday" | "weekdayDate";

export type DateTimeContext = { locale: string; timeZone: string };

const STYLES: Record<DateTimeStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: "medium" },
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  time: { timeStyle: "short" },
  month: { month: "long", year: "numeric" },
  dayMonth: { day: "numeric", month: "short" },
  /** "lun." / "Mon": a calendar's column heads. */
  weekday: { weekday: "short" },
  /** "mardi 7 avril" / "Tuesday, April 7": a day a merchant waits for (the next payout). */
  weekdayDate: { weekday: "long", day: "numeric", month: "long" },
};

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, style: DateTimeStyle): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone });
    formatters.set(key, f);
  }
  return f;
}

/** A parsed value: an instant, or a calendar day (noon UTC of that day, to be formatted in UTC). */
type Parsed = { ms: number; calendarDay: boolean };

function parse(value: string | Date | number): Parsed | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : { ms: value.getTime(), calendarDay: false };
  if (typeof value === "number") return Number.isFinite(value) ? { ms: value, calendarDay: false } : null;
  const day = CALENDAR_DAY.exec(value.trim());
  if (day) {
    const ms = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 12);
    // Date.UTC rolls "2026-02-31" over into March; a day that does not exist is not a day.
    return new Date(ms).toISOString().slice(0, 10) === day[0] ? { ms, calendarDay: true } : null;
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : { ms, calendarDay: false };
}

/**
 * `value` in words. An instant is shown in `timeZone`; a "YYYY-MM-DD" day is that calendar day whatever
 * the zone (a day has no time: "dateTime" and "time" show it as a date). A value that is not a date
 * comes back as given, so a bad cell shows what it holds rather than "Invalid Date".
 */
export function formatDateTime(value: string | Date | number, context: DateTimeContext, style: DateTimeStyle = "dateTime"): string {
  const parsed = parse(value);
  if (!parsed) return String(value);
  if (parsed.calendarDay) {
    const dayStyle = style === "dateTime" || style === "time" ? "date" : style;
    return formatter(context.locale, "UTC", dayStyle).format(parsed.ms);
  }
  return formatter(context.locale, context.timeZone, style).format(parsed.ms);
}

/**
 * The machine-readable form for <time dateTime>: the day itself for a calendar day, the ISO instant
 * otherwise; null when the value is not a date.
 */
export function machineDateTime(value: string | Date | number): string | null {
  const parsed = parse(value);
  if (!parsed) return null;
  return parsed.calendarDay ? new Date(parsed.ms).toISOString().slice(0, 10) : new Date(parsed.ms).toISOString();
}
