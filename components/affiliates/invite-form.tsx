"use client";
// The invite form: paste or type emails; they are parsed as you type (invalid ones listed, duplicates
// dropped, display names extracted, unicode domains shown in the form they are sent). Sending posts the
// valid ones in consecutive batches of 25 with progress; each email then shows its outcome. When a batch
// fails, the ones after it are not sent, and "Retry" re-sends only the failed and unsent ones. Results
// are the one table (static: one row per address); a failure is said by its code in the member's words.
import { useMemo, useState } from "react";
import { useFormatter, useLocale, useTimeZone, useTranslations } from "next-intl";
import { DataTable, type Column } from "@/components/data-table/data-table";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { batches, MAX_PASTED_EMAILS, parseEmails } from "@/lib/affiliates/emails";
import { formatDateTime } from "@/lib/format/date-time";
import { errorMessage } from "@/lib/http/client-error";

type Outcome =
  | { email: string; outcome: "invited"; invitationId: string; expiresAt: string | null }
  | { email: string; outcome: "already_affiliate" | "already_invited" | "not_invited" }
  /**
   * `code`: why it failed (an error code of the API, "network"); `cause`: for one not sent, the code of the
   * failure that held it back; `retryAt`: when Chariow's limit lets requests through again.
   */
  | { email: string; outcome: "failed" | "not_sent"; code: string; cause?: string; retryAt?: string };

/** The server's answer for one address (lib/affiliates/invite.ts). */
type ServerOutcome = Exclude<Outcome, { outcome: "failed" | "not_sent" }> | { email: string; outcome: "failed" | "not_sent"; code: string; retryAfterSeconds?: number | null };

/**
 * A per-address failure as an `Errors.<code>` the member can read: Chariow's rate limit, an address Chariow
 * refused, our own failure, or else something Chariow said (lib/affiliates/invite.ts failure()).
 */
function failureCode(code: string): string {
  if (code === "rate_limited") return "chariow_rate_limited";
  if (code === "invalid_email" || code === "validation") return "invalid_input";
  if (code === "internal" || code === "network" || code === "previous_batch_failed") return code;
  return "chariow_unavailable";
}

function fromServer(r: ServerOutcome, receivedAt: number): Outcome {
  if (r.outcome !== "failed" && r.outcome !== "not_sent") return r;
  const retryAt = r.retryAfterSeconds ? new Date(receivedAt + r.retryAfterSeconds * 1000).toISOString() : undefined;
  return { email: r.email, outcome: r.outcome, code: failureCode(r.code), ...(retryAt ? { retryAt } : {}) };
}

