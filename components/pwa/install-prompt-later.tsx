"use client";
// The install offer, fetched after the page has hydrated (next/dynamic): it matters only on a phone where
// the browser offers installation, so it stays out of every page's first-load JavaScript (issue 15's
// budget; bench/README.md "First-load weight").
import dynamic from "next/dynamic";

export const InstallPromptLater = dynamic(() => import("./install-prompt").then((m) => m.InstallPrompt), { ssr: false });
