// The case's summary for Chariow's support (issue 20): everything they ask for to trace a debit on a failed
// sale — store, sale reference, product, amounts, the sale's times in UTC and in the store's zone, payment
// method, gateway and transaction id, the failure in words, the customer, and what the operator says
// (reference, SMS, amount and day debited) — in the member's language, as sections of label/value lines
// that the text and the PDF (./summary-pdf.ts) both lay out. Unknown facts say so, never blank.
import { codeLabel, type CodesTranslator } from "@/lib/format/codes";
import { formatDateTime } from "@/lib/format/date-time";
import { timeZoneLabel } from "@/lib/format/time-zone";
import { formatMoney } from "@/lib/money";
import type { PaymentCase } from "./cases";

/** next-intl's `t` of the PaymentCases.summary namespace (or createTranslator's, in tests). */
export type SummaryTranslator = (key: string, values?: Record<string, string | number>) => string;

export type SummaryLine = { label: string; value: string };
export type SummarySection = { title: string; lines: SummaryLine[] };
/** `separator` goes between a label and its value: ": " in English, " : " in French. */
export type CaseSummary = { title: string; intro: string; separator: string; sections: SummarySection[]; footer: string };

export type SummaryContext = { locale: string; timeZone: string; storeName: string | null; generatedAt: Date; t: SummaryTranslator; tCodes: CodesTranslator };

export function buildCaseSummary(c: PaymentCase, ctx: SummaryContext): CaseSummary {
  const { t, tCodes, locale, timeZone } = ctx;
  const unknown = t("unknown");
  const known = (v: string | null | undefined) => (v === null || v === undefined || v === "" ? unknown : v);
  const zone = timeZoneLabel(timeZone, locale);
  // Both clocks: support reads UTC, the customer's SMS reads the store's local time.
  const instant = (v: string | null) =>
    v === null ? unknown : t("instant", { utc: new Date(v).toISOString().replace(".000Z", "Z"), local: formatDateTime(v, { locale, timeZone }, "dateTime"), zone });
  const code = (kind: "failureCode" | "paymentMethod" | "gateway", v: string | null) => {
    if (!v) return unknown;
    // A failure's words are a sentence ("… du client."): its final stop would sit before the code.
    const words = codeLabel(tCodes, kind, v).replace(/\.$/, "");
    return words === v ? v : t("codeWithWords", { words, code: v });
  };
  const debitedDay = formatDateTime(c.debitedOn, { locale, timeZone }, "date");
  const line = (key: string, value: string): SummaryLine => ({ label: t(`labels.${key}`), value });
  return {
    title: t("title", { id: c.id }),
    intro: t("intro"),
    separator: t("separator"),
    sections: [
      {
        title: t("sections.case"),
        lines: [line("caseId", c.id), line("status", codeLabel(tCodes, "paymentCaseStatus", c.status)), line("openedAt", instant(c.createdAt)), line("sentAt", c.sentAt ? instant(c.sentAt) : t("notSent")), ...(c.resolvedAt ? [line("resolvedAt", instant(c.resolvedAt))] : [])],
      },
      {
        title: t("sections.sale"),
        lines: [
          line("store", known(ctx.storeName)),
          line("saleReference", c.saleId),
          line("product", known(c.sale.productName)),
          line("saleAmount", c.sale.amount ? formatMoney(c.sale.amount, locale) : unknown),
          line("saleCreatedAt", instant(c.sale.createdAt)),
          line("saleFailedAt", instant(c.sale.failedAt)),
          line("paymentMethod", code("paymentMethod", c.sale.paymentMethod)),
          line("gateway", code("gateway", c.sale.gateway)),
          line("transactionId", known(c.sale.transactionId)),
          line("failure", code("failureCode", c.sale.failureCode)),
        ],
      },
      { title: t("sections.customer"), lines: [line("customerName", known(c.sale.customerName)), line("customerEmail", known(c.sale.customerEmail))] },
      {
        title: t("sections.debit"),
        lines: [
          line("operatorReference", known(c.operatorReference)),
          line("amountDebited", formatMoney(c.amountDebited, locale)),
          line("debitedOn", c.debitedTime ? t("dayAndTime", { day: debitedDay, time: c.debitedTime, zone }) : t("dayOnly", { day: debitedDay, zone })),
          line("smsText", known(c.smsText)),
        ],
      },
      { title: t("sections.note"), lines: [line("note", known(c.note))] },
    ],
    footer: t("generatedAt", { at: formatDateTime(ctx.generatedAt, { locale, timeZone }, "dateTime"), zone }),
  };
}

/** The summary as plain text, to copy into an e-mail or a chat with Chariow's support. */
export function caseSummaryText(summary: CaseSummary): string {
  const out = [summary.title, "=".repeat(Math.min(summary.title.length, 72)), summary.intro, ""];
  for (const section of summary.sections) {
    out.push(section.title, "-".repeat(Math.min(section.title.length, 72)));
    for (const l of section.lines) {
      // A multi-line value (an SMS) is indented under its label so it reads as one field.
      const [first, ...rest] = l.value.split(/\r?\n/);
      out.push(`${l.label}${summary.separator}${first}`, ...rest.map((r) => `    ${r}`));
    }
    out.push("");
  }
  out.push(summary.footer, "");
  return out.join("\n");
}
