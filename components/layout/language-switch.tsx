"use client";
// FR/EN switch: a form whose buttons post the chosen language, so it works before the JavaScript has
// loaded (setLocaleFromForm remembers it and answers 303 back to the page). Once hydrated, the switch
// stays on the page instead: it stores the choice (setLocaleAction) and re-renders on the server
// (router.refresh), which also updates <html lang>. Each button is a 44 px touch target.
import { usePathname, useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition, type FormEvent } from "react";
import { LOCALES, isLocale } from "@/lib/i18n/locales";
import { setLocaleAction, setLocaleFromForm } from "@/lib/i18n/set-locale-action";

export function LanguageSwitch() {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const next = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value");
    if (!isLocale(next)) return; // a browser that does not say which button was pressed: the form action runs
    // React does not run a form's action once its submit event is cancelled: the in-place path below replaces it.
    event.preventDefault();
    if (next === locale) return;
    startTransition(async () => {
      if (await setLocaleAction(next)) router.refresh();
    });
  }

  return (
    <form action={setLocaleFromForm} onSubmit={onSubmit}>
      <input type="hidden" name="returnTo" value={pathname ?? "/"} />
      <div role="group" aria-label={t("shell.language")} className="inline-flex gap-0.5 rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700">
        {LOCALES.map((code) => (
          <button
            key={code}
            type="submit"
            name="locale"
            value={code}
            lang={code}
            disabled={pending}
            aria-pressed={code === locale}
            title={t(`locales.${code}`)}
            className={`inline-flex min-h-11 min-w-11 items-center justify-center rounded px-2 text-xs font-semibold uppercase focus-visible:outline-2 focus-visible:outline-brand-500 ${
              code === locale ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
            }`}
          >
            {code}
          </button>
        ))}
      </div>
    </form>
  );
}
