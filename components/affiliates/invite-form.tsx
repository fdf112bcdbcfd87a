"use client";
// The invite form: paste or type emails; they are parsed as you type (invalid ones listed, duplicates
// dropped, display names extracted, unicode domains shown in the form they are sent). Sending posts the
// valid ones in consecutive batches of 25 with progress; each email then shows its outcome. When a batch
// fails, the ones after it are not sent, and "Retry" re-sends only the failed and unsent ones.
import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { batches, MAX_PASTED_EMAILS, parseEmails } from "@/lib/affiliates/emails";

type Outcome =
  | { email: string; outcome: "invited"; invitationId: string; expiresAt: string | null }
  | { email: string; outcome: "already_affiliate" | "already_invited" | "not_invited" }
  | { email: string; outcome: "failed" | "not_sent"; code: string; message: string };

export function InviteForm({ locale }: { locale: string }) {
  const t = useTranslations("Affiliates.invite");
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
    let stopped: string | null = null;
    for (const [k, group] of groups.entries()) {
      if (stopped) {
        out.push(...group.map((email) => ({ email, outcome: "not_sent" as const, code: "previous_batch_failed", message: t("notSentBecause", { reason: stopped! }) })));
        continue;
      }
      try {
        const res = await fetch("/api/affiliates/invitations", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ emails: group }) });
        const body = await res.json();
        if (!res.ok) {
          stopped = body?.error?.message ?? `HTTP ${res.status}`;
          out.push(...group.map((email) => ({ email, outcome: "failed" as const, code: body?.error?.code ?? "error", message: stopped! })));
        } else {
          out.push(...(body.results as Outcome[]));
          const failed = (body.results as Outcome[]).find((r) => r.outcome === "failed");
          if (failed && "message" in failed) stopped = failed.message;
        }
      } catch {
        stopped = t("networkError");
        out.push(...group.map((email) => ({ email, outcome: "failed" as const, code: "network", message: stopped! })));
      }
      setProgress({ done: k + 1, total: groups.length });
      setResults([...out]);
    }
    setProgress({ done: groups.length, total: groups.length });
    setResults([...out]);
  }

  const retryable = results.filter((r) => r.outcome === "failed" || r.outcome === "not_sent").map((r) => r.email);
  const date = (iso: string | null) => (iso ? new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(iso)) : "—");

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
        <label htmlFor="invite-emails" className="block text-sm font-medium">{t("label")}</label>
        <p id="invite-help" className="text-xs text-zinc-600 dark:text-zinc-400">{t("help")}</p>
        <textarea
          id="invite-emails" name="emails" rows={6} value={text} onChange={(e) => setText(e.target.value)} aria-describedby="invite-help invite-summary"
          className="w-full rounded border px-2 py-1 font-mono text-sm" disabled={busy}
        />
        <p id="invite-summary" className="text-sm" aria-live="polite">
          {t("summary", { valid: parsed.valid.length, invalid: parsed.invalid.length, duplicates: parsed.duplicates.length, batches: Math.ceil(parsed.valid.length / 25) })}
        </p>
        {tooMany ? <p role="alert" className="text-sm text-red-700">{t("errors.tooMany", { max: MAX_PASTED_EMAILS, count: parsed.total })}</p> : null}
        {parsed.invalid.length > 0 ? (
          <div className="text-sm text-red-700" data-testid="invite-invalid">
            <p>{t("invalidTitle")}</p>
            <ul className="list-inside list-disc">
              {parsed.invalid.map((i, k) => <li key={k}><code>{i.input}</code> — {t(`reasons.${i.reason}`)}</li>)}
            </ul>
          </div>
        ) : null}
        {parsed.rewritten.length > 0 ? (
          <ul className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="invite-rewritten">
            {parsed.rewritten.map((r, k) => <li key={k}>{t("rewritten", { input: r.input, email: r.email })}</li>)}
          </ul>
        ) : null}
        {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
        <button type="submit" disabled={busy || tooMany} className="rounded bg-zinc-900 px-3 py-1.5 text-sm text-white disabled:opacity-50 dark:bg-zinc-100 dark:text-zinc-900">
          {t("submit", { count: parsed.valid.length })}
        </button>
      </form>
      {progress ? (
        <div aria-live="polite" className="text-sm" data-testid="invite-progress">
          <progress max={progress.total} value={progress.done} className="w-48" aria-label={t("progressLabel")} /> {t("progress", progress)}
        </div>
      ) : null}
      {results.length > 0 ? (
        <div className="space-y-2">
          <table className="w-full text-left text-sm" data-testid="invite-results">
            <caption className="sr-only">{t("resultsCaption")}</caption>
            <thead><tr><th scope="col">{t("columns.email")}</th><th scope="col">{t("columns.result")}</th></tr></thead>
            <tbody>
              {results.map((r) => (
                <tr key={r.email} data-email={r.email} data-outcome={r.outcome} className="border-t">
                  <td className="py-1 pr-4 font-mono">{r.email}</td>
                  <td className="py-1">
                    {r.outcome === "invited" ? t("outcomes.invited", { date: date(r.expiresAt) }) : t(`outcomes.${r.outcome}`)}
                    {r.outcome === "failed" || r.outcome === "not_sent" ? <span className="text-red-700"> — {r.message}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {retryable.length > 0 && !busy ? (
            <button type="button" onClick={() => void send(retryable)} className="rounded border px-3 py-1.5 text-sm">{t("retry", { count: retryable.length })}</button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
