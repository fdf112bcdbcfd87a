// `npm start`'s server appends the socket peer to X-Forwarded-For, so the last entry is always the
// address that connected (the real-socket behaviour is in tests/integration/auth/sign-in-address.test.ts).
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain .mjs module without type declarations
import { appendSocketAddress } from "../../../scripts/start/server.mjs";

describe("appendSocketAddress", () => {
  it("puts the socket peer last, after whatever the caller sent", () => {
    expect(appendSocketAddress(undefined, "198.51.100.7")).toBe("198.51.100.7");
    expect(appendSocketAddress("  ", "198.51.100.7")).toBe("198.51.100.7");
    expect(appendSocketAddress("1.2.3.4", "::ffff:198.51.100.7")).toBe("1.2.3.4, ::ffff:198.51.100.7");
    expect(appendSocketAddress(["1.2.3.4", "5.6.7.8"], "198.51.100.7")).toBe("1.2.3.4, 5.6.7.8, 198.51.100.7");
  });

  it("writes a non-address when the socket has none, so nothing the caller sent is taken for it", () => {
    expect(appendSocketAddress("1.2.3.4", undefined)).toBe("1.2.3.4, unknown");
  });
});
