// Builds the service worker (sw/sw.ts → public/sw.js) with esbuild. next.config.mjs calls it when a
// production build or the dev server starts, so every way of building the app (`npm run build`,
// `npm start`'s rebuild, the e2e server) ships a worker that matches its sources. The precache list
// (icons, manifest) carries each file's content hash as its revision, and the offline page's words come
// from messages/<locale>/offline.json — the worker has no other way to read them.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";

function revision(file) {
  return createHash("sha256").update(readFileSync(file)).digest("hex").slice(0, 16);
}

/** Icons and the manifest, precached at install: what the home-screen app needs before any page. */
export function precacheEntries(root) {
  const icons = readdirSync(path.join(root, "public", "icons")).filter((name) => name.endsWith(".png"));
  return [
    ...icons.map((name) => ({ url: `/icons/${name}`, revision: revision(path.join(root, "public", "icons", name)) })),
    // The manifest is a route (app/manifest.ts): its revision follows its source and the messages it reads.
    { url: "/manifest.webmanifest", revision: revision(path.join(root, "app", "manifest.ts")) + revision(path.join(root, "messages", "fr.json")).slice(0, 4) },
  ];
}

/** The words of the worker's offline page (messages Offline.worker.*), by language. */
const WORKER_KEYS = ["title", "body", "retry", "pagesKept"];

function offlineMessages(root) {
  const read = (locale) => {
    const worker = JSON.parse(readFileSync(path.join(root, "messages", locale, "offline.json"), "utf8")).Offline.worker;
    return Object.fromEntries(WORKER_KEYS.map((key) => [key, worker[key]]));
  };
  return { fr: read("fr"), en: read("en") };
}

/** Writes public/sw.js (or `outfile`); returns its path. Throws (failing the build) when the worker does not compile. */
export function buildServiceWorker(root, { minify = true, outfile = path.join(root, "public", "sw.js") } = {}) {
  buildSync({
    entryPoints: [path.join(root, "sw", "sw.ts")],
    bundle: true,
    format: "iife",
    target: "es2020",
    minify,
    outfile,
    legalComments: "none",
    define: {
      __PRECACHE__: JSON.stringify(precacheEntries(root)),
      __OFFLINE_MESSAGES__: JSON.stringify(offlineMessages(root)),
    },
    logLevel: "warning",
  });
  // A marker line so a reader of public/sw.js knows where it comes from.
  const built = readFileSync(outfile, "utf8");
  writeFileSync(outfile, `// Built from sw/sw.ts by lib/pwa/build-service-worker.mjs — do not edit.\n${built}`);
  return outfile;
}
