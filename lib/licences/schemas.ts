// Licences contracts (issue 9): the view's filters, the export's options, and the key mask, one zod
// schema each. No server-only import: the page's form and the client island share them.
import { z } from "zod";
import { csvPresetSchema } from "@/lib/csv/presets";
import { licenseStatusSchema } from "@/lib/chariow/enums";

export const LICENCE_STATUSES = licenseStatusSchema.options;
export type LicenceStatus = z.infer<typeof licenseStatusSchema>;

// A GET form sends empty fields as "": read them as "no filter".
const blank = (v: unknown) => (v === "" ? undefined : v);

export const licencesQuerySchema = z.object({
  status: z.preprocess(blank, licenseStatusSchema.optional()),
  product: z.preprocess(blank, z.string().max(100).optional()),
  expiringWithinDays: z.preprocess(blank, z.coerce.number().int().min(1).max(3650).optional()),
});
export type LicencesQuery = z.output<typeof licencesQuerySchema>;

export const licencesExportSchema = licencesQuerySchema.extend({
  /** "clear" needs licences:keys (owner/admin) and is an explicit choice; masked otherwise. */
  keys: z.enum(["masked", "clear"]).default("masked"),
  preset: csvPresetSchema.optional(),
});

/** How many rows the page shows; the CSV has them all. */
export const LICENCES_PAGE_LIMIT = 500;

/** First 4 characters then dots: enough to tell two licences apart on a call, not to use one. */
export function maskLicenceKey(key: string | null): string | null {
  if (key === null) return null;
  return `${key.slice(0, Math.min(4, Math.floor(key.length / 2)))}••••`;
}
