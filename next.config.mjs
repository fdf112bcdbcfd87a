// Next.js configuration: next-intl (cookie locale, no URL prefix), static security headers on every
// response, and `forbidden()` for pages a role may not open. The per-request CSP (with a nonce) is set
// in proxy.ts because only a per-request hook can mint a nonce — see docs/security.md. Building (or starting
// the dev server) also builds the service worker.
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from "next/constants.js";
import path from "node:path";
import { fileURLToPath } from "node:url";
import createNextIntlPlugin from "next-intl/plugin";
import { buildServiceWorker } from "./lib/pwa/build-service-worker.mjs";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** Headers that never vary per request. */
const staticSecurityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // better-sqlite3 and pg are native/Node-only: load them at run time instead of bundling them.
  serverExternalPackages: ["better-sqlite3", "pg", "bcryptjs", "pdfkit"],
  experimental: { authInterrupts: true },
  // Type-check what the app imports (app/ and everything it reaches), not the test and simulator trees,
  // so a work-in-progress test elsewhere cannot stop the server from building. `npm run typecheck`
  // still checks the whole repository.
  typescript: { tsconfigPath: "tsconfig.next.json" },
  async headers() {
    return [
      { source: "/:path*", headers: staticSecurityHeaders },
      // The service worker is checked for updates on every navigation: never from an HTTP cache.
      { source: "/sw.js", headers: [{ key: "Cache-Control", value: "no-cache" }, { key: "Content-Type", value: "application/javascript; charset=utf-8" }] },
      // API answers are data, never documents: nothing in them may run or be framed.
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

/** The service worker (public/sw.js) is built with the app, so the two never disagree (docs/offline.md). */
export default function config(phase) {
  if (phase === PHASE_PRODUCTION_BUILD || phase === PHASE_DEVELOPMENT_SERVER) {
    buildServiceWorker(path.dirname(fileURLToPath(import.meta.url)), { minify: phase === PHASE_PRODUCTION_BUILD });
  }
  return withNextIntl(nextConfig);
}
