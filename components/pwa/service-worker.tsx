"use client";
// Registers the service worker (sw/sw.ts, built to /sw.js) on the dashboard's pages in production, and
// keeps it told what the member reads (docs/offline.md): a page reached by in-app navigation arrived as
// an RSC payload, not a document, so its document is fetched for the offline copy — unless the member
// saves data (low-data mode), where only pages the browser loaded itself are kept. When a new version of
// the worker takes over while a page is open, the next in-app navigation loads the new page whole, so no
// page runs old JavaScript against new files. It also brings the install card when the browser offers
// installation on a phone.
import { usePathname, useSearchParams } from "next/navigation";
import { Suspense, lazy, useEffect, useState } from "react";
import { INSTALL_AVAILABLE_EVENT, INSTALL_EVENT_KEY } from "@/lib/pwa/early-script";

/** The install card's code, fetched only when the browser offers installation (React.lazy: no loader of its own). */
const InstallPrompt = lazy(() => import("./install-prompt").then((m) => ({ default: m.InstallPrompt })));

/** Service workers are off in development (`next dev` rebuilds files the worker would keep). */
const ENABLED = process.env.NODE_ENV === "production";

/**
 * Per document, not per component (which may mount again during a navigation): whether the page the
 * browser loaded as a document was seen already (the worker kept it itself), and whether a new worker
 * took over since.
 */
const documentState = { loadedPageSeen: false, updated: false, lastAddress: null as string | null };

/** The address the browser loaded as a document (path and query), from the Navigation Timing entry. */
function documentAddress(): string | null {
  const entry = performance.getEntriesByType("navigation")[0];
  if (!entry) return null;
  const url = new URL(entry.name);
  return `${url.pathname}${url.search}`;
}

export function ServiceWorker({ keepVisitedPages }: { keepVisitedPages: boolean }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const [installable, setInstallable] = useState(false);

  useEffect(() => {
    const offered = () => setInstallable(true);
    if ((window as unknown as Record<string, Event | undefined>)[INSTALL_EVENT_KEY]) offered();
    window.addEventListener(INSTALL_AVAILABLE_EVENT, offered);
    return () => window.removeEventListener(INSTALL_AVAILABLE_EVENT, offered);
  }, []);

  useEffect(() => {
    if (!ENABLED || !("serviceWorker" in navigator)) return;
    const hadController = navigator.serviceWorker.controller !== null;
    const onControllerChange = () => {
      if (hadController) documentState.updated = true;
    };
    navigator.serviceWorker.addEventListener("controllerchange", onControllerChange);
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch((error: unknown) => console.warn("[offline] service worker not registered", error));
    return () => navigator.serviceWorker.removeEventListener("controllerchange", onControllerChange);
  }, []);

  useEffect(() => {
    if (!ENABLED || !("serviceWorker" in navigator)) return;
    const url = `${pathname}${search ? `?${search}` : ""}`;
    if (url === documentState.lastAddress) return; // the same page again (a component mounted again)
    documentState.lastAddress = url;
    if (!documentState.loadedPageSeen) {
      documentState.loadedPageSeen = true;
      if (url === documentAddress()) return; // loaded as a document: the worker kept it already
    }
    if (documentState.updated) {
      window.location.reload(); // the address is already the new page's: load it whole
      return;
    }
    if (keepVisitedPages && navigator.onLine) navigator.serviceWorker.controller?.postMessage({ type: "keep", url });
  }, [pathname, search, keepVisitedPages]);

  return installable ? (
    <Suspense fallback={null}>
      <InstallPrompt />
    </Suspense>
  ) : null;
}
