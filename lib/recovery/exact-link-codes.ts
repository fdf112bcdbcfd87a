// What an exact recovery link (exact-link.ts) can say, safe on the client: its states, Chariow's steps and
// the error codes a caller branches on (words: messages/<locale>/recovery.json `Recovery.exactLink`).
// No zod and no server module here: the lead panel's button imports it (tests/unit/client-bundle.test.ts).

export type ExactLinkStatus = "pending" | "created" | "unknown";
export type ExactLinkStep = "payment" | "completed" | "already_purchased";

export const EXACT_LINK_ERROR_CODES = [
  "lead_not_found",
  "lead_not_recoverable",
  "lead_incomplete",
  "checkout_in_progress",
  "checkout_outcome_unknown",
  "checkout_refused",
  "discount_code_refused",
] as const;
export type ExactLinkErrorCode = (typeof EXACT_LINK_ERROR_CODES)[number];

export function isExactLinkErrorCode(code: string): code is ExactLinkErrorCode {
  return (EXACT_LINK_ERROR_CODES as readonly string[]).includes(code);
}
