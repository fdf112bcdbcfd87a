// The part of the offline support that must run before any of the app's JavaScript (docs/offline.md), as
// a small inline script the dashboard layout puts in every page (components/pwa/early-offline-script.tsx):
// - the browser's install offer comes once, maybe before hydration: on a phone it is held for our card
//   (components/pwa/install-prompt.tsx) instead of the browser's mini-infobar; elsewhere the browser keeps
//   its own install button;
// - sign-out (a form marked `data-sign-out`, components/layout/user-menu.tsx) deletes the member's offline
//   copies in this browser as it is sent, even offline and even before the page's scripts have loaded.
// Inline, it costs the HTML ~0.4 KB compressed instead of a module in every page's first-load JavaScript
// (issue 15's 180 KB budget), and it listens from the first moment.
import { SNAPSHOT_CACHE_PREFIX, STATE_CACHE } from "@/sw/snapshot-rules";

/** Where the held install offer waits (window[INSTALL_EVENT_KEY]), and the event saying it came. */
export const INSTALL_EVENT_KEY = "__chariowInstallPrompt";
export const INSTALL_AVAILABLE_EVENT = "chariow-install-available";
/** Which screens get our install card rather than the browser's own offer. */
export const PHONE_MEDIA = "(pointer: coarse) and (max-width: 767px)";

/** The script's text: plain ES2017, no imports; the values it needs are written into it as JSON. */
export function earlyOfflineScript(): string {
  const j = JSON.stringify;
  return `(function(){
addEventListener("beforeinstallprompt",function(e){if(!matchMedia(${j(PHONE_MEDIA)}).matches)return;e.preventDefault();window[${j(INSTALL_EVENT_KEY)}]=e;dispatchEvent(new Event(${j(INSTALL_AVAILABLE_EVENT)}))});
document.addEventListener("submit",function(e){var f=e.target;if(!(f instanceof HTMLFormElement)||!f.hasAttribute("data-sign-out")||typeof caches==="undefined")return;caches.keys().then(function(n){return Promise.all(n.filter(function(c){return c.indexOf(${j(SNAPSHOT_CACHE_PREFIX)})===0||c===${j(STATE_CACHE)}}).map(function(c){return caches.delete(c)}))})},true);
})();`;
}
