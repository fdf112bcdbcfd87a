"use client";
// One licence key, masked, with a "Reveal" button that asks the server for it (audited and throttled
// there, lib/licences/reveal-licence.ts) and shows it in place of the mask. The licences table and the
// sale page both use it, so a key reaches the screen only through the one reveal path.
import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { ApiError, apiFetch } from "@/lib/http/api-client";

export function RevealKey({ licenceId, maskedKey }: { licenceId: string; maskedKey: string | null }) {
  const t = useTranslations("licences.reveal");
  const format = useFormatter();
  const [key, setKey] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function reveal() {
    setPending(true);
    setError(null);
    try {
      setKey((await apiFetch<{ key: string }>(`/api/licences/${encodeURIComponent(licenceId)}/reveal`, { method: "POST" })).key);
    } catch (e) {
      if (e instanceof ApiError && e.status === 429) {
        const at = new Date(Date.now() + (e.retryAfterSeconds ?? 60) * 1000);
        setError(t("throttled", { time: format.dateTime(at, { hour: "2-digit", minute: "2-digit" }) }));
      } else setError(e instanceof ApiError ? `${t("failed")} (${e.message})` : t("failed"));
    } finally {
      setPending(false);
    }
  }

  if (key !== null) return <span data-testid="licence-key">{key}</span>;
  if (maskedKey === null) return <span className="text-zinc-600 dark:text-zinc-400">{t("noKey")}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span aria-hidden>{maskedKey}</span>
      <button type="button" className="rounded border px-2 py-0.5 font-sans text-xs" disabled={pending} onClick={reveal}>
        {pending ? t("pending") : t("action")}
      </button>
      {error ? (
        <span role="alert" className="font-sans text-xs text-red-700 dark:text-red-300">
          {error}
        </span>
      ) : null}
    </span>
  );
}
