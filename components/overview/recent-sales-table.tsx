// The newest sales as a compact table: when, customer, product, amount (lib/money's formatter, in the
// sale's own currency) and status. Rows that a Pulse just brought in say so.
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/lib/money";
import type { RecentSale } from "@/lib/overview/schemas";

const STATUS_STYLE: Record<string, string> = {
  completed: "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  settled: "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  failed: "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200",
  abandoned: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  awaiting_payment: "bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-200",
};

export function RecentSalesTable({ sales, timeZone }: { sales: RecentSale[]; timeZone: string }) {
  const t = useTranslations("overview");
  const tStatus = useTranslations("saleStatus");
  const format = useFormatter();
  const locale = useLocale();
  if (sales.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("recentEmpty")}</p>;
  return (
    // Focusable so a keyboard can scroll it when the columns are wider than a phone (axe: scrollable-region-focusable).
    <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={t("recentTitle")}>
      <table className="w-full text-left text-sm" data-testid="recent-sales">
        <thead className="border-b border-zinc-200 text-xs uppercase text-zinc-600 dark:text-zinc-400 dark:border-zinc-800">
          <tr>
            <th className="py-2 pr-4">{t("columns.createdAt")}</th>
            <th className="py-2 pr-4">{t("columns.customer")}</th>
            <th className="py-2 pr-4">{t("columns.product")}</th>
            <th className="py-2 pr-4 text-right">{t("columns.amount")}</th>
            <th className="py-2">{t("columns.status")}</th>
          </tr>
        </thead>
        <tbody>
          {sales.map((s) => (
            <tr key={s.id} data-sale-id={s.id} data-status={s.status} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
              <td className="whitespace-nowrap py-2 pr-4 text-xs text-zinc-600 dark:text-zinc-400">{format.dateTime(new Date(s.createdAt), { dateStyle: "short", timeStyle: "short", timeZone })}</td>
              <td className="py-2 pr-4">{s.customer ?? t("unknown")}</td>
              <td className="py-2 pr-4">{s.product ?? t("unknown")}</td>
              <td className="whitespace-nowrap py-2 pr-4 text-right tabular-nums">{s.amount ? formatMoney(s.amount, locale) : t("unknown")}</td>
              <td className="whitespace-nowrap py-2">
                <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[s.status] ?? ""}`}>{tStatus.has(s.status) ? tStatus(s.status) : s.status}</span>
                {s.source === "pulse" ? <span className="ml-2 text-xs text-brand-600 dark:text-brand-100">{t("viaPulse")}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
