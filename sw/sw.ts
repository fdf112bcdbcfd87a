/// <reference lib="webworker" />
// The dashboard's service worker (issue 18, docs/offline.md), built by lib/pwa/build-service-worker.mjs
// into public/sw.js. Serwist precaches the icons and manifest and keeps the hashed build files cache-first;
// this file adds the member's page snapshots: every dashboard page opened online is kept (per member, in
// that member's own cache), and offline — or when the network takes longer than NETWORK_TIMEOUT_MS — the
// last copy is served, marked so the page shows "Offline — data as of <time>". No snapshot is ever read
// after its session's end, opening the login page online deletes them all, and a page of another member
// deletes the previous member's. API answers, downloads and mutations are never cached or queued.
import { CacheFirst, ExpirationPlugin, Serwist, type PrecacheEntry, type RouteHandlerCallbackOptions } from "serwist";
import {
  HEADERS_NOT_COPIED,
  MAX_SNAPSHOTS,
  SNAPSHOT_CACHE_PREFIX,
  STATE_CACHE,
  STATE_KEY,
  STATIC_CACHE,
  isPublicPage,
  isReadable,
  isSnapshotPage,
  isStaticAsset,
  markSnapshot,
  pageTitle,
  readPageState,
  snapshotKey,
  type SnapshotState,
} from "./snapshot-rules";

declare const self: ServiceWorkerGlobalScope;
/** Injected at build time: the precache list (icons, manifest) with content revisions. */
declare const __PRECACHE__: PrecacheEntry[];
/** Injected at build time: messages/<locale>/offline.json for the fallback page. */
declare const __OFFLINE_MESSAGES__: Record<"fr" | "en", { title: string; body: string; retry: string; pagesKept: string }>;

/** After this long without an answer, a kept copy is shown (and replaced when the answer comes). */
const NETWORK_TIMEOUT_MS = 8_000;

async function readState(): Promise<SnapshotState | null> {
  const answer = await (await caches.open(STATE_CACHE)).match(STATE_KEY);
  return answer ? ((await answer.json()) as SnapshotState) : null;
}

async function writeState(state: SnapshotState): Promise<void> {
  await (await caches.open(STATE_CACHE)).put(STATE_KEY, new Response(JSON.stringify(state), { headers: { "content-type": "application/json" } }));
}

/** Deletes every member's snapshots except `keepScope`'s (all of them when it is null). */
async function purgeSnapshots(keepScope: string | null): Promise<void> {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(SNAPSHOT_CACHE_PREFIX) && name !== `${SNAPSHOT_CACHE_PREFIX}${keepScope}`).map((name) => caches.delete(name)));
  if (keepScope === null) await caches.delete(STATE_CACHE);
}

function copyHeaders(from: Headers): Headers {
  const headers = new Headers(from);
  for (const name of HEADERS_NOT_COPIED) headers.delete(name);
  return headers;
}

/** Keeps a dashboard page answered online as its member's snapshot of that URL. */
async function keepSnapshot(url: string, response: Response): Promise<void> {
  if (response.status !== 200 || !(response.headers.get("content-type") ?? "").includes("text/html")) return;
  const html = await response.text();
  const state = readPageState(html);
  if (!state) return;
  const previous = await readState();
  if (previous?.scope !== state.scope) await purgeSnapshots(state.scope);
  const cache = await caches.open(`${SNAPSHOT_CACHE_PREFIX}${state.scope}`);
  const headers = copyHeaders(response.headers);
  headers.set("x-snapshot-at", new Date().toISOString());
  headers.set("x-snapshot-title", encodeURIComponent(pageTitle(html) ?? ""));
  await cache.put(snapshotKey(url), new Response(html, { status: 200, headers }));
  await writeState(state);
  // Only the pages opened last: the oldest copies go first.
  const keys = await cache.keys();
  if (keys.length > MAX_SNAPSHOTS) {
    const dated = await Promise.all(keys.map(async (key) => ({ key, at: (await cache.match(key))?.headers.get("x-snapshot-at") ?? "" })));
    dated.sort((a, b) => a.at.localeCompare(b.at));
    await Promise.all(dated.slice(0, keys.length - MAX_SNAPSHOTS).map(({ key }) => cache.delete(key)));
  }
}

