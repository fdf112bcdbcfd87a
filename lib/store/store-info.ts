// What the shell and the settings page show about the connected store: its name (null until the
// Chariow client can tell us — never invented), the mode, and which secrets are configured (never their values).
import "server-only";
import { getEnv } from "@/lib/env";

export type ConnectionStatus = {
  mode: "demo" | "live";
  apiHost: string;
  apiKeyConfigured: boolean;
  pulseSecretConfigured: boolean;
  timezone: string;
};

export function getConnectionStatus(): ConnectionStatus {
  const env = getEnv();
  return {
    mode: env.DEMO_MODE ? "demo" : "live",
    apiHost: new URL(env.CHARIOW_API_BASE_URL).host,
    // In demo mode the simulator's key is passed by scripts/start.mjs; "configured" means a merchant key.
    apiKeyConfigured: !env.DEMO_MODE,
    pulseSecretConfigured: Object.keys(env.CHARIOW_PULSE_SECRETS).length > 0,
    timezone: env.STORE_TIMEZONE,
  };
}

/**
 * The store's display name. Until lib/chariow's getStore() is wired through the sync (later issue),
 * this returns null and the shell says "store name unknown" rather than showing a made-up name.
 */
export async function getStoreName(): Promise<string | null> {
  return null;
}
