// Where sign-in's `next` and the language switch's form may send the member: a path of this site, with
// its query kept, and never another origin however the value is written.
import { describe, expect, it } from "vitest";
import { pathFromReferer, safeLocalPath } from "@/lib/http/safe-path";

describe("safeLocalPath", () => {
  it("keeps a path of this site, query included", () => {
    expect(safeLocalPath("/sales?status=completed&page=2")).toBe("/sales?status=completed&page=2");
  });

  it.each(["//evil.example/x", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "", null, 42])("refuses %s", (value) => {
    expect(safeLocalPath(value)).toBe("/");
  });
});

describe("pathFromReferer", () => {
  it("takes the page's path and query, not its origin", () => {
    expect(pathFromReferer("https://dash.example/recovery?from=2026-01-01&to=2026-01-31")).toBe("/recovery?from=2026-01-01&to=2026-01-31");
    expect(pathFromReferer("http://localhost:3000/login?next=%2Fsettings")).toBe("/login?next=%2Fsettings");
  });

  it("gives nothing for a missing or unreadable Referer, or one whose path would leave the site", () => {
    expect(pathFromReferer(null)).toBeNull();
    expect(pathFromReferer("not a url")).toBeNull();
    expect(pathFromReferer("https://dash.example//evil.example/x")).toBeNull();
  });
});
