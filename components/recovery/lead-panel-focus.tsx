"use client";
// The lead's panel once JavaScript is there: it takes the focus when it opens (the keyboard and screen
// readers continue in it, not behind its backdrop), and Escape closes it (back to the list's URL). Before
// JavaScript the panel is already there and its Close link and backdrop close it.
import { useEffect } from "react";
import { useRouter } from "next/navigation";

export function LeadPanelFocus({ panelId, closeHref }: { panelId: string; closeHref: string }) {
  const router = useRouter();
  useEffect(() => {
    const panel = document.getElementById(panelId);
    panel?.focus({ preventScroll: true });
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") router.replace(closeHref, { scroll: false });
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [panelId, closeHref, router]);
  return null;
}
