// The notification send log (issue 19; owners and admins, on Settings) in the shared table: when, who (a
// member's e-mail or the store's webhook), what (a digest, an alert and its topic, a test), the channel,
// and the result (status, attempts, last error in the tooltip and the CSV). Newest first, one page of the
// URL (keys `sendlog_page`, `sendlog_size`), the whole log in the CSV export.
import { useTranslations } from "next-intl";
import { DataTable, type Column } from "@/components/data-table/data-table";
import { DateTime } from "@/components/ui/date-time";
import type { SearchParamsRecord } from "@/lib/http/page-query";

export const SEND_LOG_TABLE_PREFIX = "sendlog";
export const SEND_LOG_PAGE_SIZES = [25, 50, 100] as const;

export type SendLogRow = { id: string; to: string | null; kind: string; topic: string; channel: string; status: string; attempts: number; lastError: string | null; createdAt: string };

const TONE: Record<string, string> = {
  sent: "text-emerald-700 dark:text-emerald-300",
  failed: "text-red-700 dark:text-red-300",
  capped: "text-amber-700 dark:text-amber-300",
};
const KNOWN_STATUS = ["pending", "sent", "failed", "capped", "skipped"];
const KNOWN_CHANNEL = ["email", "push", "webhook", "inapp"];
const KNOWN_KIND = ["digest_daily", "digest_weekly", "alert", "test"];
const KNOWN_TOPIC = ["failure_spike", "payout_overdue", "pulse_disabled", "sync_stale", "goal_reached", "goal_off_pace", "new_sales"];

type Props = {
  rows: SendLogRow[];
  url: { pathname: string; query: SearchParamsRecord };
  page: { number: number; size: number; hasMore: boolean };
  exportHref: string | null;
};

export function SendLogTable({ rows, url, page, exportHref }: Props) {
  const t = useTranslations("NotificationsPage.sendLog");
  const muted = "text-zinc-600 dark:text-zinc-400";
  // A code without words yet shows as it came (a new kind from a newer runner), never an error.
  const word = (group: string, known: string[], code: string) => (known.includes(code) ? t(`${group}.${code}`) : code);
  const what = (r: SendLogRow) => (r.kind === "alert" ? `${word("kind", KNOWN_KIND, r.kind)} — ${word("topic", KNOWN_TOPIC, r.topic)}` : word("kind", KNOWN_KIND, r.kind));
  const columns: Column<SendLogRow>[] = [
    { id: "created_at", header: t("columns.when"), card: "date", cell: (r) => <DateTime value={r.createdAt} className={muted} /> },
    { id: "to", header: t("columns.to"), alwaysVisible: true, card: "title", cell: (r) => <span className="break-all">{r.to ?? (r.channel === "webhook" ? t("webhook") : t("removed"))}</span> },
    { id: "what", header: t("columns.what"), cell: (r) => <span data-kind={r.kind} data-topic={r.topic}>{what(r)}</span> },
    { id: "channel", header: t("columns.channel"), cell: (r) => <span data-channel={r.channel}>{word("channel", KNOWN_CHANNEL, r.channel)}</span> },
    {
      id: "status",
      header: t("columns.result"),
      card: "status",
      cell: (r) => (
        <span data-status={r.status} title={r.lastError ?? undefined} className={`whitespace-normal font-medium ${TONE[r.status] ?? ""}`}>
          {word("status", KNOWN_STATUS, r.status)}
          {r.attempts > 1 ? <span className={`font-normal ${muted}`}> · {t("attempts", { count: r.attempts })}</span> : null}
        </span>
      ),
    },
  ];
  return (
    <DataTable
      label={t("title")}
      testId="send-log"
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      rowTone={(r) => (r.status === "failed" ? "danger" : null)}
      url={url}
      keyPrefix={SEND_LOG_TABLE_PREFIX}
      page={{ ...page, sizes: SEND_LOG_PAGE_SIZES }}
      columnMenu={false}
      emptyMessage={t("empty")}
      exportControl={exportHref ? { href: exportHref, filename: "notification-send-log.csv" } : null}
    />
  );
}
