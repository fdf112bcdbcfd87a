// The frame of the pages seen before signing in: a centred card, with the language and theme switches.
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { ThemeSwitch } from "@/components/layout/theme-switch";
import { THEME_ICONS } from "@/components/layout/theme-switch-icons";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-screen bg-zinc-50 text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">
      <div className="flex justify-end gap-2 p-4">
        <LanguageSwitch />
        <ThemeSwitch icons={THEME_ICONS} />
      </div>
      <main className="mx-auto w-full max-w-md px-4 pb-16">{children}</main>
    </div>
  );
}
