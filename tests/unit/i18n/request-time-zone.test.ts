// Pages format in the store's zone: read once a minute, and a database that cannot answer (or a zone
// that is not one) never fails the request — it falls back to the configured default zone.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { forgetRequestTimeZone, requestTimeZone } from "@/lib/i18n/request-time-zone";

vi.mock("@/lib/env", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/env")>()), getEnv: () => ({ STORE_TIMEZONE: "Africa/Dakar" }) }));

describe("requestTimeZone", () => {
  beforeEach(() => forgetRequestTimeZone());

  it("is the store's zone, read once within a minute", async () => {
    const read = vi.fn(async () => "Africa/Lagos");
    expect(await requestTimeZone(read, 0)).toBe("Africa/Lagos");
    expect(await requestTimeZone(read, 59_000)).toBe("Africa/Lagos");
    expect(read).toHaveBeenCalledTimes(1);
    read.mockResolvedValue("Europe/Paris");
    expect(await requestTimeZone(read, 61_000)).toBe("Europe/Paris");
  });

  it("reads again at once after the setting changed", async () => {
    expect(await requestTimeZone(async () => "Africa/Lagos", 0)).toBe("Africa/Lagos");
    forgetRequestTimeZone();
    expect(await requestTimeZone(async () => "Europe/Paris", 1)).toBe("Europe/Paris");
  });

  it("falls back to the configured zone when the database cannot answer, and retries soon", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(await requestTimeZone(async () => Promise.reject(new Error("ECONNREFUSED")), 0)).toBe("Africa/Dakar");
    expect(warn).toHaveBeenCalled();
    expect(await requestTimeZone(async () => "Africa/Lagos", 20_000)).toBe("Africa/Lagos");
    warn.mockRestore();
  });

  it("falls back when the stored zone is not a zone", async () => {
    expect(await requestTimeZone(async () => "Mars/Olympus", 0)).toBe("Africa/Dakar");
  });
});
