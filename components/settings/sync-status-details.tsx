// The Settings sync card, in the merchant's words: last successful sync, the last error (what it means,
// not its text), the sales history import and how many paid sales have a known payout. The technical
// side (API budget, sync jobs, which instance syncs, the error's own text) is in TechnicalDetails.
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { FreshnessView } from "@/lib/freshness/schemas";

export type SyncLastError = { at: string | null; kind: string; message: string };

/** Sync error kinds with words (lib/sync/job-status.ts SyncErrorKind); another reads "internal". */
const ERROR_KINDS = ["unauthorized", "rate_limited", "unavailable", "malformed", "not_found", "bad_request", "aborted", "lease_lost", "internal", "not_available"];

export function useSyncErrorKind(): (kind: string) => string {
  const t = useTranslations("settings.syncErrorKind");
  return (kind) => t(ERROR_KINDS.includes(kind) ? kind : "internal");
}

type Props = { view: FreshnessView | null; now: number; lastError: SyncLastError | null };

export function SyncStatusDetails({ view, now, lastError }: Props) {
  const t = useTranslations("settings");
  const tf = useTranslations("freshness");
  const format = useFormatter();
  const errorKind = useSyncErrorKind();
  const when = (iso: string | null) => (iso ? format.relativeTime(new Date(iso), now) : t("never"));
  const b = view?.backfill;
  const rows: Array<[string, ReactNode, string]> = [
    [t("lastSuccess"), when(view?.lastSuccessAt ?? null), "sync-last-success"],
    [t("lastError"), lastError ? (lastError.at ? t("lastErrorValue", { reason: errorKind(lastError.kind), when: when(lastError.at) }) : errorKind(lastError.kind)) : t("none"), "sync-last-error"],
    [
      t("backfill"),
      !b ? t("never") : b.done ? t("backfillComplete", { sales: b.salesSeen }) : (
        <span className="flex flex-wrap items-center gap-2">
          <ProgressBar percent={b.percent} label={tf("backfillProgress")} className="w-32" />
          {t("backfillState", { windowsDone: b.windowsDone, windowsTotal: b.windowsTotal, sales: b.salesSeen })}
        </span>
      ),
      "sync-backfill",
    ],
    [t("coverage"), view?.settlementCoveragePercent != null ? tf("coverage", { percent: Math.floor(view.settlementCoveragePercent) }) : t("notYet"), "sync-coverage"],
  ];
  return <DefinitionRows rows={rows} />;
}

/** Label/value rows: side by side from 640 px, stacked on a phone. */
export function DefinitionRows({ rows }: { rows: Array<[string, ReactNode, string]> }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr] sm:gap-y-3">
      {rows.map(([label, value, id]) => (
        <div key={id} className="contents">
          <dt className="text-zinc-600 max-sm:mt-2 dark:text-zinc-400">{label}</dt>
          <dd className="min-w-0 break-words font-medium" data-testid={id}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
