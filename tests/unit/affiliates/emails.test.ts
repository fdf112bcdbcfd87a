// The invite form's parsing: separators, normalisation, duplicates, display names (extracted), unicode
// domains (sent as punycode), unicode local parts and malformed entries (rejected, each named).
import { describe, expect, it } from "vitest";
import { batches, normaliseEntry, parseEmails, splitEntries } from "@/lib/affiliates/emails";

describe("splitEntries", () => {
  it("splits on lines, commas, semicolons, spaces and tabs (a spreadsheet column)", () => {
    expect(splitEntries("a@x.com\nb@x.com,c@x.com; d@x.com e@x.com\te@x.org\r\nf@x.com")).toEqual([
      "a@x.com", "b@x.com", "c@x.com", "d@x.com", "e@x.com", "e@x.org", "f@x.com",
    ]);
  });
  it("keeps a display name with its address", () => {
    expect(splitEntries('"Dupont, Jean" <jean@example.com>, Ama Mensah <ama@example.com>\nz@x.com')).toEqual([
      '"Dupont, Jean" <jean@example.com>', "Ama Mensah <ama@example.com>", "z@x.com",
    ]);
  });
  it("returns nothing for blank input", () => {
    expect(splitEntries("  \n ,; \t")).toEqual([]);
  });
});

describe("normaliseEntry", () => {
  it("accepts an address of 254 characters, not 255", () => {
    // "a@" + labels of 63, 63, 63 and n letters + ".com": 2 + 63×3 + 3 dots + n + 4 = 198 + n.
    const address = (lastLabel: number) => `a@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.${"e".repeat(lastLabel)}.com`;
    expect(address(56)).toHaveLength(254);
    expect(normaliseEntry(address(56))).toEqual({ email: address(56), rewritten: false });
    expect(normaliseEntry(address(57))).toEqual({ reason: "malformed" });
  });
  it("trims and lower-cases", () => {
    expect(normaliseEntry("  Jean.Dupont@Example.COM ")).toEqual({ email: "jean.dupont@example.com", rewritten: false });
  });
  it("extracts the address from a display-name entry", () => {
    expect(normaliseEntry('"Jean" <Jean@Example.com>')).toEqual({ email: "jean@example.com", rewritten: true });
  });
  it("converts a unicode domain to punycode, rejects a unicode local part", () => {
    expect(normaliseEntry("awa@café.fr")).toEqual({ email: "awa@xn--caf-dma.fr", rewritten: true });
    expect(normaliseEntry("jérôme@example.com")).toEqual({ reason: "unicode_local_part" });
  });
  it.each(["plainaddress", "@example.com", "jean@", "jean@@example.com", "jean@example", "jean@exa mple.com", "jean..d@example.com", ".jean@example.com", "jean@-example.com", '"Jean" jean@example.com', "<>", "a@b.c"])(
    "rejects %s",
    (entry) => {
      expect(normaliseEntry(entry)).toEqual({ reason: "malformed" });
    },
  );
});

describe("parseEmails", () => {
  it("removes duplicates after normalisation and reports each invalid entry", () => {
    const r = parseEmails("A@x.com a@x.com\n\"A\" <a@x.com>; bad; b@x.com");
    expect(r.valid).toEqual(["a@x.com", "b@x.com"]);
    expect(r.duplicates).toEqual(["a@x.com", '"A" <a@x.com>']);
    expect(r.invalid).toEqual([{ input: "bad", reason: "malformed" }]);
    expect(r.total).toBe(5);
  });
  it("accepts an array of entries (the API body)", () => {
    expect(parseEmails(["x@y.com", " X@Y.com "]).valid).toEqual(["x@y.com"]);
  });
  it("batches consecutive groups of 25", () => {
    const items = Array.from({ length: 61 }, (_, i) => i);
    expect(batches(items).map((b) => b.length)).toEqual([25, 25, 11]);
    expect(batches(items).flat()).toEqual(items);
  });
});
