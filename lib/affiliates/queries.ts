// Reads over the mirror: the invitations the dashboard sent (status derived at read time) and the
// affiliates the store knows, with the sales and revenue attributed to them per currency.
import "server-only";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "@/lib/db";
import { checkDayRange, dayRangeFields } from "@/lib/http/query-fragments";

const PAID = ["completed", "settled"];

// ---- Invitations ----

export const INVITATION_STATUSES = ["pending", "accepted", "expired", "already_affiliate", "already_invited", "not_invited"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const invitationsFilterSchema = z.object({
  status: z.enum(["all", ...INVITATION_STATUSES]).default("all"),
  q: z.string().trim().max(200).optional(),
});
export type InvitationsFilter = z.input<typeof invitationsFilterSchema>;

export type InvitationRow = {
  id: string;
  email: string;
  status: InvitationStatus;
  /** How "accepted" was learnt: Chariow said so, or an affiliate with this email is known (Pulse or lookup). */
  acceptedVia: "chariow" | "pulse" | "lookup" | "sale" | null;
  affiliateCode: string | null;
  expiresAt: string | null;
  sentAt: string | null;
  sentBy: string | null;
  recordedAt: string;
};

/**
 * A sent invitation is accepted when Chariow's status says so or the mirror knows an affiliate with its
 * email (affiliate.joined Pulse, or a lookup); otherwise expired once past expires_at; otherwise pending.
 * Skipped attempts keep their reason as status.
 */
export async function listInvitations(db: Kysely<Database>, filter: InvitationsFilter = {}, now: Date = new Date()): Promise<InvitationRow[]> {
  const f = invitationsFilterSchema.parse(filter);
  let q = db.selectFrom("affiliate_invitations").selectAll();
  if (f.q) q = q.where("email", "like", `%${f.q.toLowerCase().replace(/[%_\\]/g, "")}%`);
  const rows = await q.orderBy("recorded_at", "desc").orderBy("id").execute();
  const emails = [...new Set(rows.map((r) => r.email))];
  const known = new Map<string, { code: string | null; source: string }>();
  for (let i = 0; i < emails.length; i += 500) {
    const chunk = emails.slice(i, i + 500);
    for (const a of await db.selectFrom("affiliates").select(["email", "code", "source"]).where("email", "in", chunk).execute()) {
      if (a.email) known.set(a.email, { code: a.code, source: a.source });
    }
  }
  const nowIso = now.toISOString();
  const out = rows.map((r): InvitationRow => {
    const aff = known.get(r.email) ?? null;
    let status: InvitationStatus;
    let acceptedVia: InvitationRow["acceptedVia"] = null;
    if (r.result !== "sent") status = r.result as InvitationStatus;
    else if (r.status === "accepted") [status, acceptedVia] = ["accepted", "chariow"];
    else if (aff) [status, acceptedVia] = ["accepted", aff.source as "pulse" | "lookup" | "sale"];
    else if (r.status === "expired" || (r.expires_at !== null && new Date(r.expires_at).toISOString() <= nowIso)) status = "expired";
    else status = "pending";
    return {
      id: r.id, email: r.email, status, acceptedVia, affiliateCode: status === "accepted" ? (aff?.code ?? null) : null,
      expiresAt: r.expires_at, sentAt: r.created_at, sentBy: r.sent_by, recordedAt: r.recorded_at,
    };
  });
  return f.status === "all" ? out : out.filter((r) => r.status === f.status);
}

// ---- Known affiliates ----

/** Local paid days (lib/http/query-fragments: days that exist, `from` not after `to`). */
export const knownAffiliatesRangeSchema = z.object(dayRangeFields);
export const knownAffiliatesFilterSchema = knownAffiliatesRangeSchema.superRefine(checkDayRange);
export type KnownAffiliatesFilter = z.input<typeof knownAffiliatesFilterSchema>;

// A GET form sends a field left empty as "": no filter.
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/**
 * The Affiliates page's filters in its URL: the ranking's days and currency, the invitations' status and
 * search (the tables' own keys — sort, page… — are read by readTableState). Parsed with parsePageQuery.
 */
export const affiliatesPageSchema = z
  .object({
    ...dayRangeFields,
    currency: z.preprocess(blank, z.string().regex(/^[A-Z]{3}$/).optional()),
    status: z.preprocess(blank, z.enum(["all", ...INVITATION_STATUSES]).default("all")),
    q: z.preprocess(blank, z.string().trim().max(200).optional()),
  })
  .superRefine(checkDayRange);
export type AffiliatesPageQuery = z.output<typeof affiliatesPageSchema>;

export type CurrencyTotal = { currency: string; sales: number; revenue: number; commission: number | null };

export type KnownAffiliate = {
  key: string;
  code: string | null;
  name: string | null;
  email: string | null;
  status: string | null;
  source: string;
  joinedAt: string | null;
  firstSeenAt: string;
  commissionRatePercent: number | null;
  /** Paid sales attributed in the mirror (in the date range when one is given), per currency, minor units. */
  totals: CurrencyTotal[];
  salesCount: number;
};

export type KnownAffiliates = {
  affiliates: KnownAffiliate[];
  /** Paid affiliate-channel sales in range whose affiliate the mirror does not know (the list endpoint omits it). */
  unattributed: CurrencyTotal[];
};

/**
 * Every affiliate the mirror knows, with paid sales attributed by store-affiliate code or id, per currency;
 * sorted by paid sales in the range (the leaderboard), then code. Range = local paid day, inclusive.
 */
export async function listKnownAffiliates(db: Kysely<Database>, filter: KnownAffiliatesFilter = {}): Promise<KnownAffiliates> {
  const f = knownAffiliatesFilterSchema.parse(filter);
  const affiliates = await db.selectFrom("affiliates").selectAll().execute();
  let q = db
    .selectFrom("sales")
    .select((eb) => [
      "store_affiliate_code", "store_affiliate_id", "currency", "channel",
      eb.fn.countAll<number | string>().as("n"),
      eb.fn.sum<number | string | null>("amount").as("revenue"),
      eb.fn.sum<number | string | null>("affiliate_commission").as("commission"),
      eb.fn.count<number | string>("affiliate_commission").as("commission_known"),
    ])
    .where("status", "in", PAID)
    .where((eb) => eb.or([eb("store_affiliate_code", "is not", null), eb("store_affiliate_id", "is not", null), eb("channel", "=", "affiliate")]));
  if (f.from) q = q.where("paid_local_day", ">=", f.from);
  if (f.to) q = q.where("paid_local_day", "<=", f.to);
  const groups = await q.groupBy(["store_affiliate_code", "store_affiliate_id", "currency", "channel"]).execute();

  const byCode = new Map<string, KnownAffiliate>();
  const byId = new Map<string, KnownAffiliate>();
  const list: KnownAffiliate[] = affiliates.map((a) => {
    const k: KnownAffiliate = {
      key: a.key, code: a.code, name: a.name, email: a.email, status: a.status, source: a.source, joinedAt: a.joined_at,
      firstSeenAt: a.first_seen_at, commissionRatePercent: a.commission_rate_percent, totals: [], salesCount: 0,
    };
    if (a.code) byCode.set(a.code, k);
    for (const id of [a.id, a.account_id]) if (id) byId.set(id, k);
    return k;
  });
  const unattributed: CurrencyTotal[] = [];
  const add = (totals: CurrencyTotal[], currency: string, n: number, revenue: number, commission: number | null) => {
    let t = totals.find((x) => x.currency === currency);
    if (!t) totals.push((t = { currency, sales: 0, revenue: 0, commission: 0 }));
    t.sales += n;
    t.revenue += revenue;
    t.commission = t.commission === null || commission === null ? null : t.commission + commission;
  };
  for (const g of groups) {
    const currency = g.currency ?? "???";
    const n = Number(g.n);
    const commission = Number(g.commission_known) === n ? Number(g.commission ?? 0) : null;
    const target = (g.store_affiliate_code && byCode.get(g.store_affiliate_code)) || (g.store_affiliate_id && byId.get(g.store_affiliate_id)) || null;
    if (target) {
      add(target.totals, currency, n, Number(g.revenue ?? 0), commission);
      target.salesCount += n;
    } else add(unattributed, currency, n, Number(g.revenue ?? 0), commission);
  }
  for (const a of list) a.totals.sort((x, y) => x.currency.localeCompare(y.currency));
  list.sort((x, y) => y.salesCount - x.salesCount || (x.code ?? x.key).localeCompare(y.code ?? y.key));
  return { affiliates: list, unattributed: unattributed.sort((x, y) => x.currency.localeCompare(y.currency)) };
}
