// List parameters, validated before a request is spent (chariow-api.md §3, §5, §7). Names follow the
// API's own query parameters so they read like Chariow's docs.
import "server-only";
import { z } from "zod";
import { licenseStatusSchema, saleStatusSchema } from "./enums";

const ymd = z.iso.date(); // Y-m-d, day granularity, treated as UTC (§1)

const pageParams = z.object({
  per_page: z.number().int().min(1).max(100).optional(),
  cursor: z.string().min(1).optional(),
});

function orderedDates<T extends { start_date?: string; end_date?: string }>(p: T, ctx: z.RefinementCtx) {
  if (p.start_date && p.end_date && p.start_date > p.end_date) {
    ctx.addIssue({ code: "custom", path: ["end_date"], message: "end_date is before start_date" });
  }
}

export const salesListParamsSchema = pageParams
  .extend({
    status: saleStatusSchema.optional(),
    customer_id: z.string().min(1).optional(),
    search: z.string().min(1).optional(),
    start_date: ymd.optional(),
    end_date: ymd.optional(),
  })
  .strict()
  .superRefine(orderedDates);
export type SalesListParams = z.input<typeof salesListParamsSchema>;

export const customersListParamsSchema = pageParams
  .extend({ search: z.string().min(1).optional(), start_date: ymd.optional(), end_date: ymd.optional() })
  .strict()
  .superRefine(orderedDates);
export type CustomersListParams = z.input<typeof customersListParamsSchema>;

export const productsListParamsSchema = pageParams.extend({ search: z.string().min(1).optional() }).strict();
export type ProductsListParams = z.input<typeof productsListParamsSchema>;

export const discountsListParamsSchema = pageParams.strict();
export type DiscountsListParams = z.input<typeof discountsListParamsSchema>;

export const licensesListParamsSchema = pageParams.extend({ status: licenseStatusSchema.optional() }).strict();
export type LicensesListParams = z.input<typeof licensesListParamsSchema>;

/**
 * 1 to 25 emails per call (§6): the count is checked here so no request is spent on it; the format of
 * each address is left to Chariow, whose 422 names the bad ones.
 */
export const invitationEmailsSchema = z.array(z.string().trim().min(1)).min(1).max(25);
