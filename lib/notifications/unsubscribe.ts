// The unsubscribe link in every e-mail (issue 19): /unsubscribe?m=<member>&w=<what>&s=<signature>, signed
// with HMAC-SHA256 under AUTH_SECRET so it works without signing in and cannot be forged for another
// member. `what`: the daily digest, the weekly digest, alerts by e-mail, or every e-mail.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

export const UNSUBSCRIBE_WHATS = ["daily", "weekly", "alerts", "all"] as const;
export type UnsubscribeWhat = (typeof UNSUBSCRIBE_WHATS)[number];

function sign(secret: string, memberId: string, what: UnsubscribeWhat): string {
  return createHmac("sha256", secret).update(`unsubscribe:${memberId}:${what}`).digest("base64url");
}

export function unsubscribeUrl(appUrl: string, secret: string, memberId: string, what: UnsubscribeWhat): string {
  const url = new URL("/unsubscribe", appUrl);
  url.searchParams.set("m", memberId);
  url.searchParams.set("w", what);
  url.searchParams.set("s", sign(secret, memberId, what));
  return url.toString();
}

/** True when `signature` is the link's own for this member and choice (constant-time). */
export function verifyUnsubscribe(secret: string, memberId: string, what: UnsubscribeWhat, signature: string): boolean {
  const expected = Buffer.from(sign(secret, memberId, what));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
