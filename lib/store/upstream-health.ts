// Is the Chariow API (or the demo simulator) reachable? A cheap probe, cached for a minute, because
// the real API allows ~10 requests a minute per key and a health check must not eat that budget.
import "server-only";
import { getEnv } from "@/lib/env";

export type UpstreamHealth = { mode: "demo" | "live"; reachable: boolean };

const CACHE_MS = 60_000;
const TIMEOUT_MS = 3_000;
let cached: { at: number; reachable: boolean } | undefined;

/** The key to present upstream: the merchant's, or in demo mode the simulator's (set by scripts/start.mjs). */
function upstreamKey(): string | undefined {
  const env = getEnv();
  // Demo key is not a merchant secret, but it is still only read on the server.
  return env.CHARIOW_API_KEY ?? process.env.CHARIOW_DEMO_API_KEY;
}

async function probe(): Promise<boolean> {
  const env = getEnv();
  const key = upstreamKey();
  try {
    const res = await fetch(`${env.CHARIOW_API_BASE_URL}/store`, {
      headers: key ? { Authorization: `Bearer ${key}`, Accept: "application/json" } : { Accept: "application/json" },
      signal: AbortSignal.timeout(TIMEOUT_MS),
      cache: "no-store",
    });
    await res.body?.cancel();
    // Any answer below 500 means the service is up; a 401 is a configuration problem, not an outage.
    return res.status < 500;
  } catch {
    return false;
  }
}

export async function getUpstreamHealth(): Promise<UpstreamHealth> {
  const mode = getEnv().DEMO_MODE ? "demo" : "live";
  if (!cached || Date.now() - cached.at > CACHE_MS) cached = { at: Date.now(), reachable: await probe() };
  return { mode, reachable: cached.reachable };
}
