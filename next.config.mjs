// Next.js configuration: next-intl (cookie locale, no URL prefix), static security headers on every
// response, and `forbidden()` for pages a role may not open. The per-request CSP (with a nonce) is set
// in proxy.ts because only a per-request hook can mint a nonce — see docs/security.md.
import createNextIntlPlugin from "next-intl/plugin";

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
      // API answers are data, never documents: nothing in them may run or be framed.
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
