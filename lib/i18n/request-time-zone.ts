// The time zone every page formats in: the store's (Settings), so team, audit and Pulse-log times read
// like the sales (issue 15: they were UTC). Read once a minute per process, not once per request, and
// never a reason for a request to fail: an unreachable database or a bad setting falls back to the
// configured default zone.
import "server-only";
import { getDb } from "@/lib/db";
import { DEFAULT_STORE_TIMEZONE, getEnv } from "@/lib/env";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { isValidTimeZone } from "@/lib/time";

const TTL_MS = 60_000;

type Cached = { zone: string; until: number };
const holder = globalThis as typeof globalThis & { __requestTimeZone?: Cached };

function defaultZone(): string {
  try {
    return getEnv().STORE_TIMEZONE;
  } catch {
    return DEFAULT_STORE_TIMEZONE; // the environment itself cannot be read
  }
}

/** The store's zone for formatting, at most a minute old; `readZone` is for tests. */
export async function requestTimeZone(readZone: () => Promise<string> = async () => getStoreTimeZone(await getDb()), now = Date.now()): Promise<string> {
  const cached = holder.__requestTimeZone;
  if (cached && cached.until > now) return cached.zone;
  let zone: string;
  try {
    const read = await readZone();
    zone = isValidTimeZone(read) ? read : defaultZone();
  } catch (error) {
    console.warn("[i18n] store time zone unavailable, formatting in the default zone", error instanceof Error ? error.message : error);
    // Retried sooner than a successful read: the database may be back in a few seconds.
    holder.__requestTimeZone = { zone: defaultZone(), until: now + TTL_MS / 6 };
    return holder.__requestTimeZone.zone;
  }
  holder.__requestTimeZone = { zone, until: now + TTL_MS };
  return zone;
}

/** Drops the cached zone (after Settings saved a new one, so this process shows it at once). */
export function forgetRequestTimeZone(): void {
  holder.__requestTimeZone = undefined;
}
