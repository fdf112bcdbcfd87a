// The two CSV presets of DESIGN §3 and which one a user gets by default.
import { z } from "zod";

export const csvPresetSchema = z.enum(["excel-fr", "standard"]);
export type CsvPreset = z.infer<typeof csvPresetSchema>;

export function delimiterOf(preset: CsvPreset): string {
  return preset === "excel-fr" ? ";" : ",";
}

/** French users get the Excel (French) preset: `;` and a decimal comma, what their Excel expects. */
export function defaultPresetFor(locale: string): CsvPreset {
  return locale === "fr" ? "excel-fr" : "standard";
}
