// Invite tokens: 256 random bits in the link, only their SHA-256 in the database, so a database
// dump or backup cannot be turned into working invite links.
import "server-only";
import { createHash, randomBytes } from "node:crypto";

export const INVITE_TTL_DAYS = 7;

export function newInviteToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
