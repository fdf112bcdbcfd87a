// The member's low-data choice (lib/pwa/low-data.ts): automatic, on or off, as three buttons of one form
// posting to a server action (lib/pwa/low-data-action.ts) — no client JavaScript, so it works on the
// slowest connection, before the page's scripts. The page comes back rendered in the new mode. In the
// shell's member area (every role) and on the Settings page (with its help text).
import { useTranslations } from "next-intl";
import { setLowDataFromForm } from "@/lib/pwa/low-data-action";

const CHOICES = ["auto", "on", "off"] as const;
type Choice = (typeof CHOICES)[number];

/** `id`: unique per page (the control is in the menu and on Settings): names its group's label. */
export function LowDataControl({ id, current, returnTo, showHelp = false }: { id: string; current: Choice; returnTo: string; showHelp?: boolean }) {
  const t = useTranslations("Offline.lowData");
  return (
    <form action={setLowDataFromForm} className="space-y-1" data-testid="low-data-control">
      <input type="hidden" name="returnTo" value={returnTo} />
      <p id={`${id}-label`} className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
        {t("label")}
      </p>
      <div role="group" aria-labelledby={`${id}-label`} className="inline-flex flex-wrap gap-0.5 rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700">
        {CHOICES.map((choice) => (
          <button
            key={choice}
            type="submit"
            name="lowData"
            value={choice}
            aria-pressed={choice === current}
            className={`inline-flex min-h-11 min-w-11 items-center justify-center rounded px-2 text-xs font-semibold focus-visible:outline-2 focus-visible:outline-brand-500 ${
              choice === current ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
            }`}
          >
            {t(`short.${choice}`)}
          </button>
        ))}
      </div>
      {showHelp ? <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("help")}</p> : null}
    </form>
  );
}
