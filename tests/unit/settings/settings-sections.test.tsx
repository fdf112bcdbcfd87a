// The Settings page's sections as the server sends them: the Pulse log is a page of the shared table under
// pulses_* keys (links keep the rest of the URL), events, results and reasons in words with the codes as
// data, dates in the store's zone; the sync card in the merchant's words; the technical side (API host and
// budget, sync jobs, lease holder, error text, Pulse ids) only inside a closed "Technical details".
import { describe, expect, it } from "vitest";
import { PulseEndpointDetails } from "@/components/settings/pulse-endpoint-card";
import { PulseLogTable } from "@/components/settings/pulse-log-table";
import { SyncStatusDetails } from "@/components/settings/sync-status-details";
import { TechnicalDetails } from "@/components/settings/technical-details";
import type { FreshnessView } from "@/lib/freshness/schemas";
import type { PulseLogEntry, PulseLogSummary } from "@/lib/pulses/schemas";
import { attributesOf, renderHtml } from "@/tests/support/render";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/[\u202f\u00a0]/g, " ").replace(/\s+/g, " ");

const NOW = Date.parse("2026-06-02T12:00:00.000Z");
const summary: PulseLogSummary = { readAt: new Date(NOW).toISOString(), failuresLast24h: 1, rejectedLast24h: 8, refusedSinceAccepted: 0, processedLast24h: 3, lastReceivedAt: "2026-06-02T11:55:00.000Z", pending: 0 };
const entry = (over: Partial<PulseLogEntry>): PulseLogEntry => ({ key: "d1", receivedAt: "2026-06-01T23:30:00.000Z", pulseId: "pulse_sales", event: "successful.sale", deliveryId: "pdlv_1", status: "processed", detail: null, count: 1, source: null, ...over });
const entries = [
  entry({ key: "d3", status: "failed", detail: "mirror unavailable: boom" }),
  entry({ key: "r2", status: "rejected", detail: "mismatch", count: 7, source: "198.51.100.7", event: null, pulseId: null, deliveryId: null }),
  entry({ key: "d2", status: "duplicate", detail: "same_delivery", event: "license.activated" }),
  entry({ key: "r1", status: "rejected", detail: "missing_signature", source: "203.0.113.9", event: null, pulseId: null, deliveryId: null }),
];

