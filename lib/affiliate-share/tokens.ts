// An affiliate page link's token (issue 21): 32 random bytes (256 bits) in base64url — 43 characters, no
// padding — shown once at creation; only its SHA-256 is stored. A database leak then gives no working link.
// The lookup hashes whatever it is given (any length is cut at 128 characters first), so an unknown, a
// revoked, an expired and a malformed token all take the same path: hash, one indexed read, 404.
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_BYTES = 32;
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token.slice(0, 128), "utf8").digest("hex");
}
