// The Pulse delivery log: when, which event and Pulse, the result (processed, duplicate skipped, test,
// rejected…) and why, with the 24-hour failure count and Chariow's "5 failures disable a Pulse" warning.
// Unverified refusals are counted apart (anyone can POST to the URL), with a hint when a wrong secret
// would explain them; a sender's refusals beyond 10 an hour show as one line with their count.
import { useFormatter, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import type { PulseLogEntry, PulseLogSummary } from "@/lib/pulses/schemas";

const TONE: Record<string, string> = {
  processed: "text-emerald-700 dark:text-emerald-300",
  stale: "text-zinc-600 dark:text-zinc-300",
  duplicate: "text-zinc-600 dark:text-zinc-300",
  test: "text-brand-600 dark:text-brand-100",
  failed: "text-red-700 dark:text-red-300",
  rejected: "text-red-700 dark:text-red-300",
};

export function PulseLogTable({ entries, summary, now }: { entries: PulseLogEntry[]; summary: PulseLogSummary; now: number }) {
  const t = useTranslations("pulseLog");
  const format = useFormatter();
  const reasonOf = (detail: string | null) => (detail ? (t.has(`detail.${detail}`) ? t(`detail.${detail}`) : detail) : "");
  const detailOf = (e: PulseLogEntry) => {
    const source = e.source ?? "?";
    if (e.count > 1) return t("detail.repeated", { count: e.count, source, reason: reasonOf(e.detail) });
    return e.source ? `${reasonOf(e.detail)} — ${t("from", { source })}` : reasonOf(e.detail);
  };
  return (
    <div className="space-y-3">
      <p className="text-sm" data-testid="pulse-log-summary">
        {t("summary", { failures: summary.failuresLast24h, processed: summary.processedLast24h, pending: summary.pending, rejected: summary.rejectedLast24h })}
        {summary.lastReceivedAt ? ` ${t("lastReceived", { when: format.relativeTime(new Date(summary.lastReceivedAt), now) })}` : ""}
      </p>
      {summary.failuresLast24h > 0 ? <Alert>{t("warning")}</Alert> : null}
      {summary.refusedSinceAccepted > 0 ? <Alert>{t("refusedHint", { count: summary.refusedSinceAccepted })}</Alert> : null}
      {entries.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("empty")}</p>
      ) : (
        <div className="relative overflow-x-auto" tabIndex={0}>
          <table className="w-full text-left text-sm" data-testid="pulse-log">
            <thead className="border-b border-zinc-200 text-xs uppercase text-zinc-600 dark:text-zinc-400 dark:border-zinc-800">
              <tr>
                <th className="py-2 pr-4">{t("columns.receivedAt")}</th>
                <th className="py-2 pr-4">{t("columns.event")}</th>
                <th className="py-2 pr-4">{t("columns.pulse")}</th>
                <th className="py-2 pr-4">{t("columns.status")}</th>
                <th className="py-2">{t("columns.detail")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.key} data-status={e.status} data-event={e.event ?? ""} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                  <td className="whitespace-nowrap py-2 pr-4 text-xs text-zinc-600 dark:text-zinc-400">{format.dateTime(new Date(e.receivedAt), { dateStyle: "short", timeStyle: "medium" })}</td>
                  <td className="py-2 pr-4 font-mono text-xs">{e.event ?? ""}</td>
                  <td className="py-2 pr-4 font-mono text-xs">{e.pulseId ?? ""}</td>
                  <td className={`whitespace-nowrap py-2 pr-4 font-medium ${TONE[e.status] ?? ""}`}>{t(`status.${e.status}`)}</td>
                  <td className="py-2 text-xs text-zinc-600 dark:text-zinc-400">{detailOf(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
