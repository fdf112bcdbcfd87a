"use client";
// The install offer (issue 18): on a phone, when the browser says the dashboard can be installed
// (`beforeinstallprompt`, held for this card by components/pwa/service-worker.tsx), a small card offers it once. Either answer — install or "not now" — is
// remembered in this browser and the card never comes back; desktops never see it (their browsers show
// their own install button in the address bar). It floats above the phone's bottom bar, loaded only
// when offered (components/pwa/service-worker.tsx).
import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { INSTALL_AVAILABLE_EVENT, INSTALL_EVENT_KEY } from "@/lib/pwa/early-script";

const OFFERED_KEY = "chariow-install-offered";

/** Chromium's event: not in TypeScript's DOM library. */
type InstallPromptEvent = Event & { prompt: () => Promise<void>; userChoice: Promise<{ outcome: "accepted" | "dismissed" }> };

function alreadyOffered(): boolean {
  try {
    return window.localStorage.getItem(OFFERED_KEY) !== null;
  } catch {
    return true; // storage refused: we could not remember the answer, so do not ask
  }
}

function remember(outcome: string): void {
  try {
    window.localStorage.setItem(OFFERED_KEY, outcome);
  } catch {
    // nothing to do: the card simply will not come back in this page
  }
}

export function InstallPrompt() {
  const t = useTranslations("Offline.install");
  const [event, setEvent] = useState<InstallPromptEvent | null>(null);

  useEffect(() => {
    if (alreadyOffered()) return;
    // The event, held by the early script (lib/pwa/early-script.ts, phones only), whether it came before or after this card loaded.
    const take = () => {
      const held = (window as unknown as Record<string, Event | undefined>)[INSTALL_EVENT_KEY];
      if (held) setEvent(held as InstallPromptEvent);
    };
    take();
    window.addEventListener(INSTALL_AVAILABLE_EVENT, take);
    return () => window.removeEventListener(INSTALL_AVAILABLE_EVENT, take);
  }, []);

  if (!event) return null;
  const close = (outcome: string) => {
    remember(outcome);
    setEvent(null);
  };
  return (
    <div className="fixed inset-x-0 bottom-20 z-40 px-4 print:hidden">
      <section aria-labelledby="install-title" data-testid="install-prompt" className="mx-auto max-w-md rounded-md border border-brand-100 bg-brand-50 p-3 text-sm text-zinc-900 shadow-lg dark:border-brand-700 dark:bg-zinc-900 dark:text-zinc-100">
        <h2 id="install-title" className="font-semibold">
          {t("title")}
        </h2>
        <p className="mt-1">{t("body")}</p>
        <div className="mt-2 flex flex-wrap gap-2">
          <button
            type="button"
            className={buttonClass("primary")}
            onClick={() => {
              void event.prompt();
              void event.userChoice.then((choice) => close(choice.outcome)).catch(() => close("dismissed"));
            }}
          >
            <Download aria-hidden className="size-4" />
            {t("action")}
          </button>
          <button type="button" className={buttonClass("ghost")} onClick={() => close("dismissed")}>
            {t("dismiss")}
          </button>
        </div>
      </section>
    </div>
  );
}
