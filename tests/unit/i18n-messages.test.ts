// French and English are both complete: same keys in both catalogues (base file + feature files), and no
// empty value anywhere.
import { describe, expect, it } from "vitest";
import { loadMessages, mergeCatalogues } from "@/lib/i18n/messages";

const en = await loadMessages("en");
const fr = await loadMessages("fr");

function flatten(value: unknown, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      for (const [k, v] of flatten(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
    }
  } else out.set(prefix, value);
  return out;
}

describe("messages", () => {
  const frKeys = flatten(fr);
  const enKeys = flatten(en);

  it("has exactly the same keys in French and English", () => {
    expect([...frKeys.keys()].sort()).toEqual([...enKeys.keys()].sort());
  });

  it.each([
    ["fr", frKeys],
    ["en", enKeys],
  ])("has no empty or non-string value in %s", (_locale, keys) => {
    const bad = [...keys].filter(([, v]) => typeof v !== "string" || v.trim() === "").map(([k]) => k);
    expect(bad).toEqual([]);
  });

  it("uses the same placeholders in both languages", () => {
    const placeholders = (s: unknown) => [...String(s).matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();
    const mismatched = [...frKeys.keys()].filter((k) => placeholders(frKeys.get(k)).join() !== placeholders(enKeys.get(k)).join());
    expect(mismatched).toEqual([]);
  });

  it("refuses a namespace defined in two files", () => {
    expect(() => mergeCatalogues([{ name: "a.json", messages: { Sales: {} } }, { name: "b.json", messages: { Sales: {} } }])).toThrow(/Sales.*a\.json.*b\.json/);
  });
});
