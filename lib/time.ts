// The one place that turns an instant into a calendar day of the store's timezone (CONVENTIONS "Money,
// time, text"), plus the day arithmetic the analytics need. Days are "YYYY-MM-DD" strings.
import "server-only";
import { TZDate } from "@date-fns/tz";

/** A local calendar day, "YYYY-MM-DD". */
export type LocalDay = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws a RangeError for an unknown zone: a typo in the settings must not bucket silently in UTC.
    f = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hourCycle: "h23" });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone this runtime knows (e.g. "Africa/Abidjan"). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

// Every zone's UTC offset (for any date a sale can have) is a whole number of quarter hours, so all instants of one UTC quarter hour
// share their local day: a bulk ingest formats once per quarter hour instead of once per sale.
const QUARTER_HOUR_MS = 15 * 60_000;
const dayCache = new Map<string, LocalDay>();

/** The calendar day, in `timeZone`, of the UTC instant `isoUtc`. */
export function localDay(isoUtc: string, timeZone: string): LocalDay {
  const ms = Date.parse(isoUtc);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO instant: ${JSON.stringify(isoUtc)}`);
  const key = `${timeZone} ${Math.floor(ms / QUARTER_HOUR_MS)}`;
  const cached = dayCache.get(key);
  if (cached !== undefined) return cached;
  let y = "";
  let m = "";
  let d = "";
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type === "year") y = part.value;
    else if (part.type === "month") m = part.value;
    else if (part.type === "day") d = part.value;
  }
  const day = `${y.padStart(4, "0")}-${m}-${d}`;
  if (dayCache.size >= 50_000) dayCache.clear();
  dayCache.set(key, day);
  return day;
}

/** `localDay` that maps an unknown instant to an unknown day. */
export function localDayOrNull(isoUtc: string | null, timeZone: string): LocalDay | null {
  return isoUtc === null ? null : localDay(isoUtc, timeZone);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDay(day: LocalDay): [number, number, number] {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`not a day: ${JSON.stringify(day)}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** `day` shifted by `n` calendar days (calendar arithmetic: no timezone, no DST). */
export function addDays(day: LocalDay, n: number): LocalDay {
  const [y, m, d] = parseDay(day);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Every day from `from` to `to`, both included (empty when `to` is before `from`). */
export function daysBetween(from: LocalDay, to: LocalDay): LocalDay[] {
  const days: LocalDay[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The month ("YYYY-MM") a local day belongs to. */
export function monthOfDay(day: LocalDay): string {
  parseDay(day);
  return day.slice(0, 7);
}

/** First and last day of the month of `day`. */
export function monthRange(day: LocalDay): { from: LocalDay; to: LocalDay } {
  const [y, m] = parseDay(day);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const month = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`;
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}

/**
 * The UTC instant at which local `day` begins in `timeZone` (not always 00:00 local: a DST jump at
 * midnight starts the day at 01:00). With `startOfLocalDay(addDays(day, 1))` it bounds created_at
 * queries for one local day.
 */
export function startOfLocalDay(day: LocalDay, timeZone: string): string {
  const [y, m, d] = parseDay(day);
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, 0, timeZone).getTime()).toISOString();
}

/** The local day "today" in `timeZone`. */
export function today(timeZone: string, now: Date = new Date()): LocalDay {
  return localDay(now.toISOString(), timeZone);
}
