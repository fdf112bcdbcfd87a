// Migration 0011: sessions ended by sign-out (issue 14). Each session token carries a random id; signing
// out records it here until the session would have expired anyway (12 h after sign-in at most), so a
// cookie saved before the sign-out is refused (lib/auth/session-token.ts). Pruned on every sign-out.
import "server-only";
import type { Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("revoked_sessions")
    .addColumn("session_id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("revoked_sessions_expires_idx").on("revoked_sessions").column("expires_at").execute();
}
