"use client";
// Light / dark / system theme toggle (next-themes keeps the choice in localStorage, so it needs the
// JavaScript; until then the page follows the system's theme). Each button is a 44 px touch target. The
// icons come from the server (theme-switch-icons.tsx), so no icon code is in the page's JavaScript.
import type { ReactNode } from "react";
import { useTheme } from "next-themes";
import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";

const OPTIONS = [
  { value: "light", label: "themeLight" },
  { value: "dark", label: "themeDark" },
  { value: "system", label: "themeSystem" },
] as const;

export type ThemeIcons = Record<(typeof OPTIONS)[number]["value"], ReactNode>;

const subscribeNothing = () => () => {};

export function ThemeSwitch({ icons }: { icons: ThemeIcons }) {
  const t = useTranslations("shell");
  const { theme, setTheme } = useTheme();
  // The stored theme is only known in the browser: false while rendering on the server and hydrating.
  const mounted = useSyncExternalStore(subscribeNothing, () => true, () => false);

  return (
    <div role="group" aria-label={t("theme")} className="inline-flex gap-0.5 rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700">
      {OPTIONS.map(({ value, label }) => (
        <button
          key={value}
          type="button"
          title={t(label)}
          aria-label={t(label)}
          aria-pressed={mounted ? theme === value : undefined}
          onClick={() => setTheme(value)}
          className={`inline-flex size-11 items-center justify-center rounded focus-visible:outline-2 focus-visible:outline-brand-500 ${mounted && theme === value ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"}`}
        >
          {icons[value]}
        </button>
      ))}
    </div>
  );
}
