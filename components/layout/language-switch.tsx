"use client";
// FR/EN switch: stores the choice in the locale cookie (server action), then re-renders on the server.
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { setLocaleAction } from "@/lib/i18n/set-locale-action";

export function LanguageSwitch() {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  async function choose(next: Locale) {
    if (next === locale) return;
    if (await setLocaleAction(next)) startTransition(() => router.refresh());
  }

  return (
    <div role="group" aria-label={t("shell.language")} className="inline-flex rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700">
      {LOCALES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          disabled={pending}
          aria-pressed={code === locale}
          title={t(`locales.${code}`)}
          onClick={() => void choose(code)}
          className={`rounded px-2 py-1 text-xs font-semibold uppercase ${
            code === locale ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "text-zinc-600 dark:text-zinc-400 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
          }`}
        >
          {code}
        </button>
      ))}
    </div>
  );
}
