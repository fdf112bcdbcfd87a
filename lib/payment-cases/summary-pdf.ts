// The case summary (./summary.ts) as a PDF for Chariow's support: pdfkit (already used by the payout
// statement) with its built-in Helvetica, so no font file ships; pdfkit wraps long lines (an SMS) and
// starts new pages by itself. Helvetica is WinAnsi: French accents, € and typographic quotes are in it;
// what is not (an emoji in an SMS, a narrow no-break space) becomes a plain space or "?", never a broken file.
import "server-only";
import PDFDocument from "pdfkit";
import type { CaseSummary } from "./summary";

// WinAnsiEncoding's characters beyond Latin-1 (0x80–0x9F in the PDF's table).
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

/** `text` with only characters Helvetica (WinAnsi) can show. */
export function winAnsiText(text: string): string {
  let out = "";
  for (const ch of text.replace(/[\u202f\u00a0\u2009]/g, " ").replace(/\u2212/g, "-")) {
    const cp = ch.codePointAt(0)!;
    out += ch === "\n" || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa1 && cp <= 0xff) || WIN_ANSI_EXTRA.has(ch) ? ch : "?";
  }
  return out;
}

export async function renderCaseSummaryPdf(summary: CaseSummary): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 48, info: { Title: winAnsiText(summary.title) } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.font("Helvetica-Bold").fontSize(15).text(winAnsiText(summary.title));
  doc.moveDown(0.3).font("Helvetica").fontSize(10).text(winAnsiText(summary.intro));
  for (const section of summary.sections) {
    doc.moveDown(0.8).font("Helvetica-Bold").fontSize(12).text(winAnsiText(section.title));
    doc.moveDown(0.2);
    for (const l of section.lines) {
      doc.font("Helvetica-Bold").fontSize(10).text(winAnsiText(`${l.label}${summary.separator}`), { continued: true }).font("Helvetica").text(winAnsiText(l.value));
    }
  }
  doc.moveDown().font("Helvetica").fontSize(9).fillColor("#52525b").text(winAnsiText(summary.footer));
  doc.end();
  return done;
}