describe("Settings sections (server HTML)", () => {
  it("Pulse log: one page under pulses_* keys, words for events, results and reasons, dates in the store's zone", async () => {
    const html = await renderHtml(
      <PulseLogTable entries={entries} summary={summary} now={NOW} url={{ pathname: "/settings", query: { pulses_page: "2", other: "x" } }} page={{ number: 2, size: 25, hasMore: true }} exportHref="/api/pulses/log/export.csv" />,
      "fr",
      "Africa/Lagos",
    );
    const hrefs = attributesOf(html, "a", "href");
    expect(hrefs).toContain("/settings?pulses_page=3&other=x");
    expect(hrefs).toContain("/settings?pulses_page=1&other=x");
    expect(hrefs).toContain("/settings?other=x&pulses_size=50");
    const words = text(html);
    expect(words).toContain("Vente réussie");
    expect(words).toContain("Licence activée");
    expect(words).toContain("Échec");
    expect(words).toContain("Doublon ignoré");
    expect(words).toContain("Signature absente — depuis 203.0.113.9");
    expect(words).toContain("7 autres refus depuis 198.51.100.7 dans l'heure, non listés un par un (dernier : Signature invalide)");
    expect(words).toContain("le traitement a échoué ici");
    expect(words).toContain("Événement inconnu");
    // 23:30 UTC on 1 June is 00:30 on 2 June in Lagos.
    expect(words).toContain("2 juin 2026, 00:30");
    // No code, no server English, no "mirror" on screen; the codes stay as data and tooltips.
    for (const raw of ["successful.sale", "same_delivery", "missing_signature", "mismatch", "boom", "miroir", "pulse_sales"]) expect(words).not.toContain(raw);
    expect(attributesOf(html, "span", "data-status")).toEqual(["failed", "rejected", "duplicate", "rejected"]);
    expect(attributesOf(html, "span", "data-event")).toEqual(["successful.sale", "", "license.activated", ""]);
    expect(html).toContain('title="mirror unavailable: boom"');
    expect(html).toContain('title="Pulse pulse_sales"');
    expect(words).toContain("1 en échec ces dernières 24 h");
    expect(html).toContain('role="alert"'); // the "5 failures disable a Pulse" warning

    const empty = await renderHtml(<PulseLogTable entries={[]} summary={{ ...summary, failuresLast24h: 0, lastReceivedAt: null }} now={NOW} url={{ pathname: "/settings", query: {} }} page={{ number: 1, size: 25, hasMore: false }} />, "en");
    expect(text(empty)).toContain("No delivery received yet.");
    expect(empty).not.toContain('role="alert"');
  });

  const view: FreshnessView = {
    readAt: new Date(NOW).toISOString(),
    lastSuccessAt: "2026-06-02T11:58:00.000Z",
    stale: false,
    staleReason: null,
    backfill: { done: false, percent: 40, windowsDone: 4, windowsTotal: 10, salesSeen: 1234, etaSeconds: 60 },
    settlementCoveragePercent: 87.6,
    budget: { limit: 600, remaining: 412, resetAt: "2026-06-02T12:01:00.000Z" },
  };
  const lastError = { at: "2026-06-02T11:00:00.000Z", kind: "rate_limited", message: "Chariow answered 429 Too Many Requests" };

  it("sync card: merchant words only — the error's meaning, the history import, the known payouts", async () => {
    const words = text(await renderHtml(<SyncStatusDetails view={view} now={NOW} lastError={lastError} />, "fr"));
    expect(words).toContain("Chariow limite les demandes");
    expect(words).toContain("ventes importées (4 périodes sur 10)");
    expect(words).toContain("Versement connu pour 87 % des ventes payées");
    for (const raw of ["rate_limited", "429", "Budget", "412", "miroir", "enrichies"]) expect(words).not.toContain(raw);
  });

  it("technical details: closed by default, holding the API host and budget, lease holder, jobs, error text and Pulse ids", async () => {
    const html = await renderHtml(
      <TechnicalDetails
        apiHost="api.chariow.test"
        budget={view.budget}
        now={NOW}
        leaseHolder="vm:3106"
        optionalJobs={[{ job: "licences", state: "not_available", at: "2026-06-02T10:00:00.000Z", error: null }]}
        lastError={lastError}
        pulseSecretsFor={["pulse_a", "pulse_b"]}
      />,
      "fr",
    );
    expect(html).toMatch(/^<details[^>]*data-testid="technical-details"/);
    expect(html).not.toMatch(/<details[^>]*\bopen\b/);
    const words = text(html);
    expect(words).toContain("Détails techniques");
    expect(words).toContain("api.chariow.test");
    expect(words).toContain("412 sur 600 restantes");
    expect(words).toContain("vm:3106");
    expect(words).toContain("Tâche de synchronisation : Licences");
    expect(words).toContain("Non disponible pour cette boutique");
    expect(words).toContain("Chariow answered 429 Too Many Requests");
    // Even here, a code the catalogue has words for is not shown raw.
    expect(words).not.toContain("rate_limited");
    expect(words).not.toContain("not_available");
    expect(words).toContain("pulse_a, pulse_b");
  });

  it("Pulse set-up: the URL, and how many Pulses have a secret (ids only in the technical details)", async () => {
    const some = text(await renderHtml(<PulseEndpointDetails url="https://shop.test/api/pulses" secretsFor={["pulse_a", "pulse_b"]} />, "fr"));
    expect(some).toContain("https://shop.test/api/pulses");
    expect(some).toContain("2 Pulses");
    expect(some).not.toContain("pulse_a");
    expect(text(await renderHtml(<PulseEndpointDetails url="u" secretsFor="all" />, "fr"))).toContain("tous les Pulses (un seul secret)");
    expect(text(await renderHtml(<PulseEndpointDetails url="u" secretsFor={[]} />, "en"))).toContain("no Pulse: deliveries will be refused");
  });
});
