// What the shell and the settings page show about the connected store: its name and public URL (from
// GET /store, or null — never invented), the mode, and which secrets are configured (never their values).
import "server-only";
import { isEndpointUnavailable } from "@/lib/chariow";
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

const STORE_TTL_MS = 10 * 60_000;
const RETRY_AFTER_FAILURE_MS = 60_000;
const LOOKUP_TIMEOUT_MS = 3_000;
/** What GET /store tells the shell (name) and the recovery links (url); null = not given. */
type KnownStore = { name: string | null; url: string | null };
// On globalThis so the start-up warm-up (instrumentation's bundle) serves the pages' bundles too.
type CachedStore = { value: KnownStore | null; until: number };
const cache = globalThis as typeof globalThis & { __chariowStore?: CachedStore };

/** Called by whoever reads GET /store anyway (health probe, later the sync), so the shell spends nothing. */
export function rememberStore(store: { name: string | null; url: string | null }): void {
  cache.__chariowStore = { value: { name: store.name, url: store.url }, until: Date.now() + STORE_TTL_MS };
}

/**
 * GET /store, cached for ten minutes (the API budget is ~10 calls a minute). Null when the API cannot
 * tell us quickly; never invented.
 */
async function knownStore(): Promise<KnownStore | null> {
  const cached = cache.__chariowStore;
  if (cached && cached.until > Date.now()) return cached.value;
  const client = getChariowClient();
  if (!client) return null;
  try {
    const store = await client.getStore({ priority: "interactive", signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS) });
    rememberStore({ name: store.name ?? null, url: store.url ?? null });
    return cache.__chariowStore?.value ?? null;
  } catch (error) {
    // Keep what we once knew (a busy budget during a backfill is not a renamed store); retry later. A store
    // without GET /store (404/403/501) is a fact, not a hiccup: asked again like a known answer, not every minute.
    const known = cached?.value ?? null;
    cache.__chariowStore = { value: known, until: Date.now() + (isEndpointUnavailable(error) ? STORE_TTL_MS : RETRY_AFTER_FAILURE_MS) };
    return known;
  }
}

/** The store's display name — shown as "store name unknown" when null. */
export async function getStoreName(): Promise<string | null> {
  return (await knownStore())?.name ?? null;
}

/** The store's public URL (e.g. https://shop.mychariow.com): the base of its products' checkout links. */
export async function getStoreUrl(): Promise<string | null> {
  return (await knownStore())?.url ?? null;
}
