// How one value becomes one CSV cell under the export rules (DESIGN §3): money as a decimal in the
// currency's own units (a separate currency column says which), a decimal comma for the French Excel
// preset, and instants as ISO 8601 with the offset of the timezone the header names. Pure functions:
// the sales export, the team export and the analytics exports format the same way.
import { currencyExponent, toMajorString } from "@/lib/money";
import type { CsvPreset } from "./presets";

/** A cell we generated ourselves (a number rendered as text, an ISO date): never neutralised as a formula. */
export class TrustedCell {
  constructor(readonly text: string) {}
}

export type CsvCell = string | number | null | undefined | TrustedCell;

/** Excel (French) reads "79,20" as a number; "79.20" would be text. */
function withDecimalSeparator(text: string, preset: CsvPreset): string {
  return preset === "excel-fr" ? text.replace(".", ",") : text;
}

/**
 * Minor units → "79.20" (standard) or "79,20" (excel-fr) with the currency's exponent (XOF 4900 → "4900").
 * Unknown amount (null) → empty cell, never 0 (DESIGN §2: unknown is not zero).
 */
export function moneyCell(minor: number | null | undefined, currency: string | null | undefined, preset: CsvPreset): TrustedCell | null {
  const text = moneyText(minor, currency, preset);
  return text === null ? null : new TrustedCell(text);
}

/** moneyCell's text without the cell (an export that writes its records straight to text). */
export function moneyText(minor: number | null | undefined, currency: string | null | undefined, preset: CsvPreset): string | null {
  if (minor === null || minor === undefined || !currency) return null;
  return majorText(minor, currency, preset === "excel-fr" ? "," : ".");
}

const exponents = new Map<string, number>();

/** lib/money's toMajorString, with the exponent looked up once per currency (the export calls it ~5× a row). */
function majorText(minor: number, currency: string, separator: string): string {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    exponent = currencyExponent(currency);
    exponents.set(currency, exponent);
  }
  if (exponent === 0 || !Number.isSafeInteger(minor)) return exponent === 0 && Number.isSafeInteger(minor) ? String(minor) : toMajorString({ minor, currency }).replace(".", separator);
  const abs = String(Math.abs(minor)).padStart(exponent + 1, "0");
  return `${minor < 0 ? "-" : ""}${abs.slice(0, -exponent)}${separator}${abs.slice(-exponent)}`;
}

/** A plain decimal (exchange rate, fee rate) with the preset's separator; integers stay integers. */
export function decimalCell(value: number | null | undefined, preset: CsvPreset): TrustedCell | null {
  const text = decimalText(value, preset);
  return text === null ? null : new TrustedCell(text);
}

/** decimalCell's text without the cell. */
export function decimalText(value: number | null | undefined, preset: CsvPreset): string | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return withDecimalSeparator(String(value), preset);
}

/** Digits of the currency's minor unit, for callers that show how an amount was rounded. */
export function moneyDecimals(currency: string): number {
  return currencyExponent(currency);
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
const QUARTER_HOUR_MS = 15 * 60_000;
// Offsets only change on quarter-hour boundaries (every real DST rule does), so one Intl call per
// quarter hour serves every sale in it: the export formats ~4 dates a row at 100k rows/s.
const offsetCache = new Map<string, Map<number, number>>();

function offsetMinutes(epochMs: number, timeZone: string): number {
  const quarter = Math.floor(epochMs / QUARTER_HOUR_MS);
  let zone = offsetCache.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsetCache.set(timeZone, zone);
  }
  const cached = zone.get(quarter);
  if (cached !== undefined) return cached;
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    offsetFormatters.set(timeZone, formatter);
  }
  const asUtc = wallAsUtc(formatter, quarter * QUARTER_HOUR_MS);
  const offset = Math.round((asUtc - quarter * QUARTER_HOUR_MS) / 60_000);
  if (zone.size > 100_000) zone.clear();
  zone.set(quarter, offset);
  return offset;
}

const EN_US_WALL = /^(\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/;

/**
 * The wall clock Intl gives for `epochMs`, read as if it were UTC. format() and a fixed pattern cost a
 * quarter of formatToParts (no part objects; the export meets a new quarter hour ~50,000 times a million
 * rows); anything else (a year before 1000, another runtime's punctuation) is read from the parts.
 */
function wallAsUtc(formatter: Intl.DateTimeFormat, epochMs: number): number {
  const m = EN_US_WALL.exec(formatter.format(epochMs));
  if (m) return Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6]));
  const parts = Object.fromEntries(formatter.formatToParts(epochMs).map((p) => [p.type, p.value]));
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
}

const pad = (n: number) => String(n).padStart(2, "0");
const suffixes = new Map<number, string>();

