// The rule that turns a code into the member's words (lib/format/codes.ts tells the whole story), apart
// from the table of every known code, so the browser gets the rule without the table (issue 15's
// first-load budget: the table with every audit action is ~1.5 KB compressed). The server decides
// "known" from the table (codes.ts `codeLabel`); a client component from the `Codes` messages it already
// has, which cover exactly the known values (tests/unit/format/codes.test.ts checks both agree).
import type { CodeKind } from "./codes";
import { canonicalPaymentMethod } from "./payment-methods";

/** The part of next-intl's translator of namespace `Codes` that the rule needs (`useTranslations("Codes")`, `getTranslations`, createTranslator). */
export type CodesTranslator = (key: string) => string;

/** The key `code` of `kind` is known under: a payment method's name or id is canonicalised first ("MTN Mobile Money" → "mtn_momo"). */
export function codeKey(kind: CodeKind, code: string): string {
  return kind === "paymentMethod" ? (canonicalPaymentMethod(code) ?? code) : code;
}

/**
 * The words for `code` of `kind`, or the code unchanged when `isKnown` says it has none (a new Chariow
 * value stays visible until it gets words); null, undefined or "" gives "".
 */
export function codeWords(isKnown: (kind: CodeKind, key: string) => boolean, t: CodesTranslator, kind: CodeKind, code: string | null | undefined): string {
  if (code === null || code === undefined || code === "") return "";
  const key = codeKey(kind, code);
  return isKnown(kind, key) ? t(`${kind}.${key}`) : code;
}

/**
 * "Known" read from the `Codes` messages: a message string at `<kind>.<key>` (a dotted key such as
 * "successful.sale" is nested), by own properties only, so "toString" or "constructor" is never a code.
 */
export function knownInMessages(codes: unknown): (kind: CodeKind, key: string) => boolean {
  return (kind, key) => {
    let node: unknown = codes;
    for (const part of [kind, ...key.split(".")]) {
      if (typeof node !== "object" || node === null || !Object.hasOwn(node, part)) return false;
      node = (node as Record<string, unknown>)[part];
    }
    return typeof node === "string";
  };
}
