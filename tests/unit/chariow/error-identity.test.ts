// A production build can hold lib/chariow twice (one copy per server chunk): an error made by one copy's
// client must still be `instanceof` the other copy's classes, or the route wrapper maps a spent budget
// to a 500 instead of a 503 (seen in the e2e build). Two real copies of the module, loaded apart.
import { describe, expect, it, vi } from "vitest";

async function freshCopy() {
  vi.resetModules();
  return import("@/lib/chariow/errors");
}

describe("Chariow errors across two copies of the module", () => {
  it("instanceof holds by class, and only for the right class", async () => {
    const a = await freshCopy();
    const b = await freshCopy();
    expect(a.ChariowRateLimitedError).not.toBe(b.ChariowRateLimitedError); // really two copies

    const spent = new a.ChariowBudgetExhaustedError("GET /affiliates/{code}", 2_000, 1_000);
    expect(spent instanceof b.ChariowBudgetExhaustedError).toBe(true);
    expect(spent instanceof b.ChariowRateLimitedError).toBe(true);
    expect(spent instanceof b.ChariowError).toBe(true);
    expect(spent instanceof b.ChariowNotFoundError).toBe(false);
    expect(spent.name).toBe("ChariowBudgetExhaustedError");

    const missing = new a.ChariowNotFoundError("No such sale", "GET /sales/{id}", 404);
    expect(missing instanceof b.ChariowNotFoundError).toBe(true);
    expect(missing instanceof b.ChariowRateLimitedError).toBe(false);
    expect(b.isEndpointUnavailable(missing)).toBe(true);
    expect(new Error("plain") instanceof b.ChariowError).toBe(false);
    expect((null as unknown) instanceof b.ChariowError).toBe(false);
  });

  it("every error class declares its own brand (an inherited one would make instanceof too wide)", async () => {
    const m = await freshCopy();
    const classes = Object.entries(m).filter(([name, v]) => typeof v === "function" && /^Chariow\w*Error$/.test(name));
    expect(classes.length).toBeGreaterThanOrEqual(10);
    for (const [name, cls] of classes) expect(Object.hasOwn(cls, "brand") ? (cls as unknown as { brand: string }).brand : null, name).toBe(name);
  });
});
