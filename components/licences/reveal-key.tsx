"use client";
// One licence key, masked, with a "Reveal" button that asks the server for it (audited and throttled
// there, lib/licences/reveal-licence.ts) and shows it in place of the mask. The licences table and the
// sale page both use it, so a key reaches the screen only through the one reveal path. A failure is
// said by its code in the member's language (never the server's English message).
import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ApiError, apiFetch } from "@/lib/http/api-client";
import { clientError, errorMessage } from "@/lib/http/client-error";

type Failure = { throttledUntil: Date } | { error: unknown };

export function RevealKey({ licenceId, maskedKey }: { licenceId: string; maskedKey: string | null }) {
  const t = useTranslations("licences.reveal");
  const tErrors = useTranslations("Errors");
  const format = useFormatter();
  const [key, setKey] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  async function reveal() {
    setPending(true);
    setFailure(null);
    try {
      setKey((await apiFetch<{ key: string }>(`/api/licences/${encodeURIComponent(licenceId)}/reveal`, { method: "POST" })).key);
    } catch (e) {
      if (e instanceof ApiError && e.status === 429) setFailure({ throttledUntil: new Date(Date.now() + (e.retryAfterSeconds ?? 60) * 1000) });
      else setFailure({ error: e });
    } finally {
      setPending(false);
    }
  }

  if (key !== null) return <span className="font-mono break-all" data-testid="licence-key">{key}</span>;
  if (maskedKey === null) return <span className="text-zinc-600 dark:text-zinc-400">{t("noKey")}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className="font-mono" aria-hidden>
        {maskedKey}
      </span>
      <button type="button" className={buttonClass("secondary", "min-h-11")} disabled={pending} onClick={reveal}>
        {pending ? t("pending") : t("action")}
      </button>
      {failure ? (
        <span role="alert" className="text-xs text-red-700 dark:text-red-300" data-error-code={"error" in failure ? clientError(failure.error).code : "throttled"}>
          {"throttledUntil" in failure
            ? t("throttled", { time: format.dateTime(failure.throttledUntil, { hour: "2-digit", minute: "2-digit" }) })
            : t("failed", { reason: errorMessage(tErrors, failure.error) })}
        </span>
      ) : null}
    </span>
  );
}
