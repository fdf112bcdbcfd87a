// The table's state is read from the URL alone (bookmarks): defaults fill what is missing, garbage falls
// back to the defaults instead of breaking the page.
import { describe, expect, it } from "vitest";
import { readTableState } from "@/components/data-table/url-state";

const defaults = { sort: { column: "created_at", dir: "desc" as const }, size: 50 };

describe("readTableState", () => {
  it("reads sort, direction, page, size and hidden columns", () => {
    expect(readTableState(new URLSearchParams("sort=amount&dir=asc&page=3&size=100&hide=channel,country"), defaults)).toEqual({
      sort: { column: "amount", dir: "asc" },
      page: 3,
      size: 100,
      hidden: ["channel", "country"],
    });
  });

  it("fills defaults and ignores values that are not a page, a size or a direction", () => {
    expect(readTableState(new URLSearchParams("dir=up&page=-2&size=abc&hide="), defaults)).toEqual({
      sort: { column: "created_at", dir: "desc" },
      page: 1,
      size: 50,
      hidden: [],
    });
    expect(readTableState(new URLSearchParams("page=2.5"), defaults).page).toBe(1);
  });
});
