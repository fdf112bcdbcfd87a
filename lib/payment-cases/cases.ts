// Reading case files: one case with the sale facts copied at opening, the case a sale already has (not
// resolved), one page of the list by status, and the case's own audit trail (every change to it, newest
// first). Rows become plain objects with money as {minor, currency}.
import "server-only";
import type { Kysely, Selectable } from "kysely";
import { toAuditEntry, type AuditEntry } from "@/lib/audit";
import type { Database, PaymentCasesTable } from "@/lib/db/schema";
import type { Money } from "@/lib/money";
import type { CaseFilter, CaseStatus } from "./schemas";

export const STORE_ID = "store";

export type PaymentCase = {
  id: string;
  saleId: string;
  status: CaseStatus;
  /** The failed sale as the mirror held it when the case was opened. */
  sale: {
    amount: Money | null;
    productName: string | null;
    createdAt: string | null;
    failedAt: string | null;
    paymentMethod: string | null;
    gateway: string | null;
    transactionId: string | null;
    failureCode: string | null;
    customerEmail: string | null;
    customerName: string | null;
  };
  operatorReference: string | null;
  smsText: string | null;
  amountDebited: Money;
  /** "YYYY-MM-DD" in the store's time zone, and "HH:MM" when known. */
  debitedOn: string;
  debitedTime: string | null;
  note: string | null;
  openedBy: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  resolvedAt: string | null;
};

type Row = Selectable<PaymentCasesTable> & { opened_by_email: string | null };

function toCase(r: Row): PaymentCase {
  return {
    id: r.id,
    saleId: r.sale_id,
    status: r.status as CaseStatus,
    sale: {
      amount: r.sale_amount !== null && r.sale_currency ? { minor: Number(r.sale_amount), currency: r.sale_currency } : null,
      productName: r.product_name,
      createdAt: r.sale_created_at,
      failedAt: r.sale_failed_at,
      paymentMethod: r.payment_method,
      gateway: r.payment_gateway,
      transactionId: r.transaction_id,
      failureCode: r.failure_code,
      customerEmail: r.customer_email,
      customerName: r.customer_name,
    },
    operatorReference: r.operator_reference,
    smsText: r.sms_text,
    amountDebited: { minor: Number(r.amount_debited), currency: r.debited_currency },
    debitedOn: r.debited_on,
    debitedTime: r.debited_time,
    note: r.note,
    openedBy: r.opened_by_email,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    sentAt: r.sent_at,
    resolvedAt: r.resolved_at,
  };
}

function casesQuery(db: Kysely<Database>) {
  return db
    .selectFrom("payment_cases")
    .leftJoin("users", "users.id", "payment_cases.opened_by")
    .selectAll("payment_cases")
    .select("users.email as opened_by_email")
    .where("payment_cases.store_id", "=", STORE_ID);
}

export async function getCase(db: Kysely<Database>, id: string): Promise<PaymentCase | null> {
  const row = await casesQuery(db).where("payment_cases.id", "=", id).executeTakeFirst();
  return row ? toCase(row) : null;
}

/** The sale's case that is not resolved yet (at most one: migration 0031's unique index), or null. */
export async function unresolvedCaseOfSale(db: Kysely<Database>, saleId: string): Promise<PaymentCase | null> {
  const row = await casesQuery(db).where("payment_cases.sale_id", "=", saleId).where("payment_cases.status", "<>", "resolved").executeTakeFirst();
  return row ? toCase(row) : null;
}

/** Every case of the sale, newest first (the sale page links to them). */
export async function casesOfSale(db: Kysely<Database>, saleId: string): Promise<PaymentCase[]> {
  const rows = await casesQuery(db).where("payment_cases.sale_id", "=", saleId).orderBy("payment_cases.created_at", "desc").execute();
  return rows.map(toCase);
}

/** The cases of `filter`, last changed first (ask for one more than the page to know whether a next page exists). */
export async function listCases(db: Kysely<Database>, opts: { status: CaseFilter; limit: number; offset: number }): Promise<PaymentCase[]> {
  let query = casesQuery(db).orderBy("payment_cases.updated_at", "desc").orderBy("payment_cases.id", "desc").limit(opts.limit).offset(opts.offset);
  if (opts.status !== "all") query = query.where("payment_cases.status", "=", opts.status);
  return (await query.execute()).map(toCase);
}

/** How many cases each status holds (the filter's counts). */
export async function countCases(db: Kysely<Database>): Promise<Record<CaseStatus, number>> {
  const rows = await db.selectFrom("payment_cases").select(["status", (eb) => eb.fn.countAll<number>().as("n")]).where("store_id", "=", STORE_ID).groupBy("status").execute();
  const counts: Record<CaseStatus, number> = { open: 0, sent: 0, resolved: 0 };
  for (const r of rows) if (r.status in counts) counts[r.status as CaseStatus] = Number(r.n);
  return counts;
}

/** Every audit entry about the case (its target is the case id), newest first. */
export async function caseAuditTrail(db: Kysely<Database>, id: string): Promise<AuditEntry[]> {
  const rows = await db.selectFrom("audit_log").selectAll().where("target", "=", id).where("action", "like", "payment_case.%").orderBy("id", "desc").limit(200).execute();
  return rows.map(toAuditEntry);
}
