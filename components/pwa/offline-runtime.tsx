"use client";
// Everything offline that can wait for the page to be idle (components/pwa/offline-support.tsx loads it):
// the service worker's registration and messages, and the offline banner. One lazily loaded chunk, warmed
// into the worker's cache on every page, so it is there when a kept copy is shown offline.
import { OfflineBanner } from "./offline-banner";
import { ServiceWorker } from "./service-worker";

export default function OfflineRuntime({ keepVisitedPages }: { keepVisitedPages: boolean }) {
  return (
    <>
      <OfflineBanner />
      <ServiceWorker keepVisitedPages={keepVisitedPages} />
    </>
  );
}
