"use client";
// Light / dark / system theme toggle (next-themes keeps the choice in localStorage).
import { Monitor, Moon, Sun } from "lucide-react";
import { useTheme } from "next-themes";
import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";

const OPTIONS = [
  { value: "light", icon: Sun, label: "themeLight" },
  { value: "dark", icon: Moon, label: "themeDark" },
  { value: "system", icon: Monitor, label: "themeSystem" },
] as const;

const subscribeNothing = () => () => {};

export function ThemeSwitch() {
  const t = useTranslations("shell");
  const { theme, setTheme } = useTheme();
  // The stored theme is only known in the browser: false while rendering on the server and hydrating.
  const mounted = useSyncExternalStore(subscribeNothing, () => true, () => false);

  return (
    <div role="group" aria-label={t("theme")} className="inline-flex rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700">
      {OPTIONS.map(({ value, icon: Icon, label }) => (
        <button
          key={value}
          type="button"
          title={t(label)}
          aria-label={t(label)}
          aria-pressed={mounted ? theme === value : undefined}
          onClick={() => setTheme(value)}
          className={`rounded p-1 ${mounted && theme === value ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "text-zinc-600 dark:text-zinc-400 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"}`}
        >
          <Icon aria-hidden className="size-3.5" />
        </button>
      ))}
    </div>
  );
}
