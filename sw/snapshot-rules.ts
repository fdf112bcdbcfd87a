// The service worker's decisions, as pure functions (no Cache API, no `self`), so unit tests can pin
// them: which requests it may answer from a snapshot, whose snapshot a page is (the scope the dashboard
// layout writes into every page, lib/pwa/snapshot-scope.ts), whether that member's snapshots are still
// readable, and how a snapshot is marked when it is served, so the page can say "Offline — data as of …".
// docs/offline.md tells the whole story; sw/sw.ts applies these rules.

/** The meta tags of a dashboard page that name its member's snapshot scope and the session's end. */
export const SCOPE_META = "chariow-snapshot-scope";
export const EXPIRES_META = "chariow-snapshot-expires";
/** Written by the service worker into a page it serves from a snapshot: when that copy was taken. */
export const SNAPSHOT_AT_META = "chariow-snapshot-at";

/** Cache names. Snapshots: one cache per member scope. Static: hashed, immutable build files. */
export const SNAPSHOT_CACHE_PREFIX = "chariow-snapshots-";
export const STATIC_CACHE = "chariow-static-v1";
export const STATE_CACHE = "chariow-sw-state";
/** The one entry of STATE_CACHE: which member's snapshots are current, until when (JSON). */
export const STATE_KEY = "/__chariow-sw/state";

/** Pages anyone may open without a session: opening one online means no member is signed in here. */
const PUBLIC_PAGES = [/^\/login\/?$/, /^\/invite\/[^/]+\/?$/];
/** Never kept: files a member downloads (CSV, PDF) and everything under /api. */
const NEVER_KEPT = [/^\/api\//, /\.(csv|pdf)$/i];

export type SnapshotState = { scope: string; expiresAt: string; locale: string };

/** A page of the dashboard (not a public page, API, file or build asset) whose document may be kept. */
export function isSnapshotPage(pathname: string): boolean {
  if (PUBLIC_PAGES.some((re) => re.test(pathname))) return false;
  if (NEVER_KEPT.some((re) => re.test(pathname))) return false;
  if (pathname.startsWith("/_next/") || pathname.startsWith("/icons/")) return false;
  if (pathname === "/sw.js" || pathname === "/manifest.webmanifest" || pathname === "/offline") return false;
  return true;
}

export function isPublicPage(pathname: string): boolean {
  return PUBLIC_PAGES.some((re) => re.test(pathname));
}

/** Immutable build output and the app's own icons: safe to answer from the cache first. */
export function isStaticAsset(pathname: string): boolean {
  return pathname.startsWith("/_next/static/") || pathname.startsWith("/icons/");
}

function metaContent(html: string, name: string): string | null {
  // Next renders `<meta name="…" content="…"/>`; the attribute order is fixed by React.
  const match = new RegExp(`<meta name="${name}" content="([^"]*)"`).exec(html);
  return match ? decodeEntities(match[1]) : null;
}

function decodeEntities(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** The scope, end and language a dashboard page declares, or null for a page that declares none. */
export function readPageState(html: string): SnapshotState | null {
  const scope = metaContent(html, SCOPE_META);
  const expiresAt = metaContent(html, EXPIRES_META);
  if (!scope || !/^[a-f0-9]{16,128}$/.test(scope) || !expiresAt || Number.isNaN(Date.parse(expiresAt))) return null;
  const lang = /<html[^>]*\slang="([a-zA-Z-]+)"/.exec(html)?.[1] ?? "fr";
  return { scope, expiresAt, locale: lang.toLowerCase().startsWith("en") ? "en" : "fr" };
}

/** The page's own name (its <title> before " · <app name>"), for the offline page's list of kept pages. */
export function pageTitle(html: string): string | null {
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1];
  if (!title) return null;
  return decodeEntities(title).split(" · ")[0].trim() || null;
}

/** May the snapshots of `state` still be read at `now`? Never after the session they were taken in ends. */
export function isReadable(state: SnapshotState | null, now: Date): state is SnapshotState {
  return state !== null && Date.parse(state.expiresAt) > now.getTime();
}

/** The page as served from a snapshot: marked with when it was taken, just after `<head>`. */
export function markSnapshot(html: string, takenAt: string): string {
  const tag = `<meta name="${SNAPSHOT_AT_META}" content="${takenAt}"/>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) return tag + html;
  const at = head.index + head[0].length;
  return html.slice(0, at) + tag + html.slice(at);
}

/** The key a page's snapshot is stored under: its path and query, without Next's `_rsc` cache-buster. */
export function snapshotKey(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.delete("_rsc");
  parsed.hash = "";
  return `${parsed.pathname}${parsed.search}`;
}

/** Response headers that describe the network's encoding of a body we re-create: dropped. */
export const HEADERS_NOT_COPIED = ["content-length", "content-encoding", "transfer-encoding"];

/** The most snapshots kept per member: the pages they opened last. */
export const MAX_SNAPSHOTS = 40;
