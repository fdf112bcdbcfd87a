// What counts as "the same event about the same object" for replay detection (chariow-api.md §8: manual
// replays get a new delivery id): sale and affiliate events by id; licence events also by state, since
// one licence is activated several times.
import { describe, expect, it } from "vitest";
import { parsePulsePayload } from "@/lib/chariow";
import { appliedKeyOf } from "@/lib/pulses";
import { affiliateJoinedPulsePayload, licensePulsePayload, salePulsePayload } from "../../factories/chariow-payloads";

const key = (payload: unknown) => {
  const parsed = parsePulsePayload(JSON.stringify(payload));
  if (parsed.kind === "unknown") throw new Error("unexpected");
  return appliedKeyOf(parsed);
};

describe("appliedKeyOf", () => {
  it("keys sale events by event and sale id", () => {
    expect(key(salePulsePayload("successful.sale"))).toEqual({ objectId: "sal_pulse1", key: "successful.sale|sal_pulse1" });
    expect(key(salePulsePayload("failed.sale")).key).toBe("failed.sale|sal_pulse1");
  });

  it("keys affiliate.joined by the store-affiliate id", () => {
    expect(key(affiliateJoinedPulsePayload())).toEqual({ objectId: "saff_xyz789abc", key: "affiliate.joined|saff_xyz789abc" });
  });

  it("tells two activations of one licence apart, but not a replay of one", () => {
    const a1 = licensePulsePayload("license.activated");
    const a2 = { ...a1, license: { ...a1.license, activations: 2 } };
    expect(key(a1).key).not.toBe(key(a2).key);
    expect(key(a1).key).toBe(key(structuredClone(a1)).key);
    expect(key(a1).objectId).toBe("lic_1");
  });
});
