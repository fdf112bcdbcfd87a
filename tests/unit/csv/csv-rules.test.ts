// The export rules of DESIGN §3, one by one: RFC 4180 quoting, formula neutralisation, both presets
// (delimiter and decimal separator), BOM, non-ASCII text, ISO dates with their offset, and a round trip
// through a real CSV parser (csv-parse) that must give back every field.
import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { decimalCell, formatInstantInZone, instantCell, moneyCell, TrustedCell, withTimeZone, type CsvCell } from "@/lib/csv/cells";
import { csvResponse, formatCsvRecords, neutraliseFormula } from "@/lib/csv/csv-stream";
import type { CsvPreset } from "@/lib/csv/presets";

async function bytesOf(res: Response): Promise<Buffer> {
  return Buffer.from(await res.arrayBuffer());
}

function parseCsv(text: string, preset: CsvPreset): string[][] {
  return parse(text, { delimiter: preset === "excel-fr" ? ";" : ",", bom: true, relax_column_count: false }) as string[][];
}

describe("RFC 4180 quoting", () => {
  it("quotes fields holding the delimiter, a quote, CR or LF, and doubles inner quotes", () => {
    expect(formatCsvRecords([["a,b", 'say "hi"', "l1\nl2", "l1\r\nl2", "plain"]], "standard")).toBe('"a,b","say ""hi""","l1\nl2","l1\r\nl2",plain\r\n');
    // The French preset's delimiter is ";": a comma no longer needs quotes, a semicolon does.
    expect(formatCsvRecords([["a,b", "a;b"]], "excel-fr")).toBe('a,b;"a;b"\r\n');
  });

  it("ends every record with CRLF and writes unknown values as empty fields", () => {
    expect(formatCsvRecords([["x", null, undefined, ""], ["y"]], "standard")).toBe("x,,,\r\ny\r\n");
  });
});

describe("formula injection", () => {
  it("prefixes text starting with = + - @ tab or CR with an apostrophe, and only those", () => {
    for (const cell of ["=1+1", "+33 6 12", "-2+3", "@SUM(A1:A2)", "\t=x", "\r=x", '=HYPERLINK("http://x")']) expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    for (const cell of ["Awa", "1=1", " =x", "a@b.c", "", "éé"]) expect(neutraliseFormula(cell)).toBe(cell);
  });

  it("neutralises in the written file but not our own numbers and dates", () => {
    const out = formatCsvRecords([["=cmd|' /C calc'!A0", -5, new TrustedCell("-12.50"), new TrustedCell("2026-01-01T00:00:00Z")]], "standard");
    expect(out).toBe("'=cmd|' /C calc'!A0,-5,-12.50,2026-01-01T00:00:00Z\r\n");
  });
});

describe("money and numbers per preset", () => {
  it("writes money as a decimal in the currency's own units", () => {
    expect(moneyCell(7920, "USD", "standard")?.text).toBe("79.20");
    expect(moneyCell(7920, "USD", "excel-fr")?.text).toBe("79,20");
    expect(moneyCell(4900, "XOF", "excel-fr")?.text).toBe("4900");
    expect(moneyCell(5, "EUR", "standard")?.text).toBe("0.05");
    expect(moneyCell(1234567, "KWD", "excel-fr")?.text).toBe("1234,567");
    expect(moneyCell(900719925474099, "USD", "standard")?.text).toBe("9007199254740.99");
  });

  it("leaves unknown money empty rather than 0", () => {
    expect(moneyCell(null, "USD", "standard")).toBeNull();
    expect(moneyCell(100, null, "standard")).toBeNull();
    expect(formatCsvRecords([[moneyCell(null, "XOF", "excel-fr"), "XOF"]], "excel-fr")).toBe(";XOF\r\n");
  });

  it("uses a decimal comma for plain decimals in the French preset", () => {
    expect(decimalCell(655.957, "excel-fr")?.text).toBe("655,957");
    expect(decimalCell(655.957, "standard")?.text).toBe("655.957");
    expect(formatCsvRecords([[1.5, 3]], "excel-fr")).toBe("1,5;3\r\n");
  });
});

