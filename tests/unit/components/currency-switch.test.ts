// The currency switch: hidden when the store sells in one currency and the page shows it, but offered
// when the page shows a currency asked in the URL that has no sale in the range (the way back to the
// currencies that have some). Links that work before JavaScript: each keeps the page's range and only
// changes the currency. Rendered to HTML with the real French catalogue.
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { CurrencySwitch } from "@/components/analytics/currency-switch";
import type { AnalyticsParams } from "@/lib/analytics/url-params";
import { renderHtml } from "@/tests/support/render";

const range: AnalyticsParams = { range: "lastMonth", compare: "previous", interval: "week" };

async function render(currencies: string[], value: string | null, params: AnalyticsParams = range): Promise<string> {
  return renderHtml(createElement(CurrencySwitch, { currencies, value, pathname: "/overview", params }));
}

/** Each link's currency, its href and whether it is the one shown, read from the HTML. */
function links(html: string): Array<[string, string, boolean]> {
  return [...html.matchAll(/<a ([^>]*)>([A-Z]{3})<\/a>/g)].map((m) => [m[2]!, /href="([^"]*)"/.exec(m[1]!)![1]!.replaceAll("&amp;", "&"), m[1]!.includes('aria-current="true"')]);
}

describe("CurrencySwitch", () => {
  it("one currency, shown: no switch; several: a link each keeping the range, the shown one current", async () => {
    expect(await render(["XOF"], "XOF")).toBe("");
    expect(await render([], null)).toBe("");
    expect(links(await render(["XOF", "EUR"], "EUR"))).toEqual([
      ["XOF", "/overview?range=lastMonth&compare=previous&interval=week&currency=XOF", false],
      ["EUR", "/overview?range=lastMonth&compare=previous&interval=week&currency=EUR", true],
    ]);
    // A custom range's days ride along.
    const custom = await render(["XOF", "EUR"], "XOF", { range: "custom", from: "2026-02-01", to: "2026-02-28", compare: "none" });
    expect(links(custom)[1]![1]).toBe("/overview?range=custom&from=2026-02-01&to=2026-02-28&currency=EUR");
  });

  it("a currency asked without sales (EUR): the currencies that have sales are offered, none current", async () => {
    const html = await render(["XOF"], "EUR", { ...range, currency: "EUR" });
    expect(html).toContain('aria-label="Devise"');
    expect(links(html)).toEqual([["XOF", "/overview?range=lastMonth&compare=previous&interval=week&currency=XOF", false]]);
  });
});
