// Recovery message templates: placeholders filled, unknown values left empty (never a raw "{…}").
import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES, fillTemplate } from "@/lib/recovery/templates";

describe("fillTemplate", () => {
  it("fills every placeholder, repeated ones included", () => {
    expect(fillTemplate("{customer}: {product} {amount} {link} ({customer})", { customer: "Awa", product: "Formation Excel", amount: "4 900 F CFA", link: "https://x.io/c" })).toBe(
      "Awa: Formation Excel 4 900 F CFA https://x.io/c (Awa)",
    );
  });
  it("leaves unknown values empty and other braces alone", () => {
    expect(fillTemplate("Bonjour {customer} {other}", { customer: null })).toBe("Bonjour  {other}");
  });
  it("the default templates use all four placeholders in both languages", () => {
    for (const t of [DEFAULT_TEMPLATES.fr, DEFAULT_TEMPLATES.en]) for (const p of ["{customer}", "{product}", "{amount}", "{link}"]) expect(t).toContain(p);
  });
});
