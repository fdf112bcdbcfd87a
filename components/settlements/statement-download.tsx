// "Relevé du mois (PDF)" (issue 16): the month's payout statement of one currency for the accountant
// (GET /api/settlements/statement.pdf, lib/settlements/statement-pdf.ts). The month (last month by default)
// and the currency (those with payouts) are chosen by links that reload the page (`statement_month`,
// `statement_currency`), the download is a plain link: all of it works before JavaScript.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format/date-time";

const NAV_LINK = "inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border border-zinc-300 px-3 text-sm text-zinc-900 hover:bg-zinc-50 dark:border-zinc-700 dark:text-zinc-100 dark:hover:bg-zinc-800";

export type StatementDownloadProps = {
  /** The month chosen, "YYYY-MM". */
  month: string;
  /** The currency chosen (null: the store has no payout yet). */
  currency: string | null;
  /** The currencies that have payouts, most used first. */
  currencies: readonly string[];
  previousHref: string;
  /** Null from the current month on (no statement of a month to come). */
  nextHref: string | null;
  currencyHref: (currency: string) => string;
};

export function StatementDownload({ month, currency, currencies, previousHref, nextHref, currencyHref }: StatementDownloadProps) {
  const t = useTranslations("Settlements");
  const locale = useLocale();
  const monthWords = formatDateTime(`${month}-01`, { locale, timeZone: "UTC" }, "month");
  const href = currency ? `/api/settlements/statement.pdf?${new URLSearchParams({ month, currency }).toString()}` : null;
  return (
    <Card title={t("statement.title")} testId="statement">
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">{t("statement.help")}</p>
      <nav aria-label={t("statement.title")} className="mb-3 flex items-center gap-2">
        <Link prefetch={false} scroll={false} href={previousHref} className={NAV_LINK} aria-label={t("calendar.previousMonth")} data-testid="statement-month-previous">
          <span aria-hidden="true">‹</span>
        </Link>
        <span className="min-w-0 flex-1 text-center text-sm font-semibold first-letter:uppercase" data-testid="statement-month" data-month={month}>
          {monthWords}
        </span>
        {nextHref ? (
          <Link prefetch={false} scroll={false} href={nextHref} className={NAV_LINK} aria-label={t("calendar.nextMonth")} data-testid="statement-month-next">
            <span aria-hidden="true">›</span>
          </Link>
        ) : (
          <span className="min-w-11" />
        )}
      </nav>
      {currencies.length > 1 ? (
        <ul aria-label={t("statement.currency")} className="mb-3 flex flex-wrap gap-2">
          {currencies.map((c) => (
            <li key={c}>
              <Link prefetch={false} scroll={false} href={currencyHref(c)} aria-current={c === currency ? "true" : undefined} className={buttonClass(c === currency ? "primary" : "secondary", "rounded-full")}>
                {c}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {href && currency ? (
        // A plain link, not next/link: the answer is a PDF to download, not a page.
        <a href={href} download data-testid="statement-download" data-month={month} data-currency={currency} className={buttonClass("primary")}>
          {t("statement.download", { month: monthWords, currency })}
        </a>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("statement.none")}</p>
      )}
    </Card>
  );
}
