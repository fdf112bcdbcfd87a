// The top bar's freshness slot, in the merchant's words: when the figures were last updated, and while
// the store's history is being imported, how far along it is and about how long is left; "update now"
// for those allowed. It fits the 56 px top bar of a phone (two short lines). For members who may open
// Settings it links there, where the technical detail lives (detail coverage, API budget). Presentational:
// the client island feeds it the status and the callback.
import { Check, Clock, LoaderCircle, RefreshCw, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { FreshnessView } from "@/lib/freshness/schemas";

export type SyncRequestState = "idle" | "pending" | "requested" | "failed";
/** Where the store's history import stands: `data-history` on the slot, for styling and tests alike. */
export type HistoryState = "pending" | "importing" | "complete";

export function historyState(view: FreshnessView | null): HistoryState {
  if (view?.backfill.done) return "complete";
  return view && view.backfill.windowsTotal > 0 ? "importing" : "pending";
}

type Props = {
  view: FreshnessView | null;
  /** The instant "2 min ago" is measured from (the status's fetch time keeps server and browser in step). */
  now: number;
  /** Settings, for members who may open it: the slot links to the detail. */
  detailsHref?: string;
  canSync?: boolean;
  syncState?: SyncRequestState;
  onSyncNow?: () => void;
};

const SYNC_ICON = { idle: RefreshCw, pending: RefreshCw, requested: Check, failed: TriangleAlert } as const;

export function FreshnessIndicator({ view, now, detailsHref, canSync = false, syncState = "idle", onSyncNow }: Props) {
  const t = useTranslations("freshness");
  const format = useFormatter();
  const duration = (seconds: number) =>
    seconds < 90
      ? format.number(Math.max(1, Math.round(seconds)), { style: "unit", unit: "second", unitDisplay: "short" })
      : seconds < 5400
        ? format.number(Math.round(seconds / 60), { style: "unit", unit: "minute", unitDisplay: "short" })
        : format.number(Math.round(seconds / 3600), { style: "unit", unit: "hour", unitDisplay: "short" });
  const history = historyState(view);
  const backfill = view && history === "importing" ? view.backfill : null;
  const last = view?.lastSuccessAt ? t("lastSynced", { when: format.relativeTime(new Date(view.lastSuccessAt), now) }) : backfill ? t("syncing") : t("noSyncYet");
  const StatusIcon = backfill ? LoaderCircle : Clock;
  const SyncIcon = SYNC_ICON[syncState];
  const syncLabel = syncState === "requested" ? t("syncRequested") : syncState === "failed" ? t("syncFailed") : t("syncNow");

  const status: ReactNode = (
    <>
      <span className="flex min-w-0 items-center gap-1.5" data-testid="freshness-last">
        <StatusIcon aria-hidden className={`size-3.5 shrink-0 ${backfill ? "motion-safe:animate-spin motion-safe:[animation-duration:3s]" : ""}`} />
        <span className="truncate">{last}</span>
      </span>
      {backfill ? (
        <span className="flex min-w-0 items-center gap-2" data-testid="freshness-backfill">
          <ProgressBar percent={backfill.percent} label={t("backfillProgress")} className="w-12 shrink-0 sm:w-20" />
          <span className="truncate">
            {t("backfill", { percent: Math.floor(backfill.percent) })}
            {backfill.etaSeconds !== null ? ` · ${t("backfillEta", { eta: duration(backfill.etaSeconds) })}` : ""}
          </span>
        </span>
      ) : null}
    </>
  );
  const body = "flex min-h-11 min-w-0 flex-col justify-center rounded-md px-2 text-xs leading-4 text-zinc-600 dark:text-zinc-400";
  return (
    <div data-testid="freshness" data-history={history} className="flex min-w-0 flex-1 items-center gap-1">
      {detailsHref ? (
        <Link
          href={detailsHref}
          className={`${body} hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-brand-500 dark:hover:bg-zinc-800`}
        >
          {status}
          <span className="sr-only">{t("details")}</span>
        </Link>
      ) : (
        <div className={body}>{status}</div>
      )}
      {canSync && onSyncNow ? (
        <Button variant="ghost" className="shrink-0 px-2 text-xs" onClick={onSyncNow} disabled={syncState === "pending"} data-testid="sync-now">
          <SyncIcon aria-hidden className={`size-4 ${syncState === "pending" ? "motion-safe:animate-spin" : ""}`} />
          <span className="sr-only sm:not-sr-only">{syncLabel}</span>
        </Button>
      ) : null}
    </div>
  );
}
