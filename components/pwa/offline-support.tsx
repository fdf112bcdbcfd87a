"use client";
// The dashboard's offline support as it ships in every page's first load (docs/offline.md): almost
// nothing. What must listen from the first moment (the install offer, sign-out's clean-up) is the inline
// script of lib/pwa/early-script.ts; this loads the offline
// runtime (the service worker's registration, the offline banner: components/pwa/offline-runtime.tsx)
// once the page is idle — registering a service worker after load is the browser makers' own advice, and
// it keeps issue 15's first-load budget. The runtime's chunk then sits in the worker's cache of build
// files, so a kept copy shown offline finds it.
import { Suspense, lazy, useEffect, useState } from "react";

const OfflineRuntime = lazy(() => import("./offline-runtime"));

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
