// What the shell and the settings page show about the connected store: its name (from GET /store, or
// null — never invented), the mode, and which secrets are configured (never their values).
import "server-only";
import { getEnv } from "@/lib/env";
import { getChariowClient } from "@/lib/store/chariow-connection";

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

const NAME_TTL_MS = 10 * 60_000;
const RETRY_AFTER_FAILURE_MS = 60_000;
const LOOKUP_TIMEOUT_MS = 3_000;
// On globalThis so the start-up warm-up (instrumentation's bundle) serves the pages' bundles too.
type CachedName = { value: string | null; until: number };
const cache = globalThis as typeof globalThis & { __chariowStoreName?: CachedName };

/** Called by whoever reads GET /store anyway (health probe, later the sync), so the shell spends nothing. */
export function rememberStoreName(name: string | null): void {
  cache.__chariowStoreName = { value: name, until: Date.now() + NAME_TTL_MS };
}

/**
 * The store's display name from GET /store, cached for ten minutes (the API budget is ~10 calls a
 * minute). Null — shown as "store name unknown" — when the API cannot tell us quickly; never invented.
 */
export async function getStoreName(): Promise<string | null> {
  const storeName = cache.__chariowStoreName;
  if (storeName && storeName.until > Date.now()) return storeName.value;
  const client = getChariowClient();
  if (!client) return null;
  try {
    const store = await client.getStore({ priority: "interactive", signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS) });
    rememberStoreName(store.name ?? null);
    return store.name ?? null;
  } catch {
    // Keep a name we once knew (a busy budget during a backfill is not a renamed store); retry later.
    const known = storeName?.value ?? null;
    cache.__chariowStoreName = { value: known, until: Date.now() + RETRY_AFTER_FAILURE_MS };
    return known;
  }
}
