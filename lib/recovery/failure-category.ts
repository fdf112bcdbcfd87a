// Groups `payment.failure_error` (chariow-api.md §5: a free `code` and `message`) into the readable
// categories of the recovery worklist. Codes vary by gateway, so matching is by keywords in both.
export const FAILURE_CATEGORIES = ["insufficient_funds", "declined", "cancelled", "timeout", "abandoned", "other"] as const;
export type FailureCategory = (typeof FAILURE_CATEGORIES)[number];

const RULES: ReadonlyArray<[FailureCategory, RegExp]> = [
  ["insufficient_funds", /insufficient|not[_ ]enough|solde|fonds insuffisants|balance|limit[_ ]exceeded|plafond/i],
  ["cancelled", /cancel|annul|user[_ ]abort|rejected[_ ]by[_ ](user|customer)/i],
  ["timeout", /time[_ ]?out|unavailable|indisponible|expired[_ ]session|no[_ ]response|did not respond|délai/i],
  ["declined", /declin|authentication[_ ]failed|refus|denied|expired[_ ]card|invalid[_ ](otp|pin|card|cvv)|fraud|do[_ ]not[_ ]honou?r/i],
];

/** The category of one failed or abandoned sale; an abandoned checkout without an error is "abandoned". */
export function failureCategory(status: string, code: string | null, message: string | null): FailureCategory {
  const text = `${code ?? ""} ${message ?? ""}`.trim();
  if (text === "") return status === "abandoned" ? "abandoned" : "other";
  for (const [category, pattern] of RULES) if (pattern.test(text)) return category;
  return "other";
}
