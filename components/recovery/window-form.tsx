"use client";
// Owners and admins set the recovery attribution window (days); the server validates 1–90 and audits it.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/error-text";
import { apiFetch } from "@/lib/http/api-client";

export function RecoveryWindowForm({ initial, min, max }: { initial: number; min: number; max: number }) {
  const t = useTranslations("Recovery");
  const router = useRouter();
  const [days, setDays] = useState(String(initial));
  const [outcome, setOutcome] = useState<{ saved: true } | { error: unknown } | null>(null);
  const save = async () => {
    try {
      await apiFetch("/api/recovery/window", { method: "PUT", body: { days: Number(days) } });
      setOutcome({ saved: true });
      router.refresh();
    } catch (error) {
      setOutcome({ error });
    }
  };
  return (
    <div className="text-sm" data-testid="recovery-window">
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex flex-wrap items-center gap-2">
          {t("window.days")}
          <input className="min-h-11 w-20 rounded-md border border-zinc-300 bg-white px-2 text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100" type="number" inputMode="numeric" min={min} max={max} step={1} value={days} onChange={(e) => setDays(e.target.value)} />
        </label>
        <button type="button" className={buttonClass("primary", "min-h-11")} onClick={save}>
          {t("actions.save")}
        </button>
        {outcome ? (
          <span role="status" className={"error" in outcome ? "text-red-700 dark:text-red-300" : undefined}>
            {"saved" in outcome ? t("actions.saved") : <ErrorText error={outcome.error} />}
          </span>
        ) : null}
      </div>
      <p className="mt-1 text-zinc-600 dark:text-zinc-400">{t("window.help", { min, max })}</p>
    </div>
  );
}
