// The Pulse delivery log: the 24-hour summary, Chariow's "5 failures disable a Pulse" warning and one page
// of deliveries in the shared table (URL keys `pulses_page`, `pulses_size`): when (store's time zone), which
// event, the result and why, in words. Unverified refusals are counted apart (anyone can POST to the URL),
// with a hint when a wrong secret would explain them; a sender's refusals beyond 10 an hour show as one
// line with their count. Codes stay reachable: the event, status and Pulse id as data and tooltips, the
// full log in the CSV export.
import { useFormatter, useTranslations } from "next-intl";
import { DataTable, type Column } from "@/components/data-table/data-table";
import { Alert } from "@/components/ui/alert";
import { CodeLabel } from "@/components/ui/code-label";
import { DateTime } from "@/components/ui/date-time";
import { useCodeLabel } from "@/components/ui/use-code-label";
import type { SearchParamsRecord } from "@/lib/http/page-query";
import type { PulseLogEntry, PulseLogSummary } from "@/lib/pulses/schemas";

export const PULSE_LOG_TABLE_PREFIX = "pulses";
export const PULSE_LOG_PAGE_SIZES = [25, 50, 100] as const;

const TONE: Record<string, string> = {
  processed: "text-emerald-700 dark:text-emerald-300",
  stale: "text-zinc-600 dark:text-zinc-300",
  duplicate: "text-zinc-600 dark:text-zinc-300",
  test: "text-brand-700 dark:text-brand-100",
  failed: "text-red-700 dark:text-red-300",
  rejected: "text-red-700 dark:text-red-300",
};

/** Why a delivery ended as it did, for the accepted ones (refusal reasons are codes of their own). */
const DELIVERY_DETAILS = ["same_delivery", "replay", "older_version", "unknown_event"];

type Props = {
  entries: PulseLogEntry[];
  summary: PulseLogSummary;
  /** When the log was read: "last delivery 3 min ago" is measured from it. */
  now: number;
  url: { pathname: string; query: SearchParamsRecord };
  page: { number: number; size: number; hasMore: boolean };
  isFetching?: boolean;
  exportHref?: string | null;
};

export function PulseLogTable({ entries, summary, now, url, page, isFetching, exportHref }: Props) {
  const t = useTranslations("pulseLog");
  const codeLabel = useCodeLabel();
  const format = useFormatter();
  const muted = "text-zinc-600 dark:text-zinc-400";

  const reason = (e: PulseLogEntry) => {
    if (e.status === "rejected") return <CodeLabel kind="pulseRejection" code={e.detail} />;
    if (e.detail && DELIVERY_DETAILS.includes(e.detail)) return t(`detail.${e.detail}`);
    // A processing failure's own text is the server's (English, technical): in the tooltip and the export.
    if (e.status === "failed") return <span title={e.detail ?? undefined}>{t("detail.processingFailed")}</span>;
    return null;
  };
  const why = (e: PulseLogEntry) => {
    if (e.count > 1) {
      return t("detail.repeated", { count: e.count, source: e.source ?? "?", reason: codeLabel("pulseRejection", e.detail) });
    }
    const text = reason(e);
    return (
      <>
        {text}
        {e.source ? <span className={muted}> — {t("from", { source: e.source })}</span> : null}
      </>
    );
  };

  const columns: Column<PulseLogEntry>[] = [
    { id: "received_at", header: t("columns.receivedAt"), card: "date", cell: (e) => <DateTime value={e.receivedAt} className={muted} /> },
    {
      id: "event",
      header: t("columns.event"),
      alwaysVisible: true,
      card: "title",
      cell: (e) => (
        <span data-event={e.event ?? ""} title={e.pulseId ? t("pulseId", { id: e.pulseId }) : undefined}>
          {e.event ? <CodeLabel kind="pulseEvent" code={e.event} /> : <span className={muted}>{t("unknownEvent")}</span>}
        </span>
      ),
    },
    {
      id: "status",
      header: t("columns.status"),
      card: "status",
      cell: (e) => (
        <span data-status={e.status} className={`font-medium ${TONE[e.status] ?? ""}`}>
          <CodeLabel kind="pulseDeliveryStatus" code={e.status} />
        </span>
      ),
    },
    { id: "detail", header: t("columns.detail"), cell: (e) => <span className={`whitespace-normal text-xs ${muted}`}>{why(e)}</span> },
  ];

  return (
    <div className="space-y-3">
      <p className="text-sm" data-testid="pulse-log-summary">
        {t("summary", { failures: summary.failuresLast24h, processed: summary.processedLast24h, pending: summary.pending, rejected: summary.rejectedLast24h })}
        {summary.lastReceivedAt ? ` ${t("lastReceived", { when: format.relativeTime(new Date(summary.lastReceivedAt), now) })}` : ""}
      </p>
      {summary.failuresLast24h > 0 ? <Alert>{t("warning")}</Alert> : null}
      {summary.refusedSinceAccepted > 0 ? <Alert>{t("refusedHint", { count: summary.refusedSinceAccepted })}</Alert> : null}
      <DataTable
        label={t("title")}
        testId="pulse-log"
        columns={columns}
        rows={entries}
        rowKey={(e) => e.key}
        url={url}
        keyPrefix={PULSE_LOG_TABLE_PREFIX}
        page={{ ...page, sizes: PULSE_LOG_PAGE_SIZES }}
        columnMenu={false}
        isFetching={isFetching}
        emptyMessage={t("empty")}
        exportControl={exportHref ? { href: exportHref, filename: "pulse-log.csv" } : null}
      />
    </div>
  );
}

