"use client";
// The sign-out form (components/layout/user-menu.tsx) with one thing more: the offline copies of the
// member's pages are deleted in this browser as the form is sent, even when the sign-out itself cannot
// reach the server (docs/offline.md). The service worker deletes them again when the login page loads.
import type { ReactNode } from "react";
import { deleteOfflineCopies } from "./offline-copies";

export function SignOutForm({ action, children }: { action: () => Promise<void>; children: ReactNode }) {
  return (
    <form action={action} onSubmit={() => void deleteOfflineCopies()}>
      {children}
    </form>
  );
}
