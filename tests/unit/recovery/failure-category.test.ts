// Failure reasons (free gateway codes and messages) grouped into the worklist's readable categories.
import { describe, expect, it } from "vitest";
import { failureCategory } from "@/lib/recovery/failure-category";

describe("failureCategory", () => {
  it.each([
    ["failed", "insufficient_funds", "Insufficient funds on the customer's account.", "insufficient_funds"],
    ["failed", "transaction_limit_exceeded", "The mobile money transaction limit has been exceeded.", "insufficient_funds"],
    ["failed", "card_declined", "The card was declined by the issuing bank.", "declined"],
    ["failed", "expired_card", "The card has expired.", "declined"],
    ["failed", "invalid_otp", "The confirmation code entered is invalid.", "declined"],
    ["failed", "cancelled_by_user", "The payment was cancelled by the customer.", "cancelled"],
    ["failed", "timeout", "The payment provider did not respond in time.", "timeout"],
    // An operator that is down: the customer can try again later, as after a timeout.
    ["failed", "operator_unavailable", "The mobile money operator is unavailable.", "timeout"],
    ["failed", "authentication_failed", "3-D Secure authentication failed.", "declined"],
    ["failed", "E42", "Fonds insuffisants", "insufficient_funds"],
    ["failed", "weird_gateway_error", "Something else", "other"],
    ["failed", null, null, "other"],
    ["abandoned", null, null, "abandoned"],
    ["abandoned", "cancelled_by_user", null, "cancelled"],
  ])("%s %s / %s → %s", (status, code, message, expected) => {
    expect(failureCategory(status, code, message)).toBe(expected);
  });
});