export function InviteForm() {
  const t = useTranslations("Affiliates.invite");
  const tErrors = useTranslations("Errors");
  const locale = useLocale();
  const timeZone = useTimeZone() ?? "UTC";
  const format = useFormatter();
  const [text, setText] = useState("");
  const [results, setResults] = useState<Outcome[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const parsed = useMemo(() => parseEmails(text), [text]);
  const tooMany = parsed.total > MAX_PASTED_EMAILS;
  const busy = progress !== null && progress.done < progress.total;

  async function send(emails: string[]) {
    setError(null);
    const groups = batches(emails);
    const out: Outcome[] = results.filter((r) => !emails.includes(r.email));
    setProgress({ done: 0, total: groups.length });
    // The code of the first failure: the later batches are held back because of it.
    let stopped: string | null = null;
    for (const [k, group] of groups.entries()) {
      if (stopped) {
        out.push(...group.map((email) => ({ email, outcome: "not_sent" as const, code: "previous_batch_failed", cause: stopped! })));
        continue;
      }
      if (typeof navigator !== "undefined" && navigator.onLine === false) {
        // Offline: nothing is sent, and nothing is queued to be sent later (docs/offline.md).
        stopped = "offline";
        out.push(...group.map((email) => ({ email, outcome: "not_sent" as const, code: "offline", cause: "offline" })));
        continue;
      }
      try {
        const res = await fetch("/api/affiliates/invitations", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ emails: group }) });
        const body = await res.json();
        if (!res.ok) {
          stopped = typeof body?.error?.code === "string" ? body.error.code : "internal";
          out.push(...group.map((email) => ({ email, outcome: "failed" as const, code: stopped! })));
        } else {
          const received = (body.results as ServerOutcome[]).map((r) => fromServer(r, Date.now()));
          out.push(...received);
          const failed = received.find((r) => r.outcome === "failed");
          if (failed && "code" in failed) stopped = failed.code;
        }
      } catch {
        stopped = "network";
        out.push(...group.map((email) => ({ email, outcome: "failed" as const, code: "network" })));
      }
      setProgress({ done: k + 1, total: groups.length });
      setResults([...out]);
    }
    setProgress({ done: groups.length, total: groups.length });
    setResults([...out]);
  }

  const retryable = results.filter((r) => r.outcome === "failed" || r.outcome === "not_sent").map((r) => r.email);
  const reason = (code: string) => errorMessage(tErrors, { error: { code } });
  const resultColumns: Column<Outcome>[] = [
    { id: "email", header: t("columns.email"), alwaysVisible: true, card: "title", cell: (r) => <span className="break-all font-mono">{r.email}</span> },
    {
      id: "result",
      header: t("columns.result"),
      alwaysVisible: true,
      card: "detail",
      cell: (r) => (
        <span data-outcome={r.outcome} className={r.outcome === "failed" || r.outcome === "not_sent" ? "text-red-700 dark:text-red-300" : undefined}>
          {r.outcome === "invited"
            ? r.expiresAt
              ? t("outcomes.invited", { date: formatDateTime(r.expiresAt, { locale, timeZone }, "date") })
              : t("outcomes.invitedNoExpiry")
            : r.outcome === "failed"
              ? r.retryAt
                ? t("outcomes.rateLimited", { time: format.dateTime(new Date(r.retryAt), { timeStyle: "medium" }) })
                : t("outcomes.failedBecause", { reason: reason(r.code) })
              : r.outcome === "not_sent"
                ? r.cause
                  ? t("notSentBecause", { reason: reason(r.cause) })
                  : t("outcomes.not_sent")
                : t(`outcomes.${r.outcome}`)}
        </span>
      ),
    },
  ];

  return (
    <section aria-labelledby="invite-title" className="space-y-3" data-testid="invite-form">
      <h2 id="invite-title" className="text-lg font-semibold">{t("title")}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (parsed.valid.length === 0) return setError(parsed.total === 0 ? t("errors.empty") : t("errors.noneValid"));
          if (tooMany) return setError(t("errors.tooMany", { max: MAX_PASTED_EMAILS, count: parsed.total }));
          void send(parsed.valid);
        }}
        className="space-y-2"
      >
        <label htmlFor="invite-emails" className="block text-sm font-medium">
          {t("label")}
        </label>
        <p id="invite-help" className="text-xs text-zinc-600 dark:text-zinc-400">
          {t("help")}
        </p>
        <textarea
          id="invite-emails"
          name="emails"
          rows={6}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby="invite-help invite-summary"
          className={`${inputClass} font-mono`}
          disabled={busy}
        />
        <p id="invite-summary" className="text-sm" aria-live="polite">
          {t("summary", { valid: parsed.valid.length, invalid: parsed.invalid.length, duplicates: parsed.duplicates.length, batches: Math.ceil(parsed.valid.length / 25) })}
        </p>
        {tooMany ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            {t("errors.tooMany", { max: MAX_PASTED_EMAILS, count: parsed.total })}
          </p>
        ) : null}
        {parsed.invalid.length > 0 ? (
          <div className="text-sm text-red-700 dark:text-red-300" data-testid="invite-invalid">
            <p>{t("invalidTitle")}</p>
            <ul className="list-inside list-disc">
              {parsed.invalid.map((i, k) => (
                <li key={k}>
                  {t("invalidItem", { input: i.input, reason: t(`reasons.${i.reason}`) })}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {parsed.rewritten.length > 0 ? (
          <ul className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="invite-rewritten">
            {parsed.rewritten.map((r, k) => (
              <li key={k}>{t("rewritten", { input: r.input, email: r.email })}</li>
            ))}
          </ul>
        ) : null}
        {error ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy || tooMany} className={buttonClass("primary", "min-h-11")}>
          {t("submit", { count: parsed.valid.length })}
        </button>
      </form>
      {progress ? (
        <div aria-live="polite" className="flex flex-wrap items-center gap-2 text-sm" data-testid="invite-progress">
          <progress max={progress.total} value={progress.done} className="w-48 max-w-full" aria-label={t("progressLabel")} /> {t("progress", progress)}
        </div>
      ) : null}
      {results.length > 0 ? (
        <div className="space-y-2">
          <DataTable testId="invite-results" label={t("resultsCaption")} columns={resultColumns} rows={results} rowKey={(r) => r.email} />
          {retryable.length > 0 && !busy ? (
            <button type="button" onClick={() => void send(retryable)} className={buttonClass("secondary", "min-h-11")}>
              {t("retry", { count: retryable.length })}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
