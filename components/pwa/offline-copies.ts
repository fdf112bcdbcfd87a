// The names the service worker keeps a member's pages under (sw/snapshot-rules.ts), for the page-side
// code that deletes them at sign-out — without loading the worker's rules or the offline runtime.
export const INSTALL_EVENT_KEY = "__chariowInstallPrompt";

/** Deletes this browser's offline copies of the member's pages (sign-out): the worker's caches by name. */
export async function deleteOfflineCopies(): Promise<void> {
  if (typeof caches === "undefined") return;
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith("chariow-snapshots-") || name === "chariow-sw-state").map((name) => caches.delete(name)));
}
