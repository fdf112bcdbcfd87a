// Affiliates as the store learns them — there is no list endpoint (chariow-api.md §6): from code lookups,
// affiliate.joined Pulses (§8) and affiliate-channel sales; and the invitations the team sent.
import "server-only";
import type { Kysely } from "kysely";
import type { Affiliate, InvitationResult } from "@/lib/chariow";
import type { AffiliatesTable, Database } from "@/lib/db";
import { withWriteTransaction } from "@/lib/db/engine-sql";

export type AffiliateSource = "lookup" | "pulse" | "sale";

type AffiliateFields = Omit<AffiliatesTable, "key" | "first_seen_at" | "updated_at">;

function fieldsOf(a: Affiliate, source: AffiliateSource): AffiliateFields {
  return {
    code: a.code,
    id: a.storeAffiliateId ?? a.id,
    account_id: a.accountId,
    status: a.status,
    name: a.name,
    email: a.email?.trim().toLowerCase() || null,
    source,
    commission_rate_percent: a.commissionRatePercent,
    joined_at: a.joinedAt ?? a.createdAt,
    total_visits: a.totalVisits,
    total_sales: a.totalSales,
    total_earnings: a.totalEarnings?.minor ?? null,
    total_earnings_currency: a.totalEarnings?.currency ?? null,
  };
}

/**
 * Records what a lookup or Pulse says about an affiliate, merged with what was known (null = not given).
 * Keyed by referral code when known, else by id; a row first seen by id moves to its code once learnt.
 * A sale only adds an affiliate it names; it never overrides what a lookup or Pulse said. `keepSource`:
 * the row keeps where the store first met the affiliate (the background lookups of lib/sync complete an
 * affiliate met in a sale, which stays "sale").
 */
export async function upsertAffiliate(
  db: Kysely<Database>,
  affiliate: Affiliate,
  source: AffiliateSource,
  at: string = new Date().toISOString(),
  opts: { keepSource?: boolean } = {},
): Promise<void> {
  await withWriteTransaction(db, (trx) => mergeAffiliate(trx, affiliate, source, at, opts));
}

/** upsertAffiliate's body, for callers already inside a mirror write (upsertSales). */
export async function mergeAffiliate(trx: Kysely<Database>, affiliate: Affiliate, source: AffiliateSource, at: string, opts: { keepSource?: boolean } = {}): Promise<void> {
  const incoming = fieldsOf(affiliate, source);
  const key = incoming.code ?? incoming.id ?? affiliate.id;
  {
    const ids = [incoming.id, incoming.account_id].filter((v): v is string => v !== null);
    const existing = await trx
      .selectFrom("affiliates")
      .selectAll()
      .where((eb) => eb.or([eb("key", "=", key), ...(ids.length > 0 ? [eb("id", "in", ids), eb("account_id", "in", ids)] : [])]))
      .execute();
    const prior = existing.find((r) => r.key === key) ?? existing[0];
    const merged: AffiliatesTable = { key, ...incoming, first_seen_at: prior?.first_seen_at ?? at, updated_at: at };
    if (prior) {
      for (const [k, v] of Object.entries(prior) as Array<[keyof AffiliatesTable, unknown]>) {
        if ((merged[k] === null || merged[k] === undefined) && v !== null) (merged as unknown as Record<string, unknown>)[k] = v;
      }
      if (source === "sale" || opts.keepSource) merged.source = prior.source;
      if (prior.first_seen_at < merged.first_seen_at) merged.first_seen_at = prior.first_seen_at;
      await trx.deleteFrom("affiliates").where("key", "in", existing.map((r) => r.key)).execute();
    }
    await trx.insertInto("affiliates").values(merged).execute();
  }
}

/** The affiliate a sale names (store_affiliate, detail only), as the sale source. */
export function affiliateFromSale(storeAffiliate: { id: string; code: string | null }): Affiliate {
  return {
    id: storeAffiliate.id, storeAffiliateId: storeAffiliate.id, accountId: null, code: storeAffiliate.code, name: null, email: null,
    pseudo: null, country: null, phone: null, status: null, source: null, commissionRatePercent: null, totalVisits: null,
    totalReferrals: null, totalSales: null, totalEarnings: null, firstVisitAt: null, lastVisitAt: null, suspendedAt: null,
    suspendedReason: null, joinedAt: null, createdAt: null, updatedAt: null,
  };
}

/**
 * Records an invitation round (§6): sent invitations by id; skipped emails (already affiliate / already
 * invited / not invited) once per email and reason, with the latest attempt's time and sender.
 */
export async function recordInvitations(
  db: Kysely<Database>,
  result: Pick<InvitationResult, "invitations" | "skipped"> & { notInvited?: string[] },
  opts: { sentBy: string | null; at: string },
): Promise<void> {
  const rows = result.invitations.map((i) => ({
    id: i.id, email: i.email.trim().toLowerCase(), status: i.status, result: "sent", expires_at: i.expiresAt, created_at: i.createdAt, sent_by: opts.sentBy, recorded_at: opts.at,
  }));
  const skipped = (emails: string[], reason: string) =>
    emails.map((e) => {
      const email = e.trim().toLowerCase();
      return { id: `${reason}:${email}`, email, status: null, result: reason, expires_at: null, created_at: null, sent_by: opts.sentBy, recorded_at: opts.at };
    });
  rows.push(...skipped(result.skipped?.alreadyAffiliate ?? [], "already_affiliate"), ...skipped(result.skipped?.alreadyInvited ?? [], "already_invited"), ...skipped(result.notInvited ?? [], "not_invited"));
  if (rows.length === 0) return;
  await db
    .insertInto("affiliate_invitations")
    .values(rows)
    .onConflict((oc) =>
      oc.column("id").doUpdateSet((eb) => ({
        status: eb.fn.coalesce("excluded.status", "affiliate_invitations.status"),
        expires_at: eb.fn.coalesce("excluded.expires_at", "affiliate_invitations.expires_at"),
        sent_by: eb.ref("excluded.sent_by"),
        recorded_at: eb.ref("excluded.recorded_at"),
      })),
    )
    .execute();
}
