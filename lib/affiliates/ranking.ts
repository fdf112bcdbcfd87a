// The known affiliates as a leaderboard in ONE currency (issue 15): two currencies are never added nor
// ranked together (CONVENTIONS: never add two currencies), so the page shows one ranking per currency, the
// currency chosen in the URL or, by default, the one with the most attributed paid sales. Affiliates
// without a sale in that currency follow the ranked ones, unranked. Pure (no database): it orders what
// listKnownAffiliates read.
import type { CurrencyTotal, KnownAffiliate, KnownAffiliates } from "./queries";

export const AFFILIATE_SORT_COLUMNS = ["sales", "revenue"] as const;
export const AFFILIATE_PAGE_SIZES = [25, 50, 100] as const;
export type AffiliateSortColumn = (typeof AFFILIATE_SORT_COLUMNS)[number];

export type AffiliateRankingRow = {
  affiliate: KnownAffiliate;
  /** Its paid sales in the ranking's currency; null when it has none there. */
  total: CurrencyTotal | null;
  /** 1 = the most paid sales (or revenue) in the currency; null for an affiliate without a sale in it. */
  rank: number | null;
};

export type AffiliateRanking = {
  /** The currencies with paid affiliate sales in the range, most attributed sales first (the choices). */
  currencies: { currency: string; sales: number }[];
  /** The ranking's currency; null when no affiliate sale is known at all. */
  currency: string | null;
  rows: AffiliateRankingRow[];
  /** Affiliate-channel sales in that currency whose affiliate is not known yet. */
  unattributed: CurrencyTotal | null;
};

/** "JOHN25", else the name or e-mail, else the key: how two affiliates without sales are ordered. */
const identity = (a: KnownAffiliate) => (a.code ?? a.name ?? a.email ?? a.key).toLocaleLowerCase();

export function rankAffiliates(known: KnownAffiliates, asked: string | undefined, sort: { column: AffiliateSortColumn; dir: "asc" | "desc" } = { column: "sales", dir: "desc" }): AffiliateRanking {
  const perCurrency = new Map<string, number>();
  for (const a of known.affiliates) for (const t of a.totals) perCurrency.set(t.currency, (perCurrency.get(t.currency) ?? 0) + t.sales);
  for (const t of known.unattributed) if (!perCurrency.has(t.currency)) perCurrency.set(t.currency, 0);
  const currencies = [...perCurrency].map(([currency, sales]) => ({ currency, sales })).sort((x, y) => y.sales - x.sales || x.currency.localeCompare(y.currency));
  const currency = asked ?? currencies[0]?.currency ?? null;
  if (asked && !perCurrency.has(asked)) currencies.push({ currency: asked, sales: 0 });

  const withSales: { affiliate: KnownAffiliate; total: CurrencyTotal }[] = [];
  const without: KnownAffiliate[] = [];
  for (const affiliate of known.affiliates) {
    const total = currency === null ? undefined : affiliate.totals.find((t) => t.currency === currency && t.sales > 0);
    if (total) withSales.push({ affiliate, total });
    else without.push(affiliate);
  }
  const metric = (t: CurrencyTotal) => (sort.column === "revenue" ? t.revenue : t.sales);
  const other = (t: CurrencyTotal) => (sort.column === "revenue" ? t.sales : t.revenue);
  // The leaderboard itself: the most first, the other figure then the identity breaking ties.
  const leaderboard = withSales.sort((x, y) => metric(y.total) - metric(x.total) || other(y.total) - other(x.total) || identity(x.affiliate).localeCompare(identity(y.affiliate)));
  const ranked: AffiliateRankingRow[] = leaderboard.map((r, i) => ({ ...r, rank: i + 1 }));
  if (sort.dir === "asc") ranked.reverse();
  const rest = without.sort((x, y) => identity(x).localeCompare(identity(y))).map((affiliate) => ({ affiliate, total: null, rank: null }));
  return {
    currencies,
    currency,
    rows: [...ranked, ...rest],
    unattributed: known.unattributed.find((t) => t.currency === currency) ?? null,
  };
}
