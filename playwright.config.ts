// End-to-end tests in Debian's Chromium (never a downloaded browser) against a fresh production build:
// the web server is `npm start`'s script with a fresh SQLite file, its own port and the real simulator.
// Projects: `setup` signs each demo role in through the API, `live` watches the sync and Pulses arrive,
// `api` walks routes × roles, `ui` runs journeys, `pages-phone` / `pages-desktop` audit every page,
// `offline` cuts the network under the service worker, `outage` (after all of them) takes the API down.
import { defineConfig } from "@playwright/test";
import { rmSync } from "node:fs";
import { E2E } from "./tests/e2e/support/e2e-env";

// Only the main process (not workers re-reading this file) resets the test world.
if (!process.env.TEST_WORKER_INDEX) rmSync(E2E.dataDir, { recursive: true, force: true });

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e-artifacts",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: E2E.baseURL,
    locale: "fr-FR",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /setup\/.*\.setup\.ts/ },
    // Listed first so it starts while the demo backfill is still running (its progress is what it checks).
    { name: "live", testMatch: /live\/.*\.spec\.ts/, dependencies: ["setup"] },
    { name: "api", testMatch: /api\/.*\.spec\.ts/, dependencies: ["setup"] },
    { name: "ui", testMatch: /ui\/.*\.spec\.ts/, dependencies: ["setup"] },
    // Every page on a touch phone and on a desktop: overflow, axe, touch targets, raw codes (issue 15).
    { name: "pages-phone", testMatch: /pages\/.*\.spec\.ts/, dependencies: ["setup"], use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
    { name: "pages-desktop", testMatch: /pages\/.*\.spec\.ts/, dependencies: ["setup"], use: { viewport: { width: 1440, height: 900 } } },
    // Offline and installable (issue 18): through a proxy the journeys switch off; each signs in afresh.
    { name: "offline", testMatch: /offline\/.*\.spec\.ts/, dependencies: ["setup"] },
    // Last, alone: makes the simulator fail every call, which no other journey should see.
    { name: "outage", testMatch: /outage\/.*\.spec\.ts/, dependencies: ["live", "api", "ui", "pages-phone", "pages-desktop", "offline"] },
  ],
  webServer: {
    // One production build per run, made with the secrets in its environment (see the script), then npm start.
    command: "node tests/e2e/support/build-and-start.mjs",
    url: `${E2E.baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(E2E.port),
      DATA_DIR: E2E.dataDir,
      DATABASE_URL: `file:${E2E.dataDir}/e2e.db`,
      AUTH_SECRET: E2E.authSecret,
      CHARIOW_DEMO_API_KEY: E2E.apiKey,
      CHARIOW_PULSE_SECRET: E2E.pulseSecret,
      CHARIOW_API_KEY: "",
      APP_URL: E2E.baseURL,
      // The live journeys drive the simulator (create a sale, send a test Pulse) through its control
      // API. The demo's 3,000 sales at 30 requests a minute make a ~90 s backfill: long enough to watch
      // it progress in the browser, short enough for the suite.
      DEMO_CONTROL_FILE: E2E.controlFile,
      DEMO_SIMULATOR_RATE_LIMIT: "30",
    },
  },
});
