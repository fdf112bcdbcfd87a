// Download tracking (issue 9): the page's and API's query contract, one zod schema per input, and the
// statuses that count as paid (chariow-api.md §5: `settled` is paid, like `completed`).
import { z } from "zod";
import { csvPresetSchema } from "@/lib/csv/schemas";

export const PAID_SALE_STATUSES = ["completed", "settled"] as const;

/** Days after payment before a buyer who never downloaded is listed ("not accessed yet"). */
export const DEFAULT_NOT_ACCESSED_DAYS = 3;

// A GET form sends a field left empty as "": no value (the default), not the number 0.
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const notAccessedDaysField = z.preprocess(blank, z.coerce.number().int().min(1).max(90).default(DEFAULT_NOT_ACCESSED_DAYS));
/** A fixed download count above which a sale is unusual; absent = the 99th-percentile rule. */
export const unusualThresholdField = z.preprocess(blank, z.coerce.number().int().min(1).max(100_000).optional());

export const downloadsQuerySchema = z.object({
  days: notAccessedDaysField,
  threshold: unusualThresholdField,
});
export type DownloadsQuery = z.infer<typeof downloadsQuerySchema>;

export const DOWNLOAD_LISTS = ["sales", "not-accessed", "unusual", "engagement"] as const;
export type DownloadList = (typeof DOWNLOAD_LISTS)[number];

export const downloadsExportSchema = downloadsQuerySchema.extend({
  list: z.enum(DOWNLOAD_LISTS),
  preset: csvPresetSchema.optional(),
});

export const contactChannelSchema = z.enum(["whatsapp", "email"]);
export type ContactChannel = z.infer<typeof contactChannelSchema>;
