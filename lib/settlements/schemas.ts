// Settlement contracts: the timeline range and a payout group's drill-down (query strings).
import { z } from "zod";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD");

export const settlementRangeSchema = z
  .object({ from: day.optional(), to: day.optional() })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { message: "must not be after `to`", path: ["from"] });
export type SettlementRangeQuery = z.infer<typeof settlementRangeSchema>;

export const payoutGroupSchema = z.object({ currency: z.string().regex(/^[A-Z]{3}$/), day });
