// The currency switch: hidden when the store sells in one currency and the page shows it, but offered
// when the page shows a currency asked in the URL that has no sale in the range (the way back to the
// currencies that have some). Rendered to HTML with the real French catalogue.
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { CurrencySwitch } from "@/components/analytics/currency-switch";
import { loadMessages } from "@/lib/i18n/messages";

async function render(currencies: string[], value: string | null): Promise<string> {
  const messages = await loadMessages("fr");
  // Its props type wants `children` among them; createElement's third argument gives them (the lint rule).
  const props = { locale: "fr", messages, timeZone: "UTC" } as ComponentProps<typeof NextIntlClientProvider>;
  return renderToStaticMarkup(createElement(NextIntlClientProvider, props, createElement(CurrencySwitch, { currencies, value, onChange: () => {} })));
}

/** The buttons' currency codes and which one is pressed, read from the HTML. */
function buttons(html: string): Array<[string, boolean]> {
  return [...html.matchAll(/<button[^>]*aria-pressed="(true|false)"[^>]*>([A-Z]{3})<\/button>/g)].map((m) => [m[2]!, m[1] === "true"]);
}

describe("CurrencySwitch", () => {
  it("one currency, shown: no switch; several: each offered, the shown one pressed", async () => {
    expect(await render(["XOF"], "XOF")).toBe("");
    expect(await render([], null)).toBe("");
    expect(buttons(await render(["XOF", "EUR"], "EUR"))).toEqual([["XOF", false], ["EUR", true]]);
  });

  it("a currency asked without sales (EUR): the currencies that have sales are offered, none pressed", async () => {
    const html = await render(["XOF"], "EUR");
    expect(html).toContain('aria-label="Devise"');
    expect(buttons(html)).toEqual([["XOF", false]]);
  });
});
