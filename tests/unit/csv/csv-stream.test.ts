// CSV exports open in Excel as merchants expect (BOM, `;` for the French preset) and cannot smuggle a
// formula into a spreadsheet.
import { describe, expect, it } from "vitest";
import { csvResponse, neutraliseFormula } from "@/lib/csv/csv-stream";

describe("csv", () => {
  it("neutralises cells that a spreadsheet would evaluate", () => {
    for (const cell of ["=1+1", "+33 6", "-2", "@SUM(A1)", "\tx", "\rx"]) expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    expect(neutraliseFormula("Awa Diallo")).toBe("Awa Diallo");
  });

  it("streams UTF-8 with a BOM, the preset's delimiter, and quotes where needed", async () => {
    const rows = [["awa@example.com", "Awa; Diallo", "=cmd"], ["b@example.com", null, "Propriétaire"]];
    const fr = new Uint8Array(await csvResponse("x.csv", ["E-mail", "Nom", "Rôle"], rows, "excel-fr").arrayBuffer());
    expect([...fr.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(fr.subarray(3))).toBe(
      'E-mail;Nom;Rôle\r\nawa@example.com;"Awa; Diallo";\'=cmd\r\nb@example.com;;Propriétaire\r\n',
    );
    // Read the bytes: Response.text() would silently drop the BOM we want to see.
    const en = Buffer.from(await csvResponse("x.csv", ["Email"], [["a,b"]], "standard").arrayBuffer()).toString("utf8");
    expect(en).toBe('\uFEFFEmail\r\n"a,b"\r\n');
  });
});
