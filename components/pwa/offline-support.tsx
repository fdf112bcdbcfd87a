"use client";
// The dashboard's offline support as it ships in every page's first load (docs/offline.md): almost
// nothing. It holds the browser's install offer, which comes once and early, and loads the offline
// runtime (the service worker's registration, the offline banner: components/pwa/offline-runtime.tsx)
// once the page is idle — registering a service worker after load is the browser makers' own advice, and
// it keeps issue 15's first-load budget. The runtime's chunk then sits in the worker's cache of build
// files, so a kept copy shown offline finds it.
import { Suspense, lazy, useEffect, useState } from "react";
import { INSTALL_EVENT_KEY, deleteOfflineCopies } from "./offline-copies";

const OfflineRuntime = lazy(() => import("./offline-runtime"));

if (typeof window !== "undefined") {
  window.addEventListener("beforeinstallprompt", (event) => {
    // On a phone, our card (components/pwa/install-prompt.tsx) instead of the browser's mini-infobar;
    // elsewhere the browser keeps its own install button.
    if (!window.matchMedia("(pointer: coarse) and (max-width: 767px)").matches) return;
    event.preventDefault();
    (window as unknown as Record<string, Event>)[INSTALL_EVENT_KEY] = event;
    window.dispatchEvent(new Event("chariow-install-available"));
  });
  // Sign-out (a form marked `data-sign-out`, components/layout/user-menu.tsx): the member's offline copies
  // are deleted in this browser as it is sent, even when the server cannot be reached.
  document.addEventListener(
    "submit",
    (event) => {
      if (event.target instanceof HTMLFormElement && event.target.hasAttribute("data-sign-out")) void deleteOfflineCopies();
    },
    true,
  );
}

export function OfflineSupport({ keepVisitedPages }: { keepVisitedPages: boolean }) {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    const start = () => setIdle(true);
    if ("requestIdleCallback" in window) {
      const id = window.requestIdleCallback(start, { timeout: 2_000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = setTimeout(start, 200);
    return () => clearTimeout(id);
  }, []);
  return idle ? (
    <Suspense fallback={null}>
      <OfflineRuntime keepVisitedPages={keepVisitedPages} />
    </Suspense>
  ) : null;
}
