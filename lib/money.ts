// Money for the whole app: integer minor units + ISO 4217 code, exact major↔minor conversion and the
// one place that formats amounts (Intl.NumberFormat with each currency's own decimals).

/** An amount of one currency as an integer count of its minor unit (cents for USD, francs for XOF). */
export interface Money {
  minor: number;
  currency: string;
}

export class MoneyError extends Error {
  override name = "MoneyError";
}

// ISO 4217 minor-unit exponents that are not 2. Intl's CLDR data disagrees with ISO for a few codes
// (e.g. it formats IQD with 0 digits), so the exponent used for storage comes from this table.
const ZERO_DECIMAL = ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"];
const THREE_DECIMAL = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];
const FOUR_DECIMAL = ["CLF", "UYW"];
const EXPONENTS: ReadonlyMap<string, number> = new Map([
  ...ZERO_DECIMAL.map((c) => [c, 0] as const),
  ...THREE_DECIMAL.map((c) => [c, 3] as const),
  ...FOUR_DECIMAL.map((c) => [c, 4] as const),
]);

const CURRENCY_CODE = /^[A-Z]{3}$/;

/** Normalises a currency code ("xof" → "XOF"); throws on anything that is not three letters. */
export function normalizeCurrency(code: string): string {
  const upper = typeof code === "string" ? code.trim().toUpperCase() : "";
  if (!CURRENCY_CODE.test(upper)) throw new MoneyError(`Invalid currency code: ${JSON.stringify(code)}`);
  return upper;
}

/** Number of decimals of the currency's minor unit per ISO 4217 (XOF 0, USD 2, KWD 3). */
export function currencyExponent(currency: string): number {
  return EXPONENTS.get(normalizeCurrency(currency)) ?? 2;
}

