// Affiliate page links (issue 21, docs/affiliate-links.md): create one for an affiliate the store knows,
// list them with their last visit, revoke one at once — creation and revocation audited — and resolve a
// visitor's token. A link answers only while it is neither revoked nor expired; otherwise, like an unknown
// token, it is "not found" (the page and its JSON answer the same 404 either way).
import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import { z } from "zod";
import { recordAudit, type Actor } from "@/lib/audit";
import type { AffiliateShareLinksTable, Database } from "@/lib/db/schema";
import { AppError, NotFoundError } from "@/lib/errors";
import { affiliateCodeSchema } from "@/lib/affiliates/lookup";
import { hashToken, newToken } from "./tokens";

export const STORE_ID = "store";
export const MAX_EXPIRY_DAYS = 365;

export const createShareLinkSchema = z.object({
  code: affiliateCodeSchema,
  /** Days until the link stops working; omitted or null: it works until revoked. */
  expiresInDays: z.number().int().min(1).max(MAX_EXPIRY_DAYS).nullable().optional(),
});
export type CreateShareLinkInput = z.infer<typeof createShareLinkSchema>;

export type ShareLink = {
  id: string;
  code: string;
  createdAt: string;
  createdBy: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  lastVisitAt: string | null;
  visits: number;
  /** active | expired | revoked */
  state: "active" | "expired" | "revoked";
};

type Row = Selectable<AffiliateShareLinksTable>;

function stateOf(row: Pick<Row, "revoked_at" | "expires_at">, now: Date): ShareLink["state"] {
  if (row.revoked_at !== null) return "revoked";
  if (row.expires_at !== null && row.expires_at <= now.toISOString()) return "expired";
  return "active";
}

export function toShareLink(row: Row, now: Date): ShareLink {
  return {
    id: row.id, code: row.affiliate_code, createdAt: row.created_at, createdBy: row.created_by, expiresAt: row.expires_at,
    revokedAt: row.revoked_at, lastVisitAt: row.last_visit_at, visits: Number(row.visit_count), state: stateOf(row, now),
  };
}

/** A new link for an affiliate of the mirror; the token comes back once, here, and is never stored. */
export async function createShareLink(db: Kysely<Database>, input: CreateShareLinkInput, actor: Actor, now = new Date()): Promise<{ link: ShareLink; token: string }> {
  const known = await db.selectFrom("affiliates").select("code").where("code", "=", input.code).executeTakeFirst();
  if (!known) throw new AppError("code: no affiliate with this code in the dashboard — look it up first", { code: "affiliate_not_found", status: 404, field: "code" });
  const token = newToken();
  const row: Row = {
    id: `asl_${randomUUID().replace(/-/g, "").slice(0, 20)}`,
    store_id: STORE_ID,
    affiliate_code: input.code,
    token_hash: hashToken(token),
    created_by: actor.email,
    created_at: now.toISOString(),
    expires_at: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString() : null,
    revoked_at: null,
    revoked_by: null,
    last_visit_at: null,
    visit_count: 0,
  };
  await db.insertInto("affiliate_share_links").values(row).execute();
  await recordAudit(db, { actor, action: "affiliates.share_link_created", target: input.code, details: { link: row.id, expiresAt: row.expires_at } });
  return { link: toShareLink(row, now), token };
}

/** Every link, newest first (one affiliate's when `code` is given). */
export async function listShareLinks(db: Kysely<Database>, code: string | undefined, now = new Date()): Promise<ShareLink[]> {
  let q = db.selectFrom("affiliate_share_links").selectAll().where("store_id", "=", STORE_ID);
  if (code !== undefined) q = q.where("affiliate_code", "=", code);
  const rows = await q.orderBy("created_at", "desc").orderBy("id").execute();
  return rows.map((r) => toShareLink(r, now));
}

/** Revokes at once (the next visit is a 404); revoking twice keeps the first time. */
export async function revokeShareLink(db: Kysely<Database>, id: string, actor: Actor, now = new Date()): Promise<ShareLink> {
  const row = await db.selectFrom("affiliate_share_links").selectAll().where("id", "=", id).where("store_id", "=", STORE_ID).executeTakeFirst();
  if (!row) throw new NotFoundError("No such link");
  if (row.revoked_at === null) {
    await db.updateTable("affiliate_share_links").set({ revoked_at: now.toISOString(), revoked_by: actor.email }).where("id", "=", id).where("revoked_at", "is", null).execute();
    await recordAudit(db, { actor, action: "affiliates.share_link_revoked", target: row.affiliate_code, details: { link: id } });
  }
  const after = await db.selectFrom("affiliate_share_links").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  return toShareLink(after, now);
}

/**
 * The link a visitor's token opens, or null — unknown, revoked, expired or malformed alike: the token is
 * hashed and looked up whatever it is, and every refusal returns the same null.
 */
export async function resolveShareToken(db: Kysely<Database>, token: string, now = new Date()): Promise<ShareLink | null> {
  const row = await db.selectFrom("affiliate_share_links").selectAll().where("token_hash", "=", hashToken(token)).where("store_id", "=", STORE_ID).executeTakeFirst();
  if (!row) return null;
  const link = toShareLink(row, now);
  return link.state === "active" ? link : null;
}

/** A page view: the last visit and the count (the JSON the live island polls is not a visit). */
export async function recordVisit(db: Kysely<Database>, id: string, now = new Date()): Promise<void> {
  await db
    .updateTable("affiliate_share_links")
    .set((eb) => ({ last_visit_at: now.toISOString(), visit_count: eb("visit_count", "+", 1) }))
    .where("id", "=", id)
    .execute();
}
