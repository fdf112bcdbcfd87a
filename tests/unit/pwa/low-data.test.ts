// Low-data mode's rule (lib/pwa/low-data.ts): the member's choice wins; "automatic" follows the
// browser's Save-Data hint, which only the value "on" turns on.
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { isLowData } = await import("@/lib/pwa/low-data");

describe("isLowData", () => {
  it("follows the member's explicit choice whatever the browser says", () => {
    expect(isLowData("on", null)).toBe(true);
    expect(isLowData("on", "off")).toBe(true);
    expect(isLowData("off", "on")).toBe(false);
  });

  it("follows Save-Data when the member left it automatic", () => {
    expect(isLowData("auto", "on")).toBe(true);
    expect(isLowData("auto", " On ")).toBe(true);
    expect(isLowData("auto", null)).toBe(false);
    expect(isLowData("auto", "off")).toBe(false);
    expect(isLowData("auto", "1")).toBe(false);
  });
});
