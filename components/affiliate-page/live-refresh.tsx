"use client";
// The affiliate page's live part (issue 21): every 5 s it asks the page's JSON for the version of the
// affiliate's figures; when a Pulse or the sync has brought one of their sales, the version changes and the
// server page is rendered again (router.refresh keeps the scroll and the period). A 404 (the link revoked
// meanwhile) or a 429 stops nothing: the next tick asks again, and a revoked page shows its 404 on reload.
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

export const LIVE_POLL_MS = 5_000;

export function LiveRefresh({ token, initialVersion }: { token: string; initialVersion: string }) {
  const router = useRouter();
  const version = useRef(initialVersion);
  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      try {
        const res = await fetch(`/api/affiliate-page/${encodeURIComponent(token)}`, { cache: "no-store" });
        if (!res.ok) return;
        const body = (await res.json()) as { version?: string };
        if (!stopped && body.version && body.version !== version.current) {
          version.current = body.version;
          router.refresh();
        }
      } catch {
        // Offline for a moment: the next tick tries again.
      }
    };
    const timer = setInterval(() => void tick(), LIVE_POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [token, router]);
  return null;
}
