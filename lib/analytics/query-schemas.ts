// The analytics API's query strings: the shared date range plus a currency (revenue) and a CSV preset
// (exports). One zod schema per contract; the handlers and the pages parse with these.
import { z } from "zod";
import { csvPresetSchema } from "@/lib/csv/schemas";
import { checkRangeParams, rangeFields, rangeParamsSchema } from "./date-range";
import { BREAKDOWN_DIMENSIONS } from "./schemas";

const currency = z.string().regex(/^[A-Z]{3}$/, "expected a currency code like XOF").optional();

export const overviewQuerySchema = rangeParamsSchema;

export const revenueQuerySchema = rangeFields.extend({ currency }).superRefine(checkRangeParams);
export type RevenueQuery = z.output<typeof revenueQuerySchema>;

/** Every table of the Revenue page: the seven breakdowns and new vs returning customers. */
export const REVENUE_TABLES = [...BREAKDOWN_DIMENSIONS, "customers"] as const;
export type RevenueTable = (typeof REVENUE_TABLES)[number];
export const revenueTableParamsSchema = z.object({ table: z.enum(REVENUE_TABLES) });

/** `preset` omitted: the member's language decides (French → excel-fr), as for every export (docs/export.md). */
export const revenueExportQuerySchema = rangeFields
  .extend({ currency: z.string().regex(/^[A-Z]{3}$/, "expected a currency code like XOF"), preset: csvPresetSchema.optional() })
  .superRefine(checkRangeParams);
