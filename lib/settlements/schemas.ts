// Settlement contracts: the timeline range and a payout group's drill-down (query strings). Days are the
// shared fragments (lib/http/query-fragments): a day that exists, and `from` not after `to`.
import { z } from "zod";
import { calendarDay, checkDayRange, dayRangeFields } from "@/lib/http/query-fragments";

export const settlementRangeSchema = z.object(dayRangeFields).superRefine(checkDayRange);
export type SettlementRangeQuery = z.infer<typeof settlementRangeSchema>;

export const payoutGroupSchema = z.object({ currency: z.string().regex(/^[A-Z]{3}$/, "expected a currency code like XOF"), day: calendarDay });