function offsetSuffix(offset: number): string {
  let suffix = suffixes.get(offset);
  if (suffix === undefined) {
    const abs = Math.abs(offset);
    suffix = offset === 0 ? "Z" : `${offset < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
    suffixes.set(offset, suffix);
  }
  return suffix;
}

/**
 * An instant as ISO 8601 in `timeZone` with its offset, to the millisecond: "2026-03-29T02:30:00.123+02:00",
 * "…Z" for UTC. Parsers read it back to the exact instant (docs/export.md); the header names the zone.
 * Always three fractional digits, so a column has one shape whatever the instant. `precision: "second"`
 * is for display only (a page showing an expiry), never for a file.
 */
export function formatInstantInZone(iso: string, timeZone: string, precision: "millisecond" | "second" = "millisecond"): string {
  if (precision === "millisecond") {
    const fast = canonicalInZone(iso, timeZone);
    if (fast !== null) return fast;
  }
  return instantInZone(iso, timeZone, precision);
}

function instantInZone(iso: string, timeZone: string, precision: "millisecond" | "second"): string {
  const epoch = Date.parse(iso);
  if (Number.isNaN(epoch)) return iso;
  const offset = timeZone === "UTC" ? 0 : offsetMinutes(epoch, timeZone);
  // The local wall time is the UTC rendering of the shifted instant.
  const wall = new Date(epoch + offset * 60_000).toISOString();
  return (precision === "second" ? wall.slice(0, 19) : wall.slice(0, 23)) + offsetSuffix(offset);
}

/**
 * What a quarter hour of UTC reads as in a zone: the local "YYYY-MM-DDTHH:" and minute of its first
 * instant, and the offset suffix. Null: its local minute is not a quarter boundary (a historical offset
 * such as LMT), so the quarter's minutes could cross a local hour — those instants take the slow path.
 */
type LocalQuarter = { hourPrefix: string; firstMinute: number; suffix: string } | null;
const quarterCache = new Map<string, Map<number, LocalQuarter>>();
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Digits at [at, at + count) of `s` as a number, or -1 when one of them is not a digit. */
function digits(s: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The export's hot path (four instants a row at 100,000 rows/s): an instant stored in the mirror's own
 * shape "YYYY-MM-DDTHH:MM:SS.sssZ" is written without a Date or Intl call. The offset is whole minutes
 * and constant over a UTC quarter hour (offsetMinutes' own rule), so the local seconds and milliseconds
 * are the UTC ones and only the date, hour and minute change: those come from the quarter's first
 * instant, worked out once as instantInZone does. Same text as instantInZone (tests/unit/csv/instant-cells.test.ts
 * compares both, and both with Intl); any other shape, or a value out of range, returns null.
 */
function canonicalInZone(iso: string, timeZone: string): string | null {
  if (iso.length !== 24 || iso.charCodeAt(23) !== 90 /* Z */ || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45 || iso.charCodeAt(10) !== 84 || iso.charCodeAt(13) !== 58 || iso.charCodeAt(16) !== 58 || iso.charCodeAt(19) !== 46) return null;
  const year = digits(iso, 0, 4);
  const month = digits(iso, 5, 2);
  const day = digits(iso, 8, 2);
  const hour = digits(iso, 11, 2);
  const minute = digits(iso, 14, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1] || hour < 0 || hour > 23 || minute < 0 || minute > 59 || digits(iso, 17, 2) < 0 || digits(iso, 17, 2) > 59 || digits(iso, 20, 3) < 0) return null;
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return null;
  if (timeZone === "UTC") return iso;
  const quarter = (daysFromCivil(year, month, day) * 24 + hour) * 4 + Math.floor(minute / 15);
  let zone = quarterCache.get(timeZone);
  if (!zone) {
    zone = new Map();
    quarterCache.set(timeZone, zone);
  }
  let local = zone.get(quarter);
  if (local === undefined) {
    // instantInZone's own steps for the quarter's first instant.
    const offset = offsetMinutes(quarter * QUARTER_HOUR_MS, timeZone);
    const wall = new Date(quarter * QUARTER_HOUR_MS + offset * 60_000).toISOString();
    const firstMinute = Number(wall.slice(14, 16));
    local = firstMinute % 15 === 0 ? { hourPrefix: wall.slice(0, 14), firstMinute, suffix: offsetSuffix(offset) } : null;
    if (zone.size > 100_000) zone.clear();
    zone.set(quarter, local);
  }
  if (local === null) return null;
  return local.hourPrefix + TWO_DIGITS[local.firstMinute + (minute % 15)] + iso.slice(16, 23) + local.suffix;
}

/** The one way every CSV export writes an instant (sales, payouts, logs, team…): exact to the millisecond. */
export function instantCell(iso: string | null | undefined, timeZone: string): TrustedCell | null {
  return iso ? new TrustedCell(formatInstantInZone(iso, timeZone)) : null;
}

/** A header label for an instant column: "Created at (Africa/Abidjan)". */
export function withTimeZone(label: string, timeZone: string): string {
  return `${label} (${timeZone})`;
}

/**
 * A header row: each column's label in the member's language, instant columns naming their zone
 * ("Payée le (Africa/Abidjan)"). `labels` come from the export route (lib/csv/export-route.ts).
 */
export function headerRow<K extends string>(columns: readonly K[], labels: Readonly<Record<K, string>>, timeZone: string, instantColumns: readonly K[] = []): string[] {
  return columns.map((c) => (instantColumns.includes(c) ? withTimeZone(labels[c], timeZone) : labels[c]));
}
