// What an affiliate's private page shows (issue 21): their paid sales, revenue and commission per currency
// over a period — the very figures of the Affiliates page's ranking for the same days (listKnownAffiliates:
// paid day, inclusive, attributed by referral code, else by the store-affiliate id) — per product, per day,
// their status and commission rate from Chariow's record in the mirror, and a version the page's live
// island polls. Nothing about customers is read: no name, e-mail, phone or sale reference.
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { listKnownAffiliates, type CurrencyTotal } from "@/lib/affiliates/queries";

const PAID = ["completed", "settled"] as const;

export type AffiliateRecord = {
  code: string;
  name: string | null;
  status: string | null;
  commissionRatePercent: number | null;
  /** When the mirror's record last changed (a lookup, a Pulse, a sale naming the affiliate). */
  updatedAt: string;
};

export type ProductRow = { productId: string; productName: string | null; currency: string; sales: number; revenue: number; commission: number | null };
export type DayRow = { day: string; currency: string; sales: number; revenue: number };

export type AffiliatePageFigures = {
  affiliate: AffiliateRecord;
  range: { from: string | undefined; to: string | undefined };
  totals: CurrencyTotal[];
  products: ProductRow[];
  days: DayRow[];
};

/** The affiliate's record, by referral code; null when the mirror no longer knows the code. */
export async function affiliateRecord(db: Kysely<Database>, code: string): Promise<(AffiliateRecord & { id: string | null; accountId: string | null }) | null> {
  const a = await db.selectFrom("affiliates").selectAll().where("code", "=", code).executeTakeFirst();
  if (!a) return null;
  // The name shown is what the affiliate calls themself (their name or pseudo); never their e-mail.
  return { code, name: a.name, status: a.status, commissionRatePercent: a.commission_rate_percent, updatedAt: a.updated_at, id: a.id, accountId: a.account_id };
}

/**
 * The affiliate's sales as the ranking attributes them: their code, or — when the sale's code is none the
 * mirror knows (or there is none) — one of their store-affiliate ids.
 */
function ownSales(db: Kysely<Database>, code: string, ids: string[]) {
  return db.selectFrom("sales").where((eb) =>
    eb.or([
      eb("store_affiliate_code", "=", code),
      ...(ids.length === 0
        ? []
        : [
            eb.and([
              eb("store_affiliate_id", "in", ids),
              eb.or([eb("store_affiliate_code", "is", null), eb("store_affiliate_code", "not in", eb.selectFrom("affiliates").select("code").where("code", "is not", null))]),
            ]),
          ]),
    ]),
  );
}

export async function affiliatePageFigures(db: Kysely<Database>, code: string, range: { from?: string; to?: string }): Promise<AffiliatePageFigures | null> {
  const record = await affiliateRecord(db, code);
  if (!record) return null;
  const ids = [record.id, record.accountId].filter((x): x is string => x !== null);
  const paidIn = <Q extends ReturnType<typeof ownSales>>(q: Q) => {
    let out = q.where("status", "in", [...PAID]);
    if (range.from) out = out.where("paid_local_day", ">=", range.from);
    if (range.to) out = out.where("paid_local_day", "<=", range.to);
    return out as Q;
  };
  const [known, products, days] = await Promise.all([
    listKnownAffiliates(db, range),
    paidIn(ownSales(db, code, ids))
      .select((eb) => [
        "product_id", "currency",
        eb.fn.max("product_name").as("product_name"),
        eb.fn.countAll<number | string>().as("n"),
        eb.fn.sum<number | string | null>("amount").as("revenue"),
        eb.fn.sum<number | string | null>("affiliate_commission").as("commission"),
        eb.fn.count<number | string>("affiliate_commission").as("commission_known"),
      ])
      .groupBy(["product_id", "currency"])
      .execute(),
    paidIn(ownSales(db, code, ids))
      .select((eb) => ["paid_local_day", "currency", eb.fn.countAll<number | string>().as("n"), eb.fn.sum<number | string | null>("amount").as("revenue")])
      .groupBy(["paid_local_day", "currency"])
      .orderBy("paid_local_day")
      .execute(),
  ]);
  const totals = known.affiliates.find((a) => a.code === code)?.totals ?? [];
  return {
    affiliate: { code, name: record.name, status: record.status, commissionRatePercent: record.commissionRatePercent, updatedAt: record.updatedAt },
    range: { from: range.from, to: range.to },
    totals,
    products: products
      .map((p) => ({
        productId: p.product_id ?? "unknown",
        productName: p.product_name ?? null,
        currency: p.currency ?? "???",
        sales: Number(p.n),
        revenue: Number(p.revenue ?? 0),
        commission: Number(p.commission_known) === Number(p.n) ? Number(p.commission ?? 0) : null,
      }))
      .sort((a, b) => a.currency.localeCompare(b.currency) || b.revenue - a.revenue || a.productId.localeCompare(b.productId)),
    days: days.filter((d) => d.paid_local_day !== null).map((d) => ({ day: d.paid_local_day!, currency: d.currency ?? "???", sales: Number(d.n), revenue: Number(d.revenue ?? 0) })),
  };
}

/**
 * A fingerprint of everything the affiliate's page could show: how many of their sales the mirror holds,
 * in which statuses, and the newest change. A Pulse for one of their sales changes it; the island reloads.
 */
export async function affiliateVersion(db: Kysely<Database>, code: string): Promise<string | null> {
  return (await affiliateVersionInfo(db, code))?.version ?? null;
}

/** The version, and the newest change to the affiliate's sales in the mirror (null: none yet). */
export async function affiliateVersionInfo(db: Kysely<Database>, code: string): Promise<{ version: string; latestChangeAt: string | null } | null> {
  const record = await affiliateRecord(db, code);
  if (!record) return null;
  const ids = [record.id, record.accountId].filter((x): x is string => x !== null);
  const row = await ownSales(db, code, ids)
    .select((eb) => [
      eb.fn.countAll<number | string>().as("n"),
      sql<number | string>`sum(case when status in ('completed', 'settled') then 1 else 0 end)`.as("paid"),
      eb.fn.max("source_at").as("latest"),
    ])
    .executeTakeFirstOrThrow();
  const latest = (row.latest as string | null) ?? null;
  return { version: `${Number(row.n)}:${Number(row.paid ?? 0)}:${latest ?? ""}:${record.updatedAt}:${record.status ?? ""}:${record.commissionRatePercent ?? ""}`, latestChangeAt: latest };
}
