"use client";
// The member's low-data choice (lib/pwa/low-data.ts): automatic, on or off, saved at once through
// PUT /api/me/preferences, then the page re-renders on the server in the new mode. In the shell's
// member area (every role) and on the Settings page.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { ErrorText } from "@/components/ui/error-text";
import { inputClass } from "@/components/ui/field";
import { apiFetch } from "@/lib/http/api-client";

const CHOICES = ["auto", "on", "off"] as const;
type Choice = (typeof CHOICES)[number];

export function LowDataControl({ current, showHelp = false }: { current: Choice; showHelp?: boolean }) {
  const t = useTranslations("Offline.lowData");
  const id = useId();
  const router = useRouter();
  const [choice, setChoice] = useState<Choice>(current);
  const save = useMutation({
    mutationFn: (lowData: Choice) => apiFetch<{ lowData: Choice }>("/api/me/preferences", { method: "PUT", body: { lowData } }),
    onSuccess: () => router.refresh(),
    onError: () => setChoice(current),
  });
  return (
    <div className="space-y-1" data-testid="low-data-control">
      <label htmlFor={id} className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
        {t("label")}
      </label>
      <select
        id={id}
        className={`${inputClass} min-h-11`}
        value={choice}
        disabled={save.isPending}
        onChange={(e) => {
          const next = e.target.value as Choice;
          setChoice(next);
          save.mutate(next);
        }}
      >
        {CHOICES.map((c) => (
          <option key={c} value={c}>
            {t(c)}
          </option>
        ))}
      </select>
      {showHelp ? <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("help")}</p> : null}
      {save.isSuccess ? <p role="status" className="text-xs text-zinc-600 dark:text-zinc-400">{t("saved")}</p> : null}
      {save.isError ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          <ErrorText error={save.error} />
        </p>
      ) : null}
    </div>
  );
}
