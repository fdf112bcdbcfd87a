"use client";
// Owners and admins edit the French and English recovery messages; placeholders are listed beside them.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/error-text";
import { apiFetch } from "@/lib/http/api-client";

const AREA = "mt-1 block w-full rounded-md border border-zinc-300 bg-white p-2 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";

export function RecoveryTemplatesForm({ initial }: { initial: { fr: string; en: string } }) {
  const t = useTranslations("Recovery");
  const router = useRouter();
  const [fr, setFr] = useState(initial.fr);
  const [en, setEn] = useState(initial.en);
  const [outcome, setOutcome] = useState<{ saved: true } | { error: unknown } | null>(null);
  const save = async () => {
    try {
      await apiFetch("/api/recovery/templates", { method: "PUT", body: { fr, en } });
      setOutcome({ saved: true });
      router.refresh();
    } catch (error) {
      setOutcome({ error });
    }
  };
  return (
    <details className="text-sm" data-testid="recovery-templates">
      <summary className="flex min-h-11 cursor-pointer items-center font-medium">{t("templates.title")}</summary>
      <p className="my-2 text-zinc-600 dark:text-zinc-400">{t("templates.placeholders")}</p>
      <label className="mb-2 block">
        {t("templates.fr")}
        <textarea className={AREA} rows={3} value={fr} onChange={(e) => setFr(e.target.value)} />
      </label>
      <label className="mb-2 block">
        {t("templates.en")}
        <textarea className={AREA} rows={3} value={en} onChange={(e) => setEn(e.target.value)} />
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={buttonClass("primary", "min-h-11")} onClick={save}>
          {t("actions.save")}
        </button>
        {outcome ? (
          <span role="status" className={"error" in outcome ? "text-red-700 dark:text-red-300" : undefined}>
            {"saved" in outcome ? t("actions.saved") : <ErrorText error={outcome.error} />}
          </span>
        ) : null}
      </div>
    </details>
  );
}
