// Opening, editing and moving a "charged but sale failed" case. A case opens only from a sale the mirror
// holds as failed (what the customer describes: debited, yet Chariow says the payment failed), at most one
// not resolved per sale, and the sale's facts are copied into it then. Every change is one audit entry
// whose target is the case: the fields that changed (never their values — an SMS can hold the customer's
// number), or the status move. Nothing is sent to Chariow: the merchant sends the summary themselves.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { recordAudit, type Actor } from "@/lib/audit";
import type { Database } from "@/lib/db/schema";
import { AppError, NotFoundError, ValidationError, validationErrorFromZod } from "@/lib/errors";
import { today } from "@/lib/time";
import { STORE_ID, getCase, unresolvedCaseOfSale, type PaymentCase } from "./cases";
import { canMoveCase, caseFieldsSchema, debitedMinor, openCaseSchema, type CaseFields, type CaseFieldsInput, type CaseStatus, type OpenCaseInput } from "./schemas";

/** 409: the sale already has a case not resolved; `caseId` says which, so the page can link to it. */
export class CaseAlreadyOpenError extends AppError {
  constructor(readonly caseId: string) {
    super(`This sale already has a case that is not resolved: /payments/cases/${caseId}`, { code: "case_already_open", status: 409 });
  }
}

/** 422: a case opens only from a failed sale. */
export class SaleNotFailedError extends AppError {
  constructor(status: string) {
    super(`A case opens only from a failed sale; this sale is ${status}`, { code: "sale_not_failed", status: 422 });
  }
}

/** 409: the status cannot go there from where it is (schemas.ts CASE_MOVES). */
export class CaseMoveRefusedError extends AppError {
  constructor(from: CaseStatus, to: CaseStatus) {
    super(`A case cannot go from ${from} to ${to}`, { code: "case_move_refused", status: 409, field: "status" });
  }
}

type Options = { timeZone: string; now?: Date };

function parseFields<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } } }, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationErrorFromZod(parsed.error);
  return parsed.data;
}

/** The columns a member's fields write; the day debited cannot be after today in the store's zone. */
function fieldColumns(fields: CaseFields, opts: Options) {
  if (fields.debitedOn > today(opts.timeZone, opts.now)) throw new ValidationError("debitedOn: the day debited is after today", "debitedOn");
  return {
    operator_reference: fields.operatorReference,
    sms_text: fields.smsText,
    // Parsed above: the schema refused an amount debitedMinor cannot read.
    amount_debited: debitedMinor(fields.amountDebited, fields.currency)!,
    debited_currency: fields.currency,
    debited_on: fields.debitedOn,
    debited_time: fields.debitedTime,
    note: fields.note,
  };
}

const isUniqueViolation = (error: unknown) => /unique/i.test(String((error as { message?: unknown })?.message ?? "")) || (error as { code?: unknown })?.code === "23505";

export async function openCase(db: Kysely<Database>, actor: Actor, input: OpenCaseInput, opts: Options): Promise<PaymentCase> {
  // Parsed again here so a caller other than the route (a script, a test) cannot skip the checks.
  const { saleId, ...fields } = parseFields(openCaseSchema, input);
  const sale = await db.selectFrom("sales").selectAll().where("id", "=", saleId).executeTakeFirst();
  if (!sale) throw new NotFoundError(`No sale ${saleId} in the mirror`);
  if (sale.status !== "failed") throw new SaleNotFailedError(sale.status);
  const existing = await unresolvedCaseOfSale(db, saleId);
  if (existing) throw new CaseAlreadyOpenError(existing.id);
  const at = (opts.now ?? new Date()).toISOString();
  const id = `case_${randomBytes(6).toString("hex")}`;
  const columns = fieldColumns(fields, opts);
  try {
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto("payment_cases")
        .values({
          id,
          store_id: STORE_ID,
          sale_id: saleId,
          sale_amount: sale.amount,
          sale_currency: sale.currency,
          product_name: sale.product_name,
          sale_created_at: sale.created_at,
          sale_failed_at: sale.failed_at,
          payment_method: sale.payment_method_id ?? sale.payment_method_name,
          payment_gateway: sale.payment_gateway,
          transaction_id: sale.payment_transaction_id,
          failure_code: sale.failure_code,
          customer_email: sale.customer_email,
          customer_name: sale.customer_name,
          ...columns,
          status: "open",
          opened_by: actor.id,
          created_at: at,
          updated_at: at,
          sent_at: null,
          resolved_at: null,
        })
        .execute();
      await recordAudit(tx, { actor, action: "payment_case.opened", target: id, details: { saleId, amountDebited: columns.amount_debited, currency: columns.debited_currency } });
    });
  } catch (error) {
    // Two members opened a case for the same sale at once: the unique index let one through.
    const winner = isUniqueViolation(error) ? await unresolvedCaseOfSale(db, saleId) : null;
    if (winner) throw new CaseAlreadyOpenError(winner.id);
    throw error;
  }
  return (await getCase(db, id))!;
}

