// The caller's IP address for the sign-in throttle and the audit log, read from the X-Forwarded-For
// chain so that a caller cannot choose it (docs/security.md "Trusted proxies").
//
// Where the socket address comes from: Next.js 16 only *fills in* X-Forwarded-For when the request has
// none (node_modules/next/dist/server/base-server.js: `req.headers['x-forwarded-for'] ??=
// originalRequest.socket.remoteAddress`), so behind a bare `next start` a forged header replaces the
// socket address entirely. `npm start` therefore serves through scripts/start/server.mjs, which
// appends the socket address to the chain like any well-behaved proxy; the LAST entry is always the
// peer that actually connected. Everything to its left was written by someone else, and only hops the
// operator declared in TRUSTED_PROXIES are believed.
import { BlockList, isIP } from "node:net";

export type TrustedProxies =
  /** Nobody: the client is the socket peer (the last entry). */
  | { kind: "none" }
  /** This many reverse proxies stand in front of the app, each appending what it saw. */
  | { kind: "hops"; count: number }
  /** Peers inside these ranges are proxies; the client is the first address outside them from the right. */
  | { kind: "cidrs"; list: BlockList; source: string };

export const MAX_PROXY_HOPS = 10;

/** TRUSTED_PROXIES → its meaning, or a message saying what is wrong (lib/env.ts names the variable). */
export function parseTrustedProxies(raw: string | undefined): TrustedProxies | string {
  const value = raw?.trim() ?? "";
  if (value === "") return { kind: "none" };
  if (/^\d+$/.test(value)) {
    const count = Number(value);
    if (count > MAX_PROXY_HOPS) return `a hop count must be between 0 and ${MAX_PROXY_HOPS}, got ${value}`;
    return count === 0 ? { kind: "none" } : { kind: "hops", count };
  }
  const list = new BlockList();
  for (const part of value.split(",").map((p) => p.trim()).filter(Boolean)) {
    const [address, prefix, extra] = part.split("/");
    const family = isIP(address ?? "");
    if (!address || family === 0 || extra !== undefined) return `"${part}" is not an IP address or CIDR range (e.g. 10.0.0.0/8)`;
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) {
      list.addAddress(address, type);
      continue;
    }
    const bits = /^\d+$/.test(prefix) ? Number(prefix) : NaN;
    if (!(bits >= 0 && bits <= (family === 4 ? 32 : 128))) return `"${part}" has an invalid prefix length`;
    list.addSubnet(address, bits, type);
  }
  return { kind: "cidrs", list, source: value };
}

/**
 * One X-Forwarded-For entry as a bare address, or null when it is not one. Proxies differ: some add a
 * port (`1.2.3.4:5678`, `[::1]:80`), and a dual-stack socket reports IPv4 peers as `::ffff:1.2.3.4`.
 */
export function normaliseAddress(entry: string): string | null {
  let value = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(value);
  if (mapped) value = mapped[1]!;
  return isIP(value) === 0 ? null : value.toLowerCase();
}

/**
 * The client address from an X-Forwarded-For chain whose last entry is the socket peer. Pure: the
 * same chain and trust always give the same answer, whatever a caller prepends.
 *
 * - none: the last entry.
 * - N hops: the (N+1)-th from the right — each trusted proxy appended the address it saw, and the app's
 *   own server appended the last proxy's.
 * - CIDRs: from the right, skip entries inside the trusted ranges; the first one outside is the client.
 *
 * An entry that is not an address stops the walk at the address to its right. A chain shorter than the
 * hop count gives its leftmost address: a hop count assumes every request passes through that many
 * proxies — when the app can also be reached directly, list the proxies' addresses instead.
 */
export function clientAddress(forwardedFor: string | null | undefined, trusted: TrustedProxies): string | undefined {
  const entries = (forwardedFor ?? "").split(",").map((e) => e.trim()).filter((e) => e !== "");
  let client: string | undefined;
  let hops = 0;
  for (let i = entries.length - 1; i >= 0; i--) {
    const address = normaliseAddress(entries[i]!);
    if (address === null) break;
    client = address;
    if (trusted.kind === "none") break;
    if (trusted.kind === "hops" && hops++ >= trusted.count) break;
    if (trusted.kind === "cidrs" && !trusted.list.check(address, isIP(address) === 4 ? "ipv4" : "ipv6")) break;
  }
  return client;
}

let cached: { raw: string | undefined; trusted: TrustedProxies } | undefined;

/** TRUSTED_PROXIES from the environment, parsed once per value (lib/env.ts refuses a bad one at start-up). */
function trustedProxiesFromEnv(): TrustedProxies {
  const raw = process.env.TRUSTED_PROXIES;
  if (!cached || cached.raw !== raw) {
    const parsed = parseTrustedProxies(raw);
    if (typeof parsed === "string") throw new Error(`TRUSTED_PROXIES: ${parsed}`);
    cached = { raw, trusted: parsed };
  }
  return cached.trusted;
}

/** The caller's IP for a request's headers under the configured TRUSTED_PROXIES. */
export function clientIp(headers: Headers | undefined, trusted: TrustedProxies = trustedProxiesFromEnv()): string | undefined {
  return clientAddress(headers?.get("x-forwarded-for"), trusted);
}
