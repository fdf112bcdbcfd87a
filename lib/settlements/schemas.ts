// Settlement contracts: the timeline range, a payout group's drill-down, the calendar's month and week and
// the statement's month and currency (query strings). Days are the shared fragments (lib/http/query-fragments): a day that exists, and `from`
// not after `to`.
import { z } from "zod";
import { FIRST_YEAR, LAST_YEAR } from "@/lib/http/calendar-day";
import { calendarDay, checkDayRange, dayRangeFields, optionalCalendarDay } from "@/lib/http/query-fragments";

export const settlementRangeSchema = z.object(dayRangeFields).superRefine(checkDayRange);
export type SettlementRangeQuery = z.infer<typeof settlementRangeSchema>;

export const payoutGroupSchema = z.object({ currency: z.string().regex(/^[A-Z]{3}$/, "expected a currency code like XOF"), day: calendarDay });

const MONTH_MESSAGE = `expected a month like 2026-11, between ${FIRST_YEAR}-01 and ${LAST_YEAR}-12`;
const optionalText = (schema: z.ZodType<string, string>) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? undefined : v))
    .pipe(schema.optional());

const monthText = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, MONTH_MESSAGE)
  .refine((m) => Number(m.slice(0, 4)) >= FIRST_YEAR && Number(m.slice(0, 4)) <= LAST_YEAR, { message: MONTH_MESSAGE });

/**
 * The payout calendar's page (issue 16): `month` (the desktop grid, YYYY-MM) and `week` (the phone's week
 * strip: any day of it, YYYY-MM-DD). Both optional: this month and this week in the store's zone.
 */
export const payoutCalendarSchema = z.object({ month: optionalText(monthText), week: optionalCalendarDay });
export type PayoutCalendarQuery = z.infer<typeof payoutCalendarSchema>;

/**
 * The Payouts page's statement chooser (issue 16): `statement_month` (default last month) and
 * `statement_currency` (default the store's most used currency), for the download link.
 */
export const statementChoiceSchema = z.object({
  statement_month: optionalText(monthText),
  statement_currency: optionalText(z.string().regex(/^[A-Z]{3}$/, "expected a currency code like XOF")),
});
