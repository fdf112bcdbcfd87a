// Streaming CSV for exports (DESIGN §3): UTF-8 with a BOM so Excel reads accents, two presets — French
// Excel (`;`, decimal comma) and standard (`,`) — RFC 4180 quoting, and text cells
// starting with = + - @ tab or CR neutralised (formula injection). Pull-based: rows are read from the
// source only when the client takes the previous chunk, so memory stays flat whatever the row count.
import "server-only";
import { TrustedCell, type CsvCell } from "./cells";
import { delimiterOf, type CsvPreset } from "./presets";

export type { CsvPreset } from "./presets";
export { delimiterOf } from "./presets";
export type { CsvCell } from "./cells";

const BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;
/** About this many characters per chunk handed to the network: big enough to be cheap, small enough to stream. */
const CHUNK_CHARS = 64 * 1024;

/** A leading apostrophe makes spreadsheets show the text instead of evaluating it. */
export function neutraliseFormula(value: string): string {
  // The first character's code before the pattern: most cells start with neither (a million-row export).
  const first = value.charCodeAt(0);
  return first < 65 && FORMULA_START.test(value) ? `'${value}` : value;
}

function cellText(cell: CsvCell, preset: CsvPreset): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof TrustedCell) return cell.text;
  if (typeof cell === "number") {
    // A number is ours (a count, a rate), never user text: only the decimal separator changes.
    const text = Number.isFinite(cell) ? String(cell) : "";
    return preset === "excel-fr" ? text.replace(".", ",") : text;
  }
  return neutraliseFormula(cell);
}

const NEEDS_QUOTES_STANDARD = /[",\r\n]/;
const NEEDS_QUOTES_EXCEL_FR = /[";\r\n]/;

/** A field's text as written: quoted when it holds the delimiter, a quote, CR or LF, inner quotes doubled. */
export function csvField(text: string, preset: CsvPreset): string {
  return (preset === "excel-fr" ? NEEDS_QUOTES_EXCEL_FR : NEEDS_QUOTES_STANDARD).test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A field of user text (a name, an email, a code): neutralised as a formula, then csvField; null is empty. */
export function csvTextField(text: string | null, preset: CsvPreset): string {
  return text === null ? "" : csvField(neutraliseFormula(text), preset);
}

/**
 * Rows → CSV text per RFC 4180: CRLF after every record, a field quoted when it holds the delimiter, a
 * quote, CR or LF, and quotes inside doubled. Hand-written rather than csv-stringify: the export's
 * 100,000 rows/s target (bench/README.md "Sales table") spent most of its time there; tests/unit/csv
 * round-trips this output through csv-parse, a real parser, to keep it honest.
 */
export function formatCsvRecords(rows: readonly (readonly CsvCell[])[], preset: CsvPreset): string {
  const delimiter = delimiterOf(preset);
  let out = "";
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      if (i > 0) out += delimiter;
      out += csvField(cellText(row[i], preset), preset);
    }
    out += "\r\n";
  }
  return out;
}

export type CsvStreamEnd = { rowCount: number; completed: boolean; error?: unknown };

export type CsvResponseOptions = {
  /** Called once when the stream ends: every row sent (completed), the client went away, or the source failed. */
  onEnd?: (end: CsvStreamEnd) => void | Promise<void>;
  /** The source yields arrays of rows (a DB batch each) rather than rows: one await per batch, not per row. */
  batches?: boolean;
  /**
   * The source yields records already written as CSV text (`CsvText`, written with csvField /
   * csvTextField by an export too hot for cell objects, lib/sales/export-sales.ts); each is one chunk,
   * so keep them well under ~128 KB (a few hundred records).
   */
  formatted?: boolean;
};

/** CSV records already written (each ending in CRLF), and how many. */
export type CsvText = { text: string; rows: number };

type Row = readonly CsvCell[];
type RowSource = AsyncIterable<Row> | Iterable<Row> | AsyncIterable<Row[]> | Iterable<Row[]> | AsyncIterable<CsvText>;
type Item = Row | Row[] | CsvText;

function iteratorOf(rows: RowSource): AsyncIterator<Item> | Iterator<Item> {
  return Symbol.asyncIterator in rows ? (rows as AsyncIterable<Item>)[Symbol.asyncIterator]() : (rows as Iterable<Item>)[Symbol.iterator]();
}

/** The CSV as a byte stream: header row first, then rows pulled in ~64 KB chunks. */
export function csvStream(header: readonly string[], rows: RowSource, preset: CsvPreset, options: CsvResponseOptions = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = iteratorOf(rows);
  let rowCount = 0;
  let ended = false;
  const end = async (result: CsvStreamEnd) => {
    if (ended) return;
    ended = true;
    await options.onEnd?.(result);
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BOM + formatCsvRecords([header], preset)));
    },
    async pull(controller) {
      try {
        const batch: (readonly CsvCell[])[] = [];
        let text = "";
        let enqueued = 0;
        while (text.length + enqueued < CHUNK_CHARS) {
          const next = await iterator.next();
          if (next.done) {
            if (batch.length > 0) text += formatCsvRecords(batch, preset);
            if (text) controller.enqueue(encoder.encode(text));
            // Recorded before the stream closes: whoever reads the whole file can rely on the entry.
            await end({ rowCount, completed: true });
            controller.close();
            return;
          }
          if (options.formatted) {
            // Each piece encoded as it comes, never concatenated: a string or chunk over V8's large-object
            // size (~128 KB) lives until a full GC, which is what made the export's memory grow 0–99 MB.
            const written = next.value as CsvText;
            rowCount += written.rows;
            if (written.text) controller.enqueue(encoder.encode(written.text));
            enqueued += written.text.length;
            continue;
          }
          if (options.batches) {
            const rowsOfBatch = next.value as Row[];
            rowCount += rowsOfBatch.length;
            text += formatCsvRecords(rowsOfBatch, preset);
            continue;
          }
          batch.push(next.value as Row);
          rowCount++;
          if (batch.length === 500) {
            text += formatCsvRecords(batch, preset);
            batch.length = 0;
          }
        }
        if (batch.length > 0) text += formatCsvRecords(batch, preset);
        if (text) controller.enqueue(encoder.encode(text));
      } catch (error) {
        await end({ rowCount, completed: false, error });
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
      await end({ rowCount, completed: false });
    },
  });
}

/** Content-Disposition with an ASCII fallback name and the UTF-8 one (RFC 6266). */
function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function csvResponse(filename: string, header: readonly string[], rows: RowSource, preset: CsvPreset, options: CsvResponseOptions = {}): Response {
  return new Response(csvStream(header, rows, preset, options), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(filename),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