export interface ToMinorOptions {
  /** Chariow never sends negative amounts, so a negative one is an error unless asked for. */
  allowNegative?: boolean;
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$|^([+-])?\.(\d+)(?:[eE]([+-]?\d+))?$/;

interface Decimal {
  negative: boolean;
  digits: string; // all significant digits, no dot
  scale: number; // value = digits × 10^-scale
}

function parseDecimal(text: string): Decimal | null {
  const m = DECIMAL.exec(text.trim());
  if (!m) return null;
  const sign = m[1] ?? m[5];
  const intPart = m[2] ?? "0";
  const fracPart = m[3] ?? m[6] ?? "";
  const exp = Number(m[4] ?? m[7] ?? "0");
  return { negative: sign === "-", digits: intPart + fracPart, scale: fracPart.length - exp };
}

/** Exact decimal → integer minor units, or null when the value has more precision than the currency. */
function decimalToMinor(d: Decimal, exponent: number): bigint | null {
  const shift = exponent - d.scale;
  let digits = d.digits;
  if (shift >= 0) digits += "0".repeat(shift);
  else {
    const dropped = digits.slice(digits.length + shift);
    if (/[1-9]/.test(dropped)) return null;
    digits = digits.slice(0, digits.length + shift) || "0";
  }
  const value = BigInt(digits);
  return d.negative ? -value : value;
}

/**
 * Major units (a number like 79.2 or a decimal string like "79.20") → integer minor units, exactly.
 * Numbers go through their shortest decimal form, so 79.2 USD → 7920 with no float drift; values that
 * carry binary noise (0.1 + 0.2) are read at 15 significant digits, which is what the sender meant.
 */
export function toMinor(major: number | string, currency: string, options: ToMinorOptions = {}): number {
  const exponent = currencyExponent(currency);
  let minor: bigint | null = null;
  if (typeof major === "number") {
    if (!Number.isFinite(major)) throw new MoneyError(`Amount is not a finite number: ${major}`);
    const exact = parseDecimal(String(major));
    minor = exact && decimalToMinor(exact, exponent);
    if (minor === null) {
      const denoised = parseDecimal(String(Number(major.toPrecision(15))));
      minor = denoised && decimalToMinor(denoised, exponent);
    }
  } else if (typeof major === "string") {
    const parsed = parseDecimal(major);
    if (!parsed) throw new MoneyError(`Amount is not a decimal number: ${JSON.stringify(major)}`);
    minor = decimalToMinor(parsed, exponent);
  } else {
    throw new MoneyError(`Amount must be a number or a decimal string`);
  }
  if (minor === null) {
    throw new MoneyError(`${String(major)} ${currency} has more than ${exponent} decimal(s)`);
  }
  return checkMinor(minor, options);
}

/**
 * The whole number of minor units on the inside of a filter bound: amounts are whole minor units, so
 * "≥ 1.5 XOF" is exactly "≥ 2 XOF" (`"up"`) and "≤ 1.5 XOF" exactly "≤ 1 XOF" (`"down"`). Exact when the
 * bound has no more decimals than the currency. Clamped to the safe integer range.
 */
export function minorBound(major: string, currency: string, rounding: "up" | "down"): number {
  const parsed = parseDecimal(major);
  if (!parsed || parsed.negative) throw new MoneyError(`Amount is not a positive decimal number: ${JSON.stringify(major)}`);
  const shift = currencyExponent(currency) - parsed.scale;
  let minor: bigint;
  if (shift >= 0) minor = BigInt(parsed.digits) * 10n ** BigInt(shift);
  else {
    const divisor = 10n ** BigInt(-shift);
    const value = BigInt(parsed.digits);
    minor = value / divisor + (rounding === "up" && value % divisor !== 0n ? 1n : 0n);
  }
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  return Number(minor > max ? max : minor);
}

/** Validates a count of minor units that arrived as such (Chariow's older `amount` field). */
export function parseMinor(value: number | string, options: ToMinorOptions = {}): number {
  const parsed = parseDecimal(String(value));
  const minor = parsed && decimalToMinor(parsed, 0);
  if (minor === null) throw new MoneyError(`Minor amount is not an integer: ${JSON.stringify(value)}`);
  return checkMinor(minor, options);
}

function checkMinor(minor: bigint, options: ToMinorOptions): number {
  if (minor < 0n && !options.allowNegative) throw new MoneyError(`Negative amount: ${minor}`);
  if (minor > BigInt(Number.MAX_SAFE_INTEGER) || minor < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new MoneyError(`Amount out of the safe integer range: ${minor}`);
  }
  return Number(minor) + 0; // + 0 turns -0 into 0
}

/** Integer minor units → exact decimal string in major units ("7920" USD → "79.20"). */
export function toMajorString(money: Money): string {
  assertMoney(money);
  const exponent = currencyExponent(money.currency);
  const abs = Math.abs(money.minor).toString().padStart(exponent + 1, "0");
  const sign = money.minor < 0 ? "-" : "";
  if (exponent === 0) return sign + abs;
  return `${sign}${abs.slice(0, -exponent)}.${abs.slice(-exponent)}`;
}

export function money(minor: number, currency: string): Money {
  const m = { minor, currency: normalizeCurrency(currency) };
  assertMoney(m);
  return m;
}

function assertMoney(m: Money): void {
  if (!Number.isSafeInteger(m.minor)) throw new MoneyError(`Minor amount must be a safe integer: ${m.minor}`);
  normalizeCurrency(m.currency);
}

/** Sums amounts of one currency; adding two currencies is a bug, so it throws. */
export function addMoney(a: Money, ...rest: Money[]): Money {
  assertMoney(a);
  let total = a.minor;
  for (const b of rest) {
    assertMoney(b);
    if (b.currency !== a.currency) {
      throw new MoneyError(`Cannot add ${b.currency} to ${a.currency}`);
    }
    total += b.minor;
  }
  if (!Number.isSafeInteger(total)) throw new MoneyError("Sum out of the safe integer range");
  return { minor: total, currency: a.currency };
}

export function subtractMoney(a: Money, b: Money): Money {
  return addMoney(a, { minor: -b.minor, currency: b.currency });
}

const formatters = new Map<string, Intl.NumberFormat>();

// The two CFA francs are different currencies at par but not interchangeable (XOF: West Africa, XAF:
// Central Africa), and ICU's symbols tell them apart by one space ("F CFA" / "FCFA"), in English too. A
// store can sell in both, so they show their ISO code, which merchants also write (issue 15).
const SHOWN_AS_CODE: ReadonlySet<string> = new Set(["XOF", "XAF"]);

/**
 * Formats with Intl and the currency's ISO decimals. On Node 20 (ICU 7x) this gives, with (narrow)
 * no-break spaces: fr "4 900 XOF", "1 000 XAF", "1 234,50 €"; en "XOF 4,900", "XAF 1,000", "€1,234.50".
 */
export function formatMoney(m: Money, locale: string): string {
  const exponent = currencyExponent(m.currency);
  const key = `${locale}|${m.currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: "currency",
      currency: m.currency,
      currencyDisplay: SHOWN_AS_CODE.has(m.currency) ? "code" : "symbol",
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
    formatters.set(key, formatter);
  }
  // Intl formats a decimal string exactly (no trip through a float), so big amounts stay exact.
  return formatter.format(toMajorString(m) as unknown as number); // string input is ES2023 Intl.NumberFormat v3
}
