"use client";
// "Offline — data as of <time>" (docs/offline.md). Shown when the page is a kept copy the service worker
// served (it marks the copy with a `chariow-snapshot-at` meta tag: offline, or the network too slow), or
// when the browser goes offline while the page is open (its data is then as of when it was loaded). When
// the connection returns, the page loads again from the network (a kept copy becomes the live page, a
// live page gets fresh data); while a copy is shown with the browser believing it is online (a timeout, a server
// out of reach), /api/health is asked every HEALTH_POLL_MS so the page comes back as soon as it can.
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState, useSyncExternalStore } from "react";
import { SNAPSHOT_AT_META } from "@/sw/snapshot-rules";

const HEALTH_POLL_MS = 10_000;

function subscribeOnline(onChange: () => void): () => void {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

const noSubscription = () => () => undefined;
const snapshotTakenAt = () => document.querySelector(`meta[name="${SNAPSHOT_AT_META}"]`)?.getAttribute("content") ?? null;

export function OfflineBanner() {
  const t = useTranslations("Offline");
  const format = useFormatter();
  // The server renders no banner (online, no copy); the browser's own answers replace those after hydration.
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);
  const snapshotAt = useSyncExternalStore(noSubscription, snapshotTakenAt, () => null);
  const [loadedAt] = useState(() => Date.now());

  useEffect(() => {
    // A kept copy or a live page alike: load the page again, now from the network.
    const comeBack = () => window.location.reload();
    window.addEventListener("online", comeBack);
    let timer: ReturnType<typeof setInterval> | undefined;
    if (snapshotAt) {
      timer = setInterval(() => {
        if (!navigator.onLine) return;
        fetch("/api/health", { cache: "no-store" })
          .then((res) => (res.ok ? window.location.reload() : undefined))
          .catch(() => undefined);
      }, HEALTH_POLL_MS);
    }
    return () => {
      window.removeEventListener("online", comeBack);
      if (timer) clearInterval(timer);
    };
  }, [snapshotAt]);

  if (!snapshotAt && online) return null;
  const time = format.dateTime(new Date(snapshotAt ?? loadedAt), { dateStyle: "short", timeStyle: "short" });
  return (
    <div className="mx-auto max-w-6xl px-4 pt-4 lg:px-8 print:hidden">
      <div
        role="status"
        data-testid="offline-banner"
        className="flex items-start gap-2 rounded-md border border-zinc-300 bg-zinc-100 px-3 py-2 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <p>{t("banner", { time })}</p>
      </div>
    </div>
  );
}
