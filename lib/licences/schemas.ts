// Licences contracts (issue 9): the view's filters, the export's options, and the key mask, one zod
// schema each. No server-only import: the page's form and the client island share them.
import { z } from "zod";
import { csvPresetSchema } from "@/lib/csv/schemas";
import { licenseStatusSchema } from "@/lib/chariow/enums";
import { pageNumber, pageSize, sortDirection } from "@/lib/http/query-fragments";

export const LICENCE_STATUSES = licenseStatusSchema.options;
export type LicenceStatus = z.infer<typeof licenseStatusSchema>;

// A GET form sends empty fields as "": read them as "no filter".
const blank = (v: unknown) => (v === "" ? undefined : v);

export const licencesQuerySchema = z.object({
  status: z.preprocess(blank, licenseStatusSchema.optional()),
  product: z.preprocess(blank, z.string().max(100).optional()),
  expiringWithinDays: z.preprocess(blank, z.coerce.number().int().min(1).max(3650).optional()),
  /** Customer name or e-mail, or sale reference, containing this (what a caller gives support). */
  q: z.preprocess(blank, z.string().trim().max(200).optional()),
});
export type LicencesQuery = z.output<typeof licencesQuerySchema>;

/** Columns the list can be sorted by, in SQL (lib/licences/list-licences.ts); also the table's column ids. */
export const LICENCE_SORT_COLUMNS = ["expires_at", "status", "product", "customer", "activations"] as const;
export type LicenceSortColumn = (typeof LICENCE_SORT_COLUMNS)[number];
export const LICENCE_PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_LICENCE_PAGE_SIZE = 25;

/** One page of the list: the filters plus sort and page (the page and GET /api/licences). Soonest expiry first by default. */
export const licencesListSchema = licencesQuerySchema.extend({
  sort: z.enum(LICENCE_SORT_COLUMNS).default("expires_at"),
  dir: sortDirection.default("asc"),
  page: pageNumber,
  size: pageSize(LICENCE_PAGE_SIZES, DEFAULT_LICENCE_PAGE_SIZE),
});
export type LicencesList = z.output<typeof licencesListSchema>;

export const licencesExportSchema = licencesQuerySchema.extend({
  /** "clear" needs licences:keys (owner/admin) and is an explicit choice; masked otherwise. */
  keys: z.enum(["masked", "clear"]).default("masked"),
  preset: csvPresetSchema.optional(),
});

/** First 4 characters then dots: enough to tell two licences apart on a call, not to use one. */
export function maskLicenceKey(key: string | null): string | null {
  if (key === null) return null;
  return `${key.slice(0, Math.min(4, Math.floor(key.length / 2)))}••••`;
}