describe("dates", () => {
  it("writes ISO 8601 with the offset of the named timezone", () => {
    expect(formatInstantInZone("2026-01-15T10:30:00.000Z", "UTC")).toBe("2026-01-15T10:30:00.000Z");
    expect(formatInstantInZone("2026-01-15T10:30:00.000Z", "Africa/Abidjan")).toBe("2026-01-15T10:30:00.000Z");
    expect(formatInstantInZone("2026-01-15T10:30:00.000Z", "Europe/Paris")).toBe("2026-01-15T11:30:00.000+01:00");
    expect(formatInstantInZone("2026-07-15T10:30:00.000Z", "Europe/Paris")).toBe("2026-07-15T12:30:00.000+02:00");
    expect(formatInstantInZone("2026-01-15T23:30:00.000Z", "Africa/Lagos")).toBe("2026-01-16T00:30:00.000+01:00");
    expect(formatInstantInZone("2026-01-15T02:00:00.000Z", "America/St_Johns")).toBe("2026-01-14T22:30:00.000-03:30");
  });

  it("switches offset exactly at a DST change", () => {
    // Paris moves from +01:00 to +02:00 at 2026-03-29T01:00:00Z.
    expect(formatInstantInZone("2026-03-29T00:59:59.000Z", "Europe/Paris")).toBe("2026-03-29T01:59:59.000+01:00");
    expect(formatInstantInZone("2026-03-29T01:00:00.000Z", "Europe/Paris")).toBe("2026-03-29T03:00:00.000+02:00");
  });

  it("keeps the milliseconds, the exact instant (a display may ask for seconds)", () => {
    expect(formatInstantInZone("2026-05-31T23:59:59.123Z", "UTC")).toBe("2026-05-31T23:59:59.123Z");
    expect(formatInstantInZone("2026-05-31T23:59:59.123Z", "Europe/Paris")).toBe("2026-06-01T01:59:59.123+02:00");
    expect(formatInstantInZone("2026-01-15T02:00:00.999Z", "America/St_Johns")).toBe("2026-01-14T22:30:00.999-03:30");
    expect(instantCell("2026-05-31T23:59:59.001Z", "Africa/Abidjan")?.text).toBe("2026-05-31T23:59:59.001Z");
    expect(formatInstantInZone("2026-05-31T23:59:59.123Z", "Europe/Paris", "second")).toBe("2026-06-01T01:59:59+02:00");
  });

  it("round-trips to the same instant, and labels the header with the zone", () => {
    for (const iso of ["2026-10-25T00:45:12.000Z", "2026-10-25T00:45:12.345Z", "2026-03-29T00:59:59.999Z"]) {
      expect(new Date(formatInstantInZone(iso, "Europe/Paris")).toISOString()).toBe(iso);
    }
    expect(instantCell(null, "UTC")).toBeNull();
    expect(withTimeZone("Créée le", "Africa/Abidjan")).toBe("Créée le (Africa/Abidjan)");
  });
});

describe("the streamed file", () => {
  const header = ["Référence", "Client", "Montant", "Devise"];
  const rows: CsvCell[][] = [
    ["sal_1", "Aïcha Ouédraogo, née \"Koné\"", moneyCell(7920, "USD", "excel-fr"), "USD"],
    ["sal_2", "François Garçon; ligne\nsuivante", moneyCell(4900, "XOF", "excel-fr"), "XOF"],
    ["sal_3", "محمد الأمين", moneyCell(1, "EUR", "excel-fr"), "EUR"],
    ["sal_4", "Emoji 🎉👩🏾‍💻", null, null],
    ["sal_5", "=1+2", "'quoted'", "\t"],
  ];

  for (const preset of ["excel-fr", "standard"] as const) {
    it(`starts with a UTF-8 BOM and round-trips every field through csv-parse (${preset})`, async () => {
      const cells = preset === "excel-fr" ? rows : rows.map((r) => r.map((c) => (c instanceof TrustedCell ? new TrustedCell(c.text.replace(",", ".")) : c)));
      const bytes = await bytesOf(csvResponse("x.csv", header, cells, preset));
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const parsed = parseCsv(bytes.toString("utf8"), preset);
      expect(parsed[0]).toEqual(header);
      expect(parsed.slice(1)).toEqual([
        ["sal_1", 'Aïcha Ouédraogo, née "Koné"', preset === "excel-fr" ? "79,20" : "79.20", "USD"],
        ["sal_2", "François Garçon; ligne\nsuivante", "4900", "XOF"],
        ["sal_3", "محمد الأمين", preset === "excel-fr" ? "0,01" : "0.01", "EUR"],
        ["sal_4", "Emoji 🎉👩🏾‍💻", "", ""],
        ["sal_5", "'=1+2", "'quoted'", "'\t"],
      ]);
    });
  }

  it("streams many rows in order with no cap, and reports the row count when it ends", async () => {
    let ended: { rowCount: number; completed: boolean } | null = null;
    function* many() {
      for (let i = 0; i < 25_000; i++) yield [`r${i}`, i] as CsvCell[];
    }
    const res = csvResponse("big.csv", ["id", "n"], many(), "standard", { onEnd: (e) => void (ended = e) });
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain('filename="big.csv"');
    const parsed = parseCsv((await bytesOf(res)).toString("utf8"), "standard");
    expect(parsed).toHaveLength(25_001);
    expect(parsed[25_000]).toEqual(["r24999", "24999"]);
    expect(ended).toEqual({ rowCount: 25_000, completed: true });
  });

  it("reads the source only as fast as the client takes chunks (pull-based)", async () => {
    let produced = 0;
    function* endless() {
      for (;;) {
        produced++;
        yield ["x".repeat(100)] as CsvCell[];
      }
    }
    let ended: { rowCount: number; completed: boolean } | null = null;
    const res = csvResponse("x.csv", ["h"], endless(), "standard", { onEnd: (e) => void (ended = e) });
    const reader = res.body!.getReader();
    await reader.read(); // header
    await reader.read(); // first chunk of rows
    expect(produced).toBeLessThan(5_000); // an endless source is not drained ahead of the reader
    await reader.cancel();
    expect(ended).toMatchObject({ completed: false });
  });

  it("reports a failed source as not completed", async () => {
    async function* failing() {
      yield ["a"] as CsvCell[];
      throw new Error("db gone");
    }
    let ended: { rowCount: number; completed: boolean } | null = null;
    const res = csvResponse("x.csv", ["h"], failing(), "standard", { onEnd: (e) => void (ended = e) });
    await expect(res.arrayBuffer()).rejects.toThrow();
    expect(ended).toMatchObject({ rowCount: 1, completed: false });
  });
});
