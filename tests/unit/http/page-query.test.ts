// A page's forgiving URL parse (issue 14 #6): each offending key cleared and named, the rest kept, keys
// that only make sense together cleared together, a NUL character never passed on.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parsePageQuery } from "@/lib/http/page-query";

const schema = z
  .object({
    range: z.enum(["last30", "custom"]).default("last30"),
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    q: z.string().max(10).optional(),
    size: z.coerce.number().int().min(1).default(50),
  })
  .superRefine((v, ctx) => {
    if (v.range === "custom" && (!v.from || !v.to)) ctx.addIssue({ code: "custom", path: ["from"], message: "custom needs both" });
  });

describe("parsePageQuery", () => {
  it("keeps a valid query as it is", () => {
    expect(parsePageQuery(schema, { q: "awa", size: "25" })).toEqual({ value: { range: "last30", q: "awa", size: 25 }, cleared: [] });
  });

  it("clears only the offending keys and names them", () => {
    const { value, cleared } = parsePageQuery(schema, { from: "abc", q: "awa", size: "0" });
    expect(value).toEqual({ range: "last30", q: "awa", size: 50 });
    expect(cleared.sort()).toEqual(["from", "size"]);
  });

  it("clears a group together when one of it is wrong, and names what was given", () => {
    const { value, cleared } = parsePageQuery(schema, { range: "custom", from: "2026-01-01", to: "x", q: "awa" }, { together: [["range", "from", "to"]] });
    expect(value).toEqual({ range: "last30", q: "awa", size: 50 });
    expect(cleared.sort()).toEqual(["from", "range", "to"]);
  });

  it("without a group, an issue on a key already gone falls back to the defaults, every key named", () => {
    const { value, cleared } = parsePageQuery(schema, { range: "custom", to: "2026-01-01", q: "awa" });
    expect(value).toEqual({ range: "last30", size: 50 });
    expect(cleared.sort()).toEqual(["q", "range", "to"]);
  });

  it("reads the last of repeated values, and clears any value with a NUL character", () => {
    expect(parsePageQuery(schema, { q: ["first", "last"] }).value.q).toBe("last");
    expect(parsePageQuery(schema, { q: "a\u0000b" })).toEqual({ value: { range: "last30", size: 50 }, cleared: ["q"] });
  });
});
