// The client address is the socket peer unless the operator declared proxies: whatever a caller writes
// into X-Forwarded-For, rotating it never changes the address the throttle and the audit log see.
import { describe, expect, it } from "vitest";
import { clientAddress, clientIp, normaliseAddress, parseTrustedProxies, type TrustedProxies } from "@/lib/http/client-ip";
import { parseEnv } from "@/lib/env";

function trust(raw: string | undefined): TrustedProxies {
  const parsed = parseTrustedProxies(raw);
  if (typeof parsed === "string") throw new Error(parsed);
  return parsed;
}

/** What the app's server (scripts/start/server.mjs) hands Next.js: the caller's header, then the socket. */
const chain = (sent: string | null, socket: string) => (sent ? `${sent}, ${socket}` : socket);

const FORGED = ["1.2.3.4", "9.9.9.9, 8.8.8.8", "203.0.113.250", "::1", "not-an-ip", "10.0.0.1, 10.0.0.2, 10.0.0.3", ""];

describe("clientAddress", () => {
  it("without trusted proxies, maps every forged header from one socket to that socket", () => {
    const seen = new Set(FORGED.map((sent) => clientAddress(chain(sent, "198.51.100.7"), trust(undefined))));
    expect([...seen]).toEqual(["198.51.100.7"]);
  });

  it("with one trusted hop, takes the address that proxy saw, whatever the caller prepended", () => {
    // Caller → proxy (203.0.113.1, appends the caller's 198.51.100.7) → app (appends the proxy's socket).
    const seen = FORGED.map((sent) => clientAddress(chain(sent ? `${sent}, 198.51.100.7` : "198.51.100.7", "203.0.113.1"), trust("1")));
    expect(new Set(seen)).toEqual(new Set(["198.51.100.7"]));
    // Two proxies: the third address from the right.
    expect(clientAddress("6.6.6.6, 198.51.100.7, 10.0.0.5, 10.0.0.6", trust("2"))).toBe("198.51.100.7");
  });

  it("with CIDRs, walks from the right past the trusted proxies only", () => {
    const trusted = trust("10.0.0.0/8, 192.168.1.5");
    for (const sent of FORGED) {
      expect(clientAddress(chain(sent ? `${sent}, 198.51.100.7, 10.1.2.3` : "198.51.100.7, 10.1.2.3", "192.168.1.5"), trusted)).toBe("198.51.100.7");
    }
    // A caller reaching the app directly, bypassing the proxy, gets its own socket address, not its forgery.
    expect(clientAddress(chain("198.51.100.99", "203.0.113.66"), trusted)).toBe("203.0.113.66");
    // 192.168.1.6 is not listed: only the exact address was trusted.
    expect(clientAddress(chain("198.51.100.7", "192.168.1.6"), trusted)).toBe("192.168.1.6");
  });

  it("stops at an entry that is not an address instead of trusting what lies beyond it", () => {
    expect(clientAddress("1.2.3.4, garbage, 10.0.0.9", trust("10.0.0.0/8"))).toBe("10.0.0.9");
    expect(clientAddress("unknown", trust(undefined))).toBeUndefined();
    expect(clientAddress(null, trust(undefined))).toBeUndefined();
  });

  it("handles IPv6, IPv4-mapped peers and ports the way proxies write them", () => {
    expect(normaliseAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normaliseAddress("198.51.100.7:51234")).toBe("198.51.100.7");
    expect(normaliseAddress("<script>")).toBeNull();
    expect(clientAddress("2001:db8::5, fd00::1", trust("fd00::/8"))).toBe("2001:db8::5");
    expect(clientAddress("6.6.6.6, ::ffff:10.0.0.4", trust("10.0.0.0/8"))).toBe("6.6.6.6");
  });

  it("reads the header of a request under the configured trust", () => {
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6, 127.0.0.1", "x-real-ip": "6.6.6.6" });
    expect(clientIp(headers, trust(undefined))).toBe("127.0.0.1");
  });
});

describe("TRUSTED_PROXIES", () => {
  it("accepts a hop count or a list of addresses and ranges", () => {
    expect(trust("")).toEqual({ kind: "none" });
    expect(trust("0")).toEqual({ kind: "none" });
    expect(trust("2")).toEqual({ kind: "hops", count: 2 });
    expect(trust("10.0.0.0/8,192.168.1.5, fd00::/8").kind).toBe("cidrs");
  });

  it.each(["11", "10.0.0.0/33", "10.0.0.0/8/1", "example.com", "1.2.3", "fd00::/129", "-1"])("refuses %s, and lib/env names the variable", (raw) => {
    expect(typeof parseTrustedProxies(raw)).toBe("string");
    expect(() => parseEnv({ AUTH_SECRET: "x".repeat(32), TRUSTED_PROXIES: raw })).toThrow(/TRUSTED_PROXIES/);
  });
});

describe("clientIp under the environment's TRUSTED_PROXIES", () => {
  it("follows the variable as it is set", () => {
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.40, 127.0.0.1" });
    const saved = process.env.TRUSTED_PROXIES;
    try {
      delete process.env.TRUSTED_PROXIES;
      expect(clientIp(headers)).toBe("127.0.0.1");
      process.env.TRUSTED_PROXIES = "1";
      expect(clientIp(headers)).toBe("203.0.113.40");
      process.env.TRUSTED_PROXIES = "127.0.0.0/8";
      expect(clientIp(headers)).toBe("203.0.113.40");
    } finally {
      if (saved === undefined) delete process.env.TRUSTED_PROXIES;
      else process.env.TRUSTED_PROXIES = saved;
    }
  });
});
