// Vitest runs unit and integration tests; `server-only` is aliased to an empty module because
// tests run in Node, outside React's server/client split. next-auth is inlined (transformed by Vite)
// because its ESM build imports `next/server` without an extension, which Node's own loader refuses;
// the auth tests run its real handlers.
import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/unit/**/*.test.tsx", "tests/integration/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses; inlined,
    // Vite resolves it (tests/integration/http/body-limit.test.ts calls next-auth's real handlers).
    server: { deps: { inline: ["next-auth"] } },
  },
});
