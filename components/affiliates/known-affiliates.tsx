// The affiliates the store knows, as a leaderboard in one currency at a time (lib/affiliates/ranking.ts):
// one link per currency above the table (XOF and XAF named apart), then one page of the ranking in the one
// table. An affiliate known only by a sale (no code, name or status yet) says so in words. Shared
// component: the page renders it on the server, all of it works before JavaScript.
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { DataTable, type Column } from "@/components/data-table/data-table";
import { hrefWith, type TableSort } from "@/components/data-table/table-state";
import { buttonClass } from "@/components/ui/button";
import { CodeLabel } from "@/components/ui/code-label";
import { DateTime } from "@/components/ui/date-time";
import { AFFILIATE_PAGE_SIZES, type AffiliateRanking, type AffiliateRankingRow } from "@/lib/affiliates/ranking";
import type { SearchParamsRecord } from "@/lib/http/page-query";
import { formatMoney } from "@/lib/money";

export type KnownAffiliatesProps = {
  ranking: AffiliateRanking;
  /** The ranking rows of the current page. */
  rows: readonly AffiliateRankingRow[];
  page: { number: number; size: number; hasMore: boolean; totalRows: number };
  url: { pathname: string; query: SearchParamsRecord };
  sort: TableSort;
  hidden: readonly string[];
  exportHref: string | null;
};

function currencyName(code: string, locale: string): string | null {
  try {
    return new Intl.DisplayNames(locale, { type: "currency", fallback: "none" }).of(code) ?? null;
  } catch {
    return null;
  }
}

export function KnownAffiliates({ ranking, rows, page, url, sort, hidden, exportHref }: KnownAffiliatesProps) {
  const t = useTranslations("Affiliates.known");
  const locale = useLocale();
  const format = useFormatter();
  const muted = (text: string) => <span className="text-zinc-600 dark:text-zinc-400">{text}</span>;
  const money = (minor: number) => (ranking.currency ? formatMoney({ minor, currency: ranking.currency }, locale) : format.number(minor));
  const columns: Column<AffiliateRankingRow>[] = [
    {
      id: "affiliate",
      header: t("columns.affiliate"),
      alwaysVisible: true,
      card: "title",
      cell: ({ affiliate: a, rank }) => {
        const named = a.name ?? a.email;
        return (
          <span className="flex flex-col" data-code={a.code ?? ""}>
            <span>
              {rank !== null ? <span className="mr-1 tabular-nums text-zinc-600 dark:text-zinc-400">{t("rank", { rank })}</span> : null}
              {named ?? (a.code ? <span className="font-mono">{a.code}</span> : t("unidentified"))}
            </span>
            {named && a.code ? <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{a.code}</span> : null}
            {!named && !a.code ? <span className="text-xs text-zinc-600 dark:text-zinc-400">{t("unidentifiedHelp")}</span> : null}
          </span>
        );
      },
    },
    {
      id: "revenue",
      header: t("columns.revenue"),
      sortable: ranking.currency !== null,
      align: "right",
      card: "amount",
      cell: ({ total }) => <span data-testid="affiliate-revenue">{total ? money(total.revenue) : muted(t("noSale"))}</span>,
    },
    { id: "status", header: t("columns.status"), card: "status", cell: ({ affiliate: a }) => (a.status ? <CodeLabel kind="affiliateStatus" code={a.status} /> : muted(t("statusUnknown"))) },
    { id: "joined", header: t("columns.joined"), card: "date", cell: ({ affiliate: a }) => (a.joinedAt ? <DateTime value={a.joinedAt} style="date" /> : muted(t("unknown"))) },
    { id: "sales", header: t("columns.sales"), sortable: ranking.currency !== null, align: "right", cell: ({ total }) => format.number(total?.sales ?? 0) },
    {
      id: "commission",
      header: t("columns.commission"),
      align: "right",
      cell: ({ affiliate: a, total }) =>
        total
          ? total.commission === null
            ? muted(t("unknown"))
            : money(total.commission)
          : a.commissionRatePercent === null
            ? muted(t("unknown"))
            : t("rate", { rate: format.number(a.commissionRatePercent / 100, { style: "percent", maximumFractionDigits: 2 }) }),
    },
    { id: "source", header: t("columns.source"), cell: ({ affiliate: a }) => t(`sources.${a.source as "lookup" | "pulse" | "sale"}`) },
  ];
  return (
    <div className="space-y-3">
      {ranking.currencies.length > 1 ? (
        <ul className="flex flex-wrap gap-2" aria-label={t("currencies")} data-testid="affiliate-currencies">
          {ranking.currencies.map(({ currency, sales }) => {
            const name = currencyName(currency, locale);
            const current = currency === ranking.currency;
            return (
              <li key={currency}>
                <Link
                  prefetch={false}
                  href={hrefWith(url.pathname, url.query, { currency })}
                  aria-current={current ? "true" : undefined}
                  className={buttonClass(current ? "primary" : "secondary", "min-h-11 rounded-full")}
                  data-testid={`affiliate-currency-${currency}`}
                >
                  {t("currencyTab", { currency, name: name ?? currency, sales })}
                </Link>
              </li>
            );
          })}
        </ul>
      ) : null}
      {ranking.currency ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("rankedIn", { currency: ranking.currency, name: currencyName(ranking.currency, locale) ?? ranking.currency })}</p> : null}
      <DataTable
        testId="known-affiliates-table"
        label={t("title")}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.affiliate.key}
        url={url}
        sort={sort}
        hidden={hidden}
        page={{ ...page, sizes: AFFILIATE_PAGE_SIZES }}
        emptyMessage={t("empty")}
        exportControl={exportHref ? { href: exportHref, expectedRows: null, filename: "affiliates.csv" } : null}
      />
      {ranking.unattributed ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="affiliates-unattributed">
          {t("unattributed", { sales: ranking.unattributed.sales, revenue: money(ranking.unattributed.revenue) })}
        </p>
      ) : null}
    </div>
  );
}
