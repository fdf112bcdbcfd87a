// The top bar's freshness slot in the merchant's words: when the figures were last updated and how far
// the history import has gone, never the API budget or the mirror's internals; a link to Settings (where
// those details live) only for members who may open it.
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { FreshnessIndicator } from "@/components/layout/freshness-indicator";
import type { FreshnessView } from "@/lib/freshness/schemas";
import { renderServerHtml } from "@/tests/support/render-shell";

const READ_AT = "2026-11-23T12:00:00.000Z";
const view = (over: Partial<FreshnessView> = {}): FreshnessView => ({
  readAt: READ_AT,
  lastSuccessAt: "2026-11-23T11:57:00.000Z",
  stale: false,
  staleReason: null,
  backfill: { done: true, percent: 100, windowsDone: 20, windowsTotal: 20, salesSeen: 3000, etaSeconds: null },
  settlementCoveragePercent: 62.5,
  budget: { limit: 120, remaining: 97, resetAt: "2026-11-23T12:01:00.000Z" },
  ...over,
});
const importing = view({ lastSuccessAt: null, backfill: { done: false, percent: 45.6, windowsDone: 9, windowsTotal: 20, salesSeen: 1300, etaSeconds: 200 } });

async function render(v: FreshnessView | null, extra: { detailsHref?: string; canSync?: boolean; locale?: "fr" | "en" } = {}) {
  const { locale, ...props } = extra;
  const html = await renderServerHtml(createElement(FreshnessIndicator, { view: v, now: Date.parse(READ_AT), onSyncNow: () => {}, ...props }), { locale });
  const text = html.replace(/<[^>]+>/g, " ").replaceAll("&#x27;", "'").replace(/[ \t\n]+/g, " ").trim();
  return { html, text };
}

describe("FreshnessIndicator", () => {
  it("says when the figures were last updated, and nothing about budget or coverage", async () => {
    const { html, text } = await render(view());
    expect(html).toContain('data-history="complete"');
    expect(text).toBe("Mis à jour il y a 3 minutes");
    expect(html).not.toContain("progressbar");
  });

  it("shows the history import's progress with the French spacing and the time left", async () => {
    const { html, text } = await render(importing);
    expect(html).toContain('data-history="importing"');
    expect(html).toMatch(/role="progressbar"[^>]*aria-valuenow="46"/);
    expect(text).toBe("Premier import en cours Import de l'historique\u202F: 45\u202F% · encore 3\u00A0min environ");
  });

  it("speaks English too", async () => {
    expect((await render(importing, { locale: "en" })).text).toBe("First import in progress Importing history: 45% · about 3 min left");
  });

  it("without any status yet: not updated yet", async () => {
    const { html, text } = await render(null);
    expect(text).toBe("Pas encore mis à jour");
    expect(html).toContain('data-history="pending"');
  });

  it("links to Settings only when given the address, with a 44 px target; update-now for those allowed", async () => {
    const member = await render(view());
    expect(member.html).not.toContain("<a ");
    expect(member.html).not.toContain('data-testid="sync-now"');
    const owner = await render(view(), { detailsHref: "/settings", canSync: true });
    expect(owner.html).toMatch(/<a class="[^"]*\bmin-h-11\b[^"]*" href="\/settings">/);
    expect(owner.text).toBe("Mis à jour il y a 3 minutes (détails dans Paramètres) Mettre à jour");
    expect(owner.html).toMatch(/<button(?=[^>]*data-testid="sync-now")[^>]*class="[^"]*\bmin-h-11\b/);
  });

  it("uses none of the words that are ours rather than the merchant's", async () => {
    for (const v of [view(), importing, null]) {
      for (const locale of ["fr", "en"] as const) {
        const { text } = await render(v, { detailsHref: "/settings", canSync: true, locale });
        expect(text).not.toMatch(/synchro|sync\b|API|budget|miroir|mirror|enrichi|backfill|\d+\/\d+/i);
      }
    }
  });
});
