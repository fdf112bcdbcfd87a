import { defineConfig } from "@playwright/test";
export default defineConfig({
  testDir: "tests/e2e/offline",
  outputDir: "/tmp/pw-out",
  timeout: 90_000,
  expect: { timeout: 10_000 },
  workers: 1,
  reporter: [["list"]],
  use: { baseURL: "http://localhost:3300", locale: "fr-FR", launchOptions: { executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] } },
});
