// The source a refused Pulse is counted against: an IPv4 address as is, an IPv6 one by its /64 however it
// is written (one machine commonly holds a whole /64), garbage from a proxy header in one shared bucket.
import { describe, expect, it } from "vitest";
import { refusalSource } from "@/lib/pulses/refusal-log";

describe("refusalSource", () => {
  it("keeps an IPv4 address, also when written IPv4-mapped", () => {
    expect(refusalSource("203.0.113.9")).toBe("203.0.113.9");
    expect(refusalSource("::ffff:203.0.113.9")).toBe("203.0.113.9");
  });

  it("groups IPv6 by /64 whatever the spelling (compressed, leading zeros, zone, case)", () => {
    const same = ["2001:db8:1:2::1", "2001:0db8:0001:0002:ffff:ffff:ffff:ffff", "2001:DB8:1:2:0:0:0:9", "2001:db8:1:2::a%eth0"];
    expect(new Set(same.map(refusalSource))).toEqual(new Set(["2001:db8:1:2::/64"]));
    expect(refusalSource("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(refusalSource("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(refusalSource("::1")).toBe("0:0:0:0::/64");
  });

  it("puts what is not an address in one bucket, and nothing at all in none", () => {
    expect(refusalSource("evil-proxy-header")).toBe("invalid");
    expect(refusalSource("1.2.3.4.5")).toBe("invalid");
    expect(refusalSource(undefined)).toBeNull();
    expect(refusalSource("")).toBeNull();
  });
});
