// The snapshot scope of the signed-in member (docs/offline.md): an opaque name for "this member's kept
// pages" that the dashboard layout writes into every page, with the session's end. The service worker
// keeps each member's pages in a cache of that name, never serves them past that end, and deletes them
// when another member's page or the login page arrives. An HMAC of the member id under AUTH_SECRET: the
// same member on one device finds their pages again, nobody can tell whose pages a cache holds, and the
// id itself never appears in the browser's storage names.
import "server-only";
import { createHmac } from "node:crypto";
import type { Metadata } from "next";
import { auth } from "@/lib/auth/config";
import { getEnv } from "@/lib/env";
import { EXPIRES_META, SCOPE_META } from "@/sw/snapshot-rules";

export function snapshotScope(memberId: string, secret: string): string {
  return createHmac("sha256", secret).update(`snapshot-scope:${memberId}`).digest("hex").slice(0, 32);
}

/** The two meta tags of a dashboard page, or none when no member is signed in. */
export async function snapshotMetadata(): Promise<Metadata> {
  // auth() runs the same live-session check as the layout's requireMember (lib/auth/session.ts).
  const session = await auth();
  const memberId = (session?.user as { id?: unknown } | undefined)?.id;
  if (typeof memberId !== "string" || !session?.expires) return {};
  return { other: { [SCOPE_META]: snapshotScope(memberId, getEnv().AUTH_SECRET), [EXPIRES_META]: new Date(session.expires).toISOString() } };
}
