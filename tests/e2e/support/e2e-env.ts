// The e2e world: one port, one throw-away data directory, and fixed, recognisable secrets so the
// secret-scan test knows exactly which strings must never reach a browser.
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (this file lives in tests/e2e/support/). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

const port = Number(process.env.E2E_PORT ?? 3100);

export const E2E = {
  port,
  baseURL: `http://localhost:${port}`,
  dataDir: path.join(REPO_ROOT, "test-results/e2e-data"),
  authDir: path.join(REPO_ROOT, "test-results/e2e-auth"),
  authSecret: "e2e-auth-secret-7f3c9a1d5b2e8f4a6c0d9e1b3a5f7c2d",
  apiKey: "sk_test_e2e_scan_4b8d2f6a9c1e3b5d7f0a2c4e",
  pulseSecret: "whsec_e2e_scan_9a7c5e3b1d8f6a4c2e0b",
  /** npm start writes the simulator's control origin and token here (DEMO_CONTROL_FILE). */
  controlFile: path.join(REPO_ROOT, "test-results/e2e-data/simulator-control.json"),
} as const;

export const DEMO_ROLES = ["owner", "admin", "marketing", "support"] as const;
export type DemoRole = (typeof DEMO_ROLES)[number];

/** Demo credentials as documented on the login page (lib/team/demo-accounts.ts). */
export function demoAccount(role: DemoRole) {
  return { email: `${role}@demo.chariow.local`, password: `demo-${role}-2026` };
}

export function storageStatePath(role: DemoRole): string {
  return path.join(E2E.authDir, `${role}.json`);
}
