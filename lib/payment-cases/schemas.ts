// "Charged but sale failed" case contracts (issue 20, docs/payments.md "Case files"): the statuses and the
// moves between them, what a member types when opening or editing a case, and the list's filter — one zod
// schema each, types inferred. No `server-only`: the pages and the routes read the same lists.
import { z } from "zod";
import { optionalText } from "@/lib/http/schemas";
import { toMinor } from "@/lib/money";
import { calendarDay } from "@/lib/http/query-fragments";

/** open → sent to Chariow → resolved. */
export const CASE_STATUSES = ["open", "sent", "resolved"] as const;
export const caseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

/**
 * Where a case may go from each status. Back from "sent" to "open": Chariow's support asked for more and
 * the merchant must gather it before sending again. "resolved" reopens (the customer writes again), and an
 * open case may be resolved without being sent (the operator reversed the debit by itself). Every move is
 * audited with where it came from.
 */
export const CASE_MOVES: Record<CaseStatus, readonly CaseStatus[]> = {
  open: ["sent", "resolved"],
  sent: ["resolved", "open"],
  resolved: ["open"],
};

export function canMoveCase(from: CaseStatus, to: CaseStatus): boolean {
  return CASE_MOVES[from].includes(to);
}


/** "5 000", "5000", "49,99" or "49.99": the amount as the customer's SMS shows it, in major units. */
export function normaliseAmount(text: string): string {
  return text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
}

/** The debited amount in minor units, or null when it is not a positive amount in the currency's decimals. */
export function debitedMinor(amount: string, currency: string): number | null {
  try {
    const minor = toMinor(normaliseAmount(amount), currency);
    return minor > 0 ? minor : null;
  } catch {
    return null;
  }
}

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * What the customer's operator says, as a member types it: the operator's transaction reference and/or
 * the SMS text (one of the two at least: it is what Chariow's support matches the debit with), the amount
 * and currency debited, the day (and clock time when the SMS gives it) in the store's time zone, a note.
 */
const caseFieldsShape = {
  operatorReference: optionalText(120),
  smsText: optionalText(2000),
  amountDebited: z.string().trim().min(1, "The amount debited is required").max(30),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, "expected a three-letter currency code")
    .transform((c) => c.toUpperCase()),
  debitedOn: calendarDay,
  debitedTime: z
    .string()
    .trim()
    .nullish()
    .transform((s) => (s ? s : null))
    .refine((s) => s === null || CLOCK_TIME.test(s), "expected a time as HH:MM"),
  note: optionalText(2000),
};

type CheckedFields = { operatorReference: string | null; smsText: string | null; amountDebited: string; currency: string };
function checkFields(v: CheckedFields, ctx: z.RefinementCtx): void {
  if (!v.operatorReference && !v.smsText) ctx.addIssue({ code: "custom", path: ["operatorReference"], message: "Give the operator's reference or the SMS text" });
  if (debitedMinor(v.amountDebited, v.currency) === null) ctx.addIssue({ code: "custom", path: ["amountDebited"], message: "expected a positive amount in the currency's decimals" });
}

export const caseFieldsSchema = z.object(caseFieldsShape).superRefine(checkFields);
export type CaseFields = z.output<typeof caseFieldsSchema>;
export type CaseFieldsInput = z.input<typeof caseFieldsSchema>;

export const openCaseSchema = z.object({ saleId: z.string().trim().min(1).max(100), ...caseFieldsShape }).superRefine(checkFields);
export type OpenCaseInput = z.input<typeof openCaseSchema>;

export const moveCaseSchema = z.object({ status: caseStatusSchema });

/** The list's filter: a status, or every case. */
export const CASE_FILTERS = [...CASE_STATUSES, "all"] as const;
export const caseFilterSchema = z.enum(CASE_FILTERS);
export type CaseFilter = z.infer<typeof caseFilterSchema>;

export const listCasesQuerySchema = z.object({
  status: caseFilterSchema.default("all"),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export const exportCasesQuerySchema = z.object({ status: caseFilterSchema.default("all") });
