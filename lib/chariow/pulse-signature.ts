// Verifies a Pulse (webhook) delivery: HMAC-SHA256 of the exact raw body bytes with the Pulse's own
// signing secret, `x-chariow-signature: sha256=<hex>`, compared in constant time (chariow-api.md §8).
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

export type PulseSecrets = string | readonly string[] | Readonly<Record<string, string>>;

export type PulseVerification =
  | { ok: true; pulseId: string | null }
  | { ok: false; reason: "missing_signature" | "malformed_signature" | "no_secret" | "mismatch" };

export interface VerifyPulseInput {
  /** The body exactly as received: re-serialised JSON would not match (Chariow escapes `/`, non-ASCII). */
  rawBody: Buffer | Uint8Array | string;
  signatureHeader: string | null | undefined;
  /** `x-pulse-id`: selects the secret when `secrets` is a map. */
  pulseId?: string | null;
  /** One secret, a list to try, or a map pulseId → secret. */
  secrets: PulseSecrets;
}

const SIGNATURE = /^\s*(?:sha256=)?([0-9a-f]{64})\s*$/i;

export function signPulseBody(rawBody: Buffer | Uint8Array | string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`;
}

function candidates(secrets: PulseSecrets, pulseId: string | null): Array<[string | null, string]> {
  if (typeof secrets === "string") return [[pulseId, secrets]];
  if (Array.isArray(secrets)) return secrets.map((s) => [pulseId, s] as [string | null, string]);
  const map = secrets as Readonly<Record<string, string>>;
  // A known Pulse id uses its own secret only; otherwise every configured secret may be the one.
  if (pulseId !== null && Object.prototype.hasOwnProperty.call(map, pulseId)) return [[pulseId, map[pulseId]]];
  return Object.entries(map);
}

/** Never throws: garbage in any argument yields `{ ok: false, reason }`. */
export function verifyPulseSignature(input: VerifyPulseInput): PulseVerification {
  try {
    const header = input.signatureHeader;
    if (typeof header !== "string" || header.trim() === "") return { ok: false, reason: "missing_signature" };
    const match = SIGNATURE.exec(header);
    if (!match) return { ok: false, reason: "malformed_signature" };
    const received = Buffer.from(match[1].toLowerCase(), "hex");
    const body = typeof input.rawBody === "string" ? Buffer.from(input.rawBody, "utf8") : Buffer.from(input.rawBody);
    const pulseId = typeof input.pulseId === "string" && input.pulseId !== "" ? input.pulseId : null;
    const list = candidates(input.secrets ?? [], pulseId).filter(([, s]) => typeof s === "string" && s !== "");
    if (list.length === 0) return { ok: false, reason: "no_secret" };
    for (const [id, secret] of list) {
      const expected = createHmac("sha256", secret).update(body).digest();
      if (expected.length === received.length && timingSafeEqual(expected, received)) return { ok: true, pulseId: id };
    }
    return { ok: false, reason: "mismatch" };
  } catch {
    return { ok: false, reason: "malformed_signature" };
  }
}
