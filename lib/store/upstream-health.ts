// Is the Chariow API (or the demo simulator) reachable? One GET /store through the scheduler, cached for
// a minute, because the real API allows ~10 requests a minute per key and health checks must not eat it.
import "server-only";
import { ChariowError, ChariowUpstreamUnavailableError, ChariowAbortedError, isEndpointUnavailable } from "@/lib/chariow";
import { getEnv } from "@/lib/env";
import { getChariowClient } from "@/lib/store/chariow-connection";
import { rememberStore } from "@/lib/store/store-info";

export type UpstreamHealth = { mode: "demo" | "live"; reachable: boolean };

const CACHE_MS = 60_000;
const TIMEOUT_MS = 3_000;
let cached: { at: number; reachable: boolean } | undefined;

async function probe(): Promise<boolean> {
  const client = getChariowClient();
  if (!client) return false;
  try {
    const store = await client.getStore({ priority: "interactive", signal: AbortSignal.timeout(TIMEOUT_MS) });
    rememberStore({ name: store.name ?? null, url: store.url ?? null });
    return true;
  } catch (error) {
    // The service answered but refused (bad key, rate limit…): reachable, misconfigured or busy. A store
    // without GET /store (404/403, or 501 "not implemented") answered too: the API is there.
    if (isEndpointUnavailable(error)) return true;
    if (error instanceof ChariowUpstreamUnavailableError || error instanceof ChariowAbortedError) return false;
    return error instanceof ChariowError && error.status !== null && error.status < 500;
  }
}

export async function getUpstreamHealth(): Promise<UpstreamHealth> {
  const mode = getEnv().DEMO_MODE ? "demo" : "live";
  if (!cached || Date.now() - cached.at > CACHE_MS) cached = { at: Date.now(), reachable: await probe() };
  return { mode, reachable: cached.reachable };
}
