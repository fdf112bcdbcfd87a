// Money as the simulator serves it: integer minor units inside, rendered in either dialect's Amount
// shape with Chariow's formatted strings (chariow-api.md §4: "F CFA 4,900", "FCFA 1,000", "$79.20").
import type { Currency, Dialect } from "./types";

export const EXPONENT: Record<Currency, number> = { XOF: 0, XAF: 0, EUR: 2, USD: 2 };

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

// Formatted strings repeat a lot (a catalogue has few prices): memoise them, bounded.
const formatCache = new Map<string, string>();

export function formatMoney(minor: number, currency: Currency): string {
  const key = currency + minor;
  const hit = formatCache.get(key);
  if (hit !== undefined) return hit;
  const out = formatUncached(minor, currency);
  if (formatCache.size > 50_000) formatCache.clear();
  formatCache.set(key, out);
  return out;
}

function formatUncached(minor: number, currency: Currency): string {
  const exp = EXPONENT[currency];
  const neg = minor < 0;
  const abs = Math.abs(minor);
  const intPart = groupThousands(String(Math.floor(abs / 10 ** exp)));
  const dec = exp > 0 ? "." + String(abs % 10 ** exp).padStart(exp, "0") : "";
  const body = intPart + dec;
  const sign = neg ? "-" : "";
  switch (currency) {
    case "XOF":
      return `${sign}F CFA ${body}`;
    case "XAF":
      return `${sign}FCFA ${body}`;
    case "USD":
      return `${sign}$${body}`;
    case "EUR":
      return `${sign}€${body}`;
  }
}

/** Major units as a JS number (4900 XOF → 4900; 7920 USD cents → 79.2). */
export function toMajor(minor: number, currency: Currency): number {
  const exp = EXPONENT[currency];
  return exp === 0 ? minor : Math.round(minor) / 10 ** exp;
}

/** Compact form seen in current payloads: "79" for $79.20, "4.9K" for 4 900 F CFA. */
export function shortMoney(minor: number, currency: Currency): string {
  const major = toMajor(minor, currency);
  const abs = Math.abs(major);
  const trim = (n: number) => String(Math.round(n * 10) / 10);
  if (abs >= 1_000_000) return trim(major / 1_000_000) + "M";
  if (abs >= 1_000) return trim(major / 1_000) + "K";
  return String(Math.trunc(major));
}

export interface CurrentAmount {
  value: number;
  formatted: string;
  short: string;
  currency: Currency;
}
export interface LegacyAmount {
  amount: number;
  currency: Currency;
  formatted: string;
}

export function amount(minor: number, currency: Currency, dialect: Dialect): CurrentAmount | LegacyAmount {
  if (dialect === "legacy") return { amount: minor, currency, formatted: formatMoney(minor, currency) };
  return { value: toMajor(minor, currency), formatted: formatMoney(minor, currency), short: shortMoney(minor, currency), currency };
}

/**
 * A rate of 1 in the sale's own currency, wrapped like money. The legacy shape carries it in minor units
 * like every other legacy amount (chariow-api.md §4; `{amount: 100, formatted: "$1.00"}`), as an
 * independent mock of Chariow does; seed 001's `{amount: 1.0}` is the other spelling clients must read.
 */
export function exchangeRate(currency: Currency, dialect: Dialect): CurrentAmount | LegacyAmount {
  const one = 10 ** EXPONENT[currency];
  if (dialect === "legacy") return { amount: one, currency, formatted: formatMoney(one, currency) };
  return { value: 1, formatted: formatMoney(one, currency), short: "1", currency };
}
