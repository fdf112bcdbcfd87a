// The Settings sync card: last success, last error (its text — owners and admins only see this page),
// history backfill, settlement coverage, API budget, which instance holds the sync lease, and the
// optional jobs (the licence list), each with its own state — "not available for this store" included.
import { useFormatter, useTranslations } from "next-intl";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { FreshnessView, OptionalJobView } from "@/lib/freshness/schemas";

type Props = {
  view: FreshnessView | null;
  now: number;
  lastError: { at: string | null; kind: string; message: string } | null;
  leaseHolder: string | null;
  optionalJobs: OptionalJobView[];
};

export function SyncStatusDetails({ view, now, lastError, leaseHolder, optionalJobs }: Props) {
  const t = useTranslations("settings");
  const tf = useTranslations("freshness");
  const format = useFormatter();
  const when = (iso: string | null) => (iso ? format.relativeTime(new Date(iso), now) : t("never"));
  const b = view?.backfill;
  const optionalJobState = (j: OptionalJobView) =>
    j.state === "not_available"
      ? t("optionalJobState.notAvailable", { when: when(j.at) })
      : j.state === "failing"
        ? t("optionalJobState.failing", { when: when(j.at), kind: j.error?.kind ?? "", message: j.error?.message ?? "" })
        : j.state === "ok"
          ? t("optionalJobState.ok", { when: when(j.at) })
          : t("optionalJobState.never");
  const rows: Array<[string, React.ReactNode, string]> = [
    [t("lastSuccess"), when(view?.lastSuccessAt ?? null), "sync-last-success"],
    [t("lastError"), lastError ? `${lastError.kind}: ${lastError.message}${lastError.at ? ` (${when(lastError.at)})` : ""}` : t("none"), "sync-last-error"],
    [
      t("backfill"),
      !b ? t("never") : b.done ? t("backfillComplete", { sales: b.salesSeen }) : (
        <span className="flex items-center gap-2">
          <ProgressBar percent={b.percent} label={tf("backfillProgress")} className="w-32" />
          {t("backfillState", { windowsDone: b.windowsDone, windowsTotal: b.windowsTotal, sales: b.salesSeen })}
        </span>
      ),
      "sync-backfill",
    ],
    [t("enrichment"), view?.settlementCoveragePercent != null ? tf("coverage", { percent: Math.floor(view.settlementCoveragePercent) }) : t("none"), "sync-coverage"],
    [
      t("budget"),
      view?.budget ? t("budgetValue", { remaining: view.budget.remaining, limit: view.budget.limit, when: when(view.budget.resetAt) }) : t("budgetUnknown"),
      "sync-budget",
    ],
    [t("leaseHolder"), leaseHolder ?? t("none"), "sync-lease"],
    ...optionalJobs.map((j): [string, React.ReactNode, string] => [t(`optionalJobs.${j.job}`), optionalJobState(j), `sync-job-${j.job}`]),
  ];
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
      {rows.map(([label, value, id]) => (
        <div key={id} className="contents">
          <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
          <dd className="font-medium" data-testid={id}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
