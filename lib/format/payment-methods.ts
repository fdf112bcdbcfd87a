// One key per payment method, whichever form Chariow sent: sale details carry the method's id
// ("mtn_momo") and Pulses or older payloads its display name ("MTN Mobile Money") — chariow-api.md §5.
// Both must land on the same key, or a method is counted twice (issue 15: `mtn_momo` 108 sales next to
// "MTN Mobile Money" 0). Safe on the client and the server (no I/O).

/** The canonical method keys the app has words for (messages Codes.paymentMethod.<key>). */
export const PAYMENT_METHOD_KEYS = [
  "mtn_momo",
  "orange_money",
  "wave",
  "moov_money",
  "airtel_money",
  "free_money",
  "t_money",
  "mpesa",
  "card",
  "paypal",
] as const;
export type PaymentMethodKey = (typeof PAYMENT_METHOD_KEYS)[number];

// Names (and id spellings) seen for each method, compared after `foldName`. The simulator's names
// (simulator/catalog.ts METHODS) and the operators' own brand spellings.
const ALIASES: Readonly<Record<PaymentMethodKey, readonly string[]>> = {
  mtn_momo: ["mtn mobile money", "mtn momo", "momo", "mtn money", "mtn"],
  orange_money: ["orange money", "orange"],
  wave: ["wave", "wave mobile money"],
  moov_money: ["moov money", "moov", "flooz", "moov africa money"],
  airtel_money: ["airtel money", "airtel"],
  free_money: ["free money"],
  t_money: ["t money", "tmoney", "togocom t money"],
  mpesa: ["m pesa", "mpesa"],
  card: ["card", "credit debit card", "credit card", "debit card", "bank card", "carte bancaire", "carte", "visa mastercard"],
  paypal: ["paypal"],
};

/** Lower case, accents dropped, every run of non-alphanumerics one space: "Credit/Debit Card" → "credit debit card". */
function foldName(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const BY_FOLDED = new Map<string, PaymentMethodKey>();
for (const key of PAYMENT_METHOD_KEYS) {
  BY_FOLDED.set(foldName(key), key); // "mtn_momo" folds to "mtn momo"
  for (const alias of ALIASES[key]) BY_FOLDED.set(foldName(alias), key);
}

/**
 * The canonical key of a method given by id or by name ("mtn_momo", "MTN Mobile Money" → "mtn_momo").
 * A method the app does not know keeps the value it came with (trimmed), so it still shows and groups
 * by itself; null or blank stays null.
 */
export function canonicalPaymentMethod(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === "") return null;
  return BY_FOLDED.get(foldName(trimmed)) ?? trimmed;
}

/** Every id or name that reads as `key` (for SQL backfills that rewrite stored values). */
export function paymentMethodSpellings(key: PaymentMethodKey): string[] {
  return [key, ...ALIASES[key]];
}
