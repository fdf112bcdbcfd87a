// Formatting helpers the analytics islands share: a local day bucket as a short label, and money for
// charts (which work in major units) through lib/money's one formatter.
import { currencyExponent, formatMoney } from "@/lib/money";
import type { Interval } from "@/lib/analytics/date-range";

/** Minor units → a number in major units for a chart axis (display only; totals stay integers). */
export function toChartMajor(minor: number, currency: string): number {
  return minor / 10 ** currencyExponent(currency);
}

export function chartMoneyFormatter(currency: string, locale: string): (major: number) => string {
  const factor = 10 ** currencyExponent(currency);
  return (major) => formatMoney({ minor: Math.round(major * factor), currency }, locale);
}

/** "2026-03-29" → "29 Mar" (day, week start) or "Mar 2026" (month), in the user's language. */
export function bucketLabel(bucket: string, interval: Interval, locale: string): string {
  const date = new Date(`${bucket}T00:00:00Z`);
  const options: Intl.DateTimeFormatOptions =
    interval === "month" ? { month: "short", year: "numeric", timeZone: "UTC" } : { day: "numeric", month: "short", timeZone: "UTC" };
  return new Intl.DateTimeFormat(locale, options).format(date);
}