/** The member's copy of `url`, marked as a snapshot — or null (none, or the session it belongs to is over). */
async function servedSnapshot(url: string): Promise<Response | null> {
  const state = await readState();
  if (!isReadable(state, new Date())) {
    if (state) await purgeSnapshots(null);
    return null;
  }
  const kept = await (await caches.open(`${SNAPSHOT_CACHE_PREFIX}${state.scope}`)).match(snapshotKey(url));
  if (!kept) return null;
  const takenAt = kept.headers.get("x-snapshot-at") ?? new Date(0).toISOString();
  return new Response(markSnapshot(await kept.text(), takenAt), { status: 200, headers: copyHeaders(kept.headers) });
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The page shown offline when there is no copy of the one asked for: the member's kept pages, if any. */
async function offlinePage(): Promise<Response> {
  const state = await readState();
  const readable = isReadable(state, new Date());
  const language = readable ? state.locale : self.navigator.language;
  const locale: "fr" | "en" = language.toLowerCase().startsWith("en") ? "en" : "fr";
  const t = __OFFLINE_MESSAGES__[locale];
  const cache = readable ? await caches.open(`${SNAPSHOT_CACHE_PREFIX}${state.scope}`) : null;
  const kept = cache
    ? await Promise.all(
        (await cache.keys()).map(async (request) => {
          const url = new URL(request.url);
          const path = url.pathname + url.search;
          const title = decodeURIComponent((await cache.match(request))?.headers.get("x-snapshot-title") ?? "");
          return { path, label: title && url.search ? `${title} (${url.search.slice(1)})` : title || path };
        }),
      )
    : [];
  const links = kept.map(({ path, label }) => `<li><a href="${escapeHtml(path)}">${escapeHtml(label)}</a></li>`).join("");
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(t.title)}</title><style>
body{font-family:system-ui,sans-serif;margin:0;padding:24px;background:#fafafa;color:#18181b;line-height:1.5}
@media (prefers-color-scheme:dark){body{background:#09090b;color:#f4f4f5}a{color:#93c5fd}}
main{max-width:32rem;margin:0 auto}a{color:#1d4ed8;display:inline-block;min-height:44px;line-height:44px}
</style></head><body><main><h1>${escapeHtml(t.title)}</h1><p>${escapeHtml(t.body)}</p><p><a href="">${escapeHtml(t.retry)}</a></p>${
    links ? `<h2>${escapeHtml(t.pagesKept)}</h2><ul>${links}</ul>` : ""
  }</main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'" },
  });
}

function timeout(ms: number): Promise<"timeout"> {
  return new Promise((resolve) => setTimeout(() => resolve("timeout"), ms));
}

/** A page navigation: the network first; a member's kept copy when it fails or is too slow. */
async function handleNavigation({ request, url, event }: RouteHandlerCallbackOptions): Promise<Response> {
  const network = fetch(request);
  if (isPublicPage(url.pathname)) {
    // The login or invite page: whoever used this browser is signed out (or being replaced).
    try {
      const response = await network;
      if (response.ok) (event as FetchEvent).waitUntil(purgeSnapshots(null));
      return response;
    } catch {
      return offlinePage();
    }
  }
  if (!isSnapshotPage(url.pathname)) return network;
  const kept = network.then((response) => {
    if (response.ok && response.type === "basic") (event as FetchEvent).waitUntil(keepSnapshot(url.href, response.clone()));
    return response;
  });
  kept.catch(() => undefined); // when a kept copy answered first, a later failure is nobody's error
  try {
    const first = await Promise.race([kept, timeout(NETWORK_TIMEOUT_MS)]);
    if (first !== "timeout") return first;
    return (await servedSnapshot(url.href)) ?? (await kept);
  } catch {
    return (await servedSnapshot(url.href)) ?? offlinePage();
  }
}

const serwist = new Serwist({
  precacheEntries: __PRECACHE__,
  // A new version takes over at once; pages already open keep working because the hashed build files
  // they reference stay in STATIC_CACHE (no version purges it), and the page reloads on its next
  // navigation (components/pwa/service-worker.tsx), so no page mixes old and new files.
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  disableDevLogs: true,
  runtimeCaching: [
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && isStaticAsset(url.pathname),
      handler: new CacheFirst({ cacheName: STATIC_CACHE, plugins: [new ExpirationPlugin({ maxEntries: 400, maxAgeSeconds: 90 * 24 * 3600 })] }),
    },
    {
      matcher: ({ request, sameOrigin }) => sameOrigin && request.mode === "navigate" && request.method === "GET",
      handler: { handle: handleNavigation },
    },
  ],
});

self.addEventListener("message", (event) => {
  const data = event.data as { type?: string; url?: string } | null;
  if (data?.type === "purge") {
    event.waitUntil(purgeSnapshots(null));
  } else if (data?.type === "keep" && typeof data.url === "string") {
    // A page reached by in-app navigation (its data came as an RSC payload): keep its document too.
    const url = new URL(data.url, self.location.origin);
    if (url.origin !== self.location.origin || !isSnapshotPage(url.pathname)) return;
    event.waitUntil(
      fetch(url.href, { credentials: "same-origin", headers: { accept: "text/html" } })
        .then((response) => (response.ok && !response.redirected ? keepSnapshot(url.href, response) : undefined))
        .catch(() => undefined),
    );
  }
});

serwist.addEventListeners();

// Web Push (issue 19, docs/notifications.md): a digest or an alert shown as a notification; a tap opens its
// page (in a dashboard tab already open when there is one). The payload is {title, body, link}, encrypted
// for this browser by the server (lib/notifications/channels/push.ts).
self.addEventListener("push", (event) => {
  let message: { title?: string; body?: string; link?: string } = {};
  try {
    message = (event.data?.json() ?? {}) as typeof message;
  } catch {
    message = { body: event.data?.text() };
  }
  event.waitUntil(
    self.registration.showNotification(message.title ?? "Chariow", { body: message.body ?? "", icon: "/icons/icon-192.png", badge: "/icons/icon-192.png", data: { link: message.link ?? "/overview" } }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = new URL((event.notification.data as { link?: string } | null)?.link ?? "/overview", self.location.origin);
  // Only our own pages: a link to elsewhere opens the Overview instead.
  const url = target.origin === self.location.origin ? target.href : new URL("/overview", self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => new URL(w.url).origin === self.location.origin) as WindowClient | undefined;
      return open ? open.navigate(url).then((w) => w?.focus()) : self.clients.openWindow(url);
    }),
  );
});
