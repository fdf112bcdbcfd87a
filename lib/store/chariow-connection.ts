// The app's one Chariow client for shell-level reads (store name, health): the merchant's key, or in demo
// mode the simulator's (handed over by scripts/start.mjs). Every call goes through the key's scheduler.
import "server-only";
import { createChariowClient, type ChariowClient } from "@/lib/chariow";
import { getEnv } from "@/lib/env";

let client: ChariowClient | null | undefined;

/** Null when no key is known (demo mode started without the simulator, during development). */
export function getChariowClient(): ChariowClient | null {
  if (client !== undefined) return client;
  const env = getEnv();
  // CHARIOW_DEMO_API_KEY is the simulator's key, not a merchant secret; it is still read server-side only.
  const apiKey = env.CHARIOW_API_KEY ?? (env.DEMO_MODE ? process.env.CHARIOW_DEMO_API_KEY : undefined);
  client = apiKey ? createChariowClient({ baseUrl: env.CHARIOW_API_BASE_URL, apiKey }) : null;
  return client;
}
