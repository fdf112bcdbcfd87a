// The monthly statement as a PDF (pdfkit, its built-in Helvetica): store, period and time zone, one line
// per payout day (day, state, sales, gross, kept by Chariow, net), the month's totals, sales without a known
// payout, and when it was generated. Every text goes through the member's language; the PDF's standard
// font has no narrow no-break space, so French spacing is written with plain spaces.
import "server-only";
import PDFDocument from "pdfkit";
import { codeLabel, type CodesTranslator } from "@/lib/format/codes";
import { formatDateTime } from "@/lib/format/date-time";
import { timeZoneLabel } from "@/lib/format/time-zone";
import { formatMoney } from "@/lib/money";
import type { Statement } from "./statement";

/** next-intl's `t` of the Statement namespace (or createTranslator's, in tests). */
export type StatementTranslator = (key: string, values?: Record<string, string | number>) => string;

/** Helvetica (WinAnsi) cannot show U+202F / U+00A0 nor the minus sign: plain spaces and a hyphen instead. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ").replace(/\u2212/g, "-");

export async function renderStatementPdf(statement: Statement, options: { storeName: string | null; locale: string; generatedAt: Date; t: StatementTranslator; tCodes: CodesTranslator }): Promise<Buffer> {
  const { t, tCodes, locale } = options;
  const zone = { locale, timeZone: statement.timeZone };
  const money = (minor: number | null) => (minor === null ? t("unknown") : plain(formatMoney({ minor, currency: statement.currency }, locale)));
  const doc = new PDFDocument({ size: "A4", margin: 48, info: { Title: plain(t("title", { month: formatDateTime(statement.from, zone, "month"), currency: statement.currency })) } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.font("Helvetica-Bold").fontSize(16).text(plain(t("title", { month: formatDateTime(statement.from, zone, "month"), currency: statement.currency })));
  doc.moveDown(0.3).font("Helvetica").fontSize(10);
  if (options.storeName) doc.text(plain(t("store", { name: options.storeName })));
  doc.text(plain(t("period", { from: formatDateTime(statement.from, zone, "date"), to: formatDateTime(statement.to, zone, "date"), zone: timeZoneLabel(statement.timeZone, locale) })));
  doc.text(plain(t("byPayoutDay")));
  doc.moveDown();

  const columns = [
    { key: "day", width: 95, align: "left" as const },
    { key: "state", width: 110, align: "left" as const },
    { key: "sales", width: 40, align: "right" as const },
    { key: "gross", width: 85, align: "right" as const },
    { key: "kept", width: 85, align: "right" as const },
    { key: "net", width: 85, align: "right" as const },
  ];
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    let x = doc.page.margins.left;
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(9);
    let height = 0;
    cells.forEach((cell, i) => {
      const c = columns[i]!;
      doc.text(plain(cell), x, y, { width: c.width, align: c.align });
      height = Math.max(height, doc.y - y);
      x += c.width + 4;
    });
    doc.x = doc.page.margins.left;
    doc.y = y + height + 4;
    if (doc.y > doc.page.height - doc.page.margins.bottom - 40) doc.addPage();
  };
  row(columns.map((c) => t(`columns.${c.key}`)), true);
  if (statement.days.length === 0) row([t("none"), "", "", "", "", ""]);
  for (const d of statement.days) {
    const state = d.status === "settled" && d.doneAt ? t("settledOn", { day: formatDateTime(d.doneAt, zone, "date") }) : codeLabel(tCodes, "payoutStatus", d.status);
    row([formatDateTime(d.dueDay, zone, "date"), state, String(d.salesCount), money(d.gross), money(d.deducted), money(d.net)]);
  }
  const totals = statement.totals;
  row([t("total"), "", String(statement.days.reduce((n, d) => n + d.salesCount, 0)), money(totals?.gross ?? 0), money(totals?.deducted ?? 0), money(totals?.net ?? 0)], true);

  doc.moveDown();
  doc.font("Helvetica").fontSize(9);
  if (totals && totals.gatewayFee !== null && totals.serviceFee !== null) doc.text(plain(t("fees", { gateway: money(totals.gatewayFee), service: money(totals.serviceFee) })));
  if (statement.unknown) doc.text(plain(t("unknownPayout", { count: statement.unknown.salesCount, gross: money(statement.unknown.gross) })));
  doc.text(plain(t("netRule")));
  doc.moveDown();
  doc.fillColor("#52525b").text(plain(t("generatedAt", { at: formatDateTime(options.generatedAt, zone, "dateTime") })));
  doc.end();
  return done;
}
