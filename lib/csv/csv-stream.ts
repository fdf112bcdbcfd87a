// Streaming CSV for exports (DESIGN §3): UTF-8 with a BOM so Excel reads accents, two presets — French
// Excel (`;`) and standard (`,`) — and cells starting with = + - @ tab or CR neutralised (formula injection).
import "server-only";
import { stringify } from "csv-stringify";

export type CsvPreset = "excel-fr" | "standard";

const BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;

/** A leading apostrophe makes spreadsheets show the text instead of evaluating it. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function delimiterOf(preset: CsvPreset): string {
  return preset === "excel-fr" ? ";" : ",";
}

export function csvResponse(
  filename: string,
  header: string[],
  rows: AsyncIterable<Array<string | number | null>> | Iterable<Array<string | number | null>>,
  preset: CsvPreset,
): Response {
  const stringifier = stringify({ delimiter: delimiterOf(preset), record_delimiter: "\r\n", bom: false });
  void (async () => {
    try {
      stringifier.write(header.map(neutraliseFormula));
      for await (const row of rows) stringifier.write(row.map((cell) => (typeof cell === "string" ? neutraliseFormula(cell) : cell ?? "")));
      stringifier.end();
    } catch (error) {
      stringifier.destroy(error instanceof Error ? error : new Error("CSV export failed"));
    }
  })();
  const encoder = new TextEncoder();
  const chunks = (async function* () {
    yield BOM;
    for await (const chunk of stringifier) yield String(chunk);
  })();
  // A web stream of bytes, pulled chunk by chunk: memory stays flat however many rows there are.
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      stringifier.destroy();
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
