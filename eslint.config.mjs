// ESLint: Next.js's recommended rules (core web vitals + TypeScript), run with `npm run lint`.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "bench/out/**", "next-env.d.ts"] },
  // The service worker as built from sw/sw.ts (lib/pwa/build-service-worker.mjs): generated, minified, git-ignored.
  { ignores: ["public/sw.js"] },
  // The seeds' code examples are kept byte-for-byte as Chariow publishes them.
  { ignores: ["tests/integration/seed-examples/**"] },
];

export default config;
