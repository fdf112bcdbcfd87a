// The data-freshness slot of the shell: when the mirror was last synced, the history backfill's
// progress and estimate, how much detail (settlement) is known, the API budget, and "sync now" for
// those allowed. Presentational: the client island feeds it the status and the callback.
import { RefreshCw } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { FreshnessView } from "@/lib/freshness/schemas";

export type SyncRequestState = "idle" | "pending" | "requested" | "failed";

type Props = {
  view: FreshnessView | null;
  /** The instant "2 min ago" is measured from (the status's fetch time keeps server and browser in step). */
  now: number;
  canSync?: boolean;
  syncState?: SyncRequestState;
  onSyncNow?: () => void;
};

export function FreshnessIndicator({ view, now, canSync = false, syncState = "idle", onSyncNow }: Props) {
  const t = useTranslations("freshness");
  const format = useFormatter();
  const duration = (seconds: number) =>
    seconds < 90
      ? format.number(Math.max(1, Math.round(seconds)), { style: "unit", unit: "second", unitDisplay: "short" })
      : seconds < 5400
        ? format.number(Math.round(seconds / 60), { style: "unit", unit: "minute", unitDisplay: "short" })
        : format.number(Math.round(seconds / 3600), { style: "unit", unit: "hour", unitDisplay: "short" });
  const last = view?.lastSuccessAt ? t("lastSynced", { when: format.relativeTime(new Date(view.lastSuccessAt), now) }) : null;
  const backfill = view && !view.backfill.done && view.backfill.windowsTotal > 0 ? view.backfill : null;
  return (
    <div data-testid="freshness" className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
      <span className="flex items-center gap-1.5" data-testid="freshness-last">
        <RefreshCw aria-hidden className={`size-3.5 ${backfill ? "animate-spin [animation-duration:3s]" : ""}`} />
        {last ?? (backfill ? t("syncing") : t("noSyncYet"))}
      </span>
      {backfill ? (
        <span className="flex items-center gap-2" data-testid="freshness-backfill">
          <ProgressBar percent={backfill.percent} label={t("backfillProgress")} className="w-24" />
          <span>
            {t("backfill", { percent: Math.floor(backfill.percent) })}
            {backfill.etaSeconds !== null ? ` · ${t("backfillEta", { eta: duration(backfill.etaSeconds) })}` : ""}
          </span>
        </span>
      ) : view?.backfill.done ? (
        <span data-testid="freshness-backfill-done">{t("backfillDone")}</span>
      ) : null}
      {view?.settlementCoveragePercent !== null && view?.settlementCoveragePercent !== undefined ? (
        <span data-testid="freshness-coverage">{t("coverage", { percent: Math.floor(view.settlementCoveragePercent) })}</span>
      ) : null}
      {view?.budget ? <span data-testid="freshness-budget">{t("budget", { remaining: view.budget.remaining, limit: view.budget.limit })}</span> : null}
      {canSync && onSyncNow ? (
        <Button variant="ghost" className="!px-2 !py-1 text-xs" onClick={onSyncNow} disabled={syncState === "pending"} data-testid="sync-now">
          {syncState === "requested" ? t("syncRequested") : syncState === "failed" ? t("syncFailed") : t("syncNow")}
        </Button>
      ) : null}
    </div>
  );
}
