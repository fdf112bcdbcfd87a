// Orders-to-ship contracts (issue 9): the fulfilment states, the worklist filter and the action on one
// or many orders — one zod schema each, types inferred.
import { z } from "zod";
import { optionalText } from "@/lib/http/schemas";

/** "to_ship" is the absence of a decision; the two others are stored in `fulfilments`. */
export const FULFILMENT_STATES = ["to_ship", "shipped", "not_shippable"] as const;
export const fulfilmentStateSchema = z.enum(FULFILMENT_STATES);
export type FulfilmentState = z.infer<typeof fulfilmentStateSchema>;

export const ORDER_FILTERS = [...FULFILMENT_STATES, "all"] as const;
export const orderFilterSchema = z.enum(ORDER_FILTERS);
export type OrderFilter = z.infer<typeof orderFilterSchema>;

export const ordersQuerySchema = z.object({ state: orderFilterSchema.default("to_ship") });

/** What the worklist can be sorted by (the table's `sort` key): payment time, oldest first by default. */
export const ORDER_SORT_COLUMNS = ["paid_at"] as const;
export type OrderSortColumn = (typeof ORDER_SORT_COLUMNS)[number];
export const ORDER_PAGE_SIZES = [25, 50, 100] as const;

const saleIds = z.array(z.string().min(1).max(100)).min(1).max(500);

/** Mark shipped (carrier and tracking reference optional), not shippable (a reason is required), or back to ship. */
export const fulfilmentActionSchema = z.discriminatedUnion("state", [
  z.object({ state: z.literal("shipped"), saleIds, carrier: optionalText(100), trackingReference: optionalText(200) }),
  z.object({ state: z.literal("not_shippable"), saleIds, reason: z.string().trim().min(1, "A reason is required").max(1000) }),
  z.object({ state: z.literal("to_ship"), saleIds }),
]);
/** What a caller sends (carrier and reference may be absent, null or blank: all mean "none"). */
export type FulfilmentAction = z.input<typeof fulfilmentActionSchema>;

/** The courier CSV: the selected sale ids, or (without ids) every order of the filter. */
export const ordersExportQuerySchema = z.object({
  state: orderFilterSchema.default("to_ship"),
  ids: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(",").filter(Boolean) : undefined))
    .pipe(z.array(z.string().min(1).max(100)).max(500).optional()),
});
