// The monthly payout statement PDF (issue 16) over the real mirror (both engines): built from hand-made
// sales whose payouts fall in March and April, rendered, and read back as text (unpdf): each March payout
// day of the currency with its gross, kept and net, the month's totals to the minor unit (the sums of the
// inputs, written here by hand), the other currency and April left out, in French and in English.
import { expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { extractText, getDocumentProxy } from "unpdf";
import { upsertSales } from "@/lib/mirror";
import { loadMessages } from "@/lib/i18n/messages";
import { buildStatement } from "@/lib/settlements/statement";
import { renderStatementPdf } from "@/lib/settlements/statement-pdf";
import { saleDetail, type SaleFacts } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";

const ZONE = "Africa/Abidjan";
const NOW = new Date("2026-04-10T12:00:00Z");
const paid = (id: string, o: Partial<SaleFacts>): SaleFacts => ({ id, status: "completed", currency: "XOF", originalMinor: 10_000, gatewayFeeMinor: 300, serviceFeeMinor: 500, settlementNetMinor: 9_200, createdAt: "2026-03-01T10:00:00Z", completedAt: "2026-03-01T10:05:00Z", ...o });

async function pdfText(locale: "fr" | "en", storeName: string) {
  return async (statement: Awaited<ReturnType<typeof buildStatement>>) => {
    const messages = await loadMessages(locale);
    const t = createTranslator({ locale, messages, namespace: "Statement" });
    const tCodes = createTranslator({ locale, messages, namespace: "Codes" });
    const pdf = await renderStatementPdf(statement, { storeName, locale, generatedAt: NOW, t: (k, v) => t(k as never, v as never), tCodes: (k) => tCodes(k as never) });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    return text.replace(/\s+/g, " ");
  };
}

describeEachEngine("Monthly payout statement PDF", ({ db }) => {
  async function seed() {
    const details = [
      paid("m1", { settlementDueAt: "2026-03-05T09:00:00Z", settlementDoneAt: "2026-03-05T12:00:00Z", status: "settled" }),
      paid("m2", { settlementDueAt: "2026-03-05T15:00:00Z", settlementDoneAt: "2026-03-05T16:00:00Z", status: "settled", originalMinor: 4_900, gatewayFeeMinor: 147, serviceFeeMinor: 245, settlementNetMinor: 4_508 }),
      paid("m3", { settlementDueAt: "2026-03-20T09:00:00Z", originalMinor: 25_000, gatewayFeeMinor: 750, serviceFeeMinor: 1_250, settlementNetMinor: 23_000 }),
      paid("e1", { currency: "EUR", originalMinor: 7_920, gatewayFeeMinor: 237, serviceFeeMinor: 396, settlementNetMinor: 7_287, settlementDueAt: "2026-03-20T09:00:00Z" }),
      paid("a1", { settlementDueAt: "2026-04-02T09:00:00Z", originalMinor: 99_000, settlementNetMinor: 91_080 }),
    ].map(saleDetail);
    await upsertSales(db().db, details, { source: "detail", receivedAt: NOW.toISOString(), timeZone: ZONE });
  }

  it("lists each March payout day of XOF and the month's totals, to the franc, in French", async () => {
    await seed();
    const statement = await buildStatement(db().db, { month: "2026-03", currency: "XOF" }, ZONE, NOW);
    expect(statement.days.map((d) => [d.dueDay, d.gross, d.net])).toEqual([
      ["2026-03-05", 14_900, 13_708],
      ["2026-03-20", 25_000, 23_000],
    ]);
    // Gross 10 000 + 4 900 + 25 000; net 9 200 + 4 508 + 23 000; kept = gross − net.
    expect(statement.totals).toMatchObject({ gross: 39_900, net: 36_708, deducted: 3_192 });
    const text = await (await pdfText("fr", "Savoirs Numériques"))(statement);
    expect(text).toContain("Relevé des versements : mars 2026 — XOF");
    expect(text).toContain("Boutique : Savoirs Numériques");
    expect(text).toContain("du 1 mars 2026 au 31 mars 2026");
    expect(text).toMatch(/5 mars 2026 Versé le 5 mars 2026 2 14 900 XOF 1 192 XOF 13 708 XOF/);
    expect(text).toMatch(/20 mars 2026 En retard 1 25 000 XOF 2 000 XOF 23 000 XOF/); // due on the 20th, not paid out by the 10th of April
    expect(text).toMatch(/Total du mois 3 39 900 XOF 3 192 XOF 36 708 XOF/);
    expect(text).not.toContain("99 000"); // April's payout
    expect(text).not.toContain("€"); // the other currency
    expect(text).toContain("frais retenus = brut - net");
    expect(text).toContain("Généré le 10 avr. 2026");
  });

  it("says the same in English, and an empty month says so", async () => {
    await seed();
    const en = await (await pdfText("en", "Demo"))(await buildStatement(db().db, { month: "2026-03", currency: "EUR" }, ZONE, NOW));
    expect(en).toContain("Payout statement: March 2026 — EUR");
    expect(en).toMatch(/Month total 1 €79\.20 €6\.33 €72\.87/);
    const empty = await (await pdfText("en", "Demo"))(await buildStatement(db().db, { month: "2026-02", currency: "XOF" }, ZONE, NOW));
    expect(empty).toContain("No payout this month.");
  });
});