const FIELD_COLUMNS = {
  operatorReference: "operator_reference",
  smsText: "sms_text",
  amountDebited: "amount_debited",
  currency: "debited_currency",
  debitedOn: "debited_on",
  debitedTime: "debited_time",
  note: "note",
} as const;

/** Replaces the member's fields of the case (the edit form sends them all); audits which ones changed. */
export async function updateCaseFields(db: Kysely<Database>, actor: Actor, id: string, input: CaseFieldsInput, opts: Options): Promise<PaymentCase> {
  const fields = parseFields(caseFieldsSchema, input);
  const current = await db.selectFrom("payment_cases").selectAll().where("id", "=", id).where("store_id", "=", STORE_ID).executeTakeFirst();
  if (!current) throw new NotFoundError(`No case ${id}`);
  const columns = fieldColumns(fields, opts);
  const changed = (Object.keys(FIELD_COLUMNS) as (keyof typeof FIELD_COLUMNS)[]).filter((f) => {
    const column = FIELD_COLUMNS[f];
    return String(current[column] ?? "") !== String(columns[column] ?? "");
  });
  if (changed.length === 0) return (await getCase(db, id))!;
  const at = (opts.now ?? new Date()).toISOString();
  await db.transaction().execute(async (tx) => {
    await tx.updateTable("payment_cases").set({ ...columns, updated_at: at }).where("id", "=", id).execute();
    await recordAudit(tx, { actor, action: "payment_case.updated", target: id, details: { saleId: current.sale_id, fields: changed } });
  });
  return (await getCase(db, id))!;
}

/**
 * Moves the case to `to` (schemas.ts CASE_MOVES): "sent" stamps when it went to Chariow, "resolved" when
 * it ended; reopening clears the resolution. A resolved case cannot reopen while the sale has another case
 * not resolved (409 with that case).
 */
export async function moveCase(db: Kysely<Database>, actor: Actor, id: string, to: CaseStatus, opts: { now?: Date } = {}): Promise<PaymentCase> {
  const current = await getCase(db, id);
  if (!current) throw new NotFoundError(`No case ${id}`);
  if (current.status === to) return current;
  if (!canMoveCase(current.status, to)) throw new CaseMoveRefusedError(current.status, to);
  if (to === "open" && current.status === "resolved") {
    const other = await unresolvedCaseOfSale(db, current.saleId);
    if (other) throw new CaseAlreadyOpenError(other.id);
  }
  const at = (opts.now ?? new Date()).toISOString();
  const stamps = to === "sent" ? { sent_at: at } : to === "resolved" ? { resolved_at: at } : { resolved_at: null };
  try {
    await db.transaction().execute(async (tx) => {
      // Only from the status read above: a member who moved it meanwhile wins, this move is refused.
      const moved = await tx.updateTable("payment_cases").set({ status: to, updated_at: at, ...stamps }).where("id", "=", id).where("status", "=", current.status).executeTakeFirst();
      if (Number(moved.numUpdatedRows) === 0) throw new CaseMoveRefusedError(current.status, to);
      await recordAudit(tx, { actor, action: "payment_case.status_changed", target: id, details: { saleId: current.saleId, from: current.status, to } });
    });
  } catch (error) {
    const other = isUniqueViolation(error) ? await unresolvedCaseOfSale(db, current.saleId) : null;
    if (other) throw new CaseAlreadyOpenError(other.id);
    throw error;
  }
  return (await getCase(db, id))!;
}
