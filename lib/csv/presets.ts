// The two CSV presets of DESIGN §3 and which one a user gets by default. No zod here: the shared table
// picks a member's default preset in the browser too; the `?preset=` schema is in ./schemas.ts.

export const CSV_PRESETS = ["excel-fr", "standard"] as const;
export type CsvPreset = (typeof CSV_PRESETS)[number];

export function delimiterOf(preset: CsvPreset): string {
  return preset === "excel-fr" ? ";" : ",";
}

/** French users get the Excel (French) preset: `;` and a decimal comma, what their Excel expects. */
export function defaultPresetFor(locale: string): CsvPreset {
  return locale === "fr" ? "excel-fr" : "standard";
}
