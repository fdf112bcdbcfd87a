// The reverse of the recovery link: which failed or abandoned sales a payment recovered, for the paying
// sale's detail page. Candidates are the same customer's earlier leads for the product; each is kept only
// if the forward attribution (find-recoveries.ts) links it to this very payment — the earliest payment in
// the window wins — so the two directions can never disagree.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";
import type { AttributionSale } from "./attribution";
import { getRecoveryWindowDays } from "./attribution-window";
import { findRecoveries, PAID_STATUSES } from "./find-recoveries";

const LEAD_STATUSES = ["failed", "abandoned"] as const;
const DAY_MS = 86_400_000;
// A lead is timed by when it failed or was abandoned, which is within hours of its creation; a lead
// known only by e-mail is searched through the product index, bounded by creation with this margin.
const CREATION_MARGIN_DAYS = 7;

export interface RecoveredLead {
  saleId: string;
  status: string;
  /** When it failed or was abandoned (else created). */
  at: string;
  amount: number | null;
  currency: string | null;
}

type LeadRow = { id: string; status: string; customer_id: string | null; customer_email: string | null; product_id: string | null; created_at: string | null; failed_at: string | null; abandoned_at: string | null; amount: number | null; original_amount: number | null; currency: string | null };
const LEAD_COLUMNS = ["id", "status", "customer_id", "customer_email", "product_id", "created_at", "failed_at", "abandoned_at", "amount", "original_amount", "currency"] as const;

/** The leads `saleId` recovered, oldest first; empty when it is not a paid sale or recovered nothing. */
export async function leadsRecoveredBy(db: Kysely<Database>, saleId: string, opts: { windowDays?: number } = {}): Promise<RecoveredLead[]> {
  const payment = await db
    .selectFrom("sales")
    .select(["id", "customer_id", "customer_email", "product_id", "completed_at", "created_at"])
    .where("id", "=", saleId)
    .where("status", "in", PAID_STATUSES)
    .executeTakeFirst();
  const paidAt = payment?.completed_at ?? payment?.created_at ?? null;
  // A payment without a customer id cannot be attributed (find-recoveries.ts).
  if (!payment || !payment.customer_id || !payment.product_id || !paidAt) return [];
  const windowDays = opts.windowDays ?? (await getRecoveryWindowDays(db));

  const byId: LeadRow[] = await db
    .selectFrom("sales")
    .select(LEAD_COLUMNS)
    .where("customer_id", "=", payment.customer_id)
    .where("created_at", "<", paidAt)
    .where("status", "in", LEAD_STATUSES)
    .where("product_id", "=", payment.product_id)
    .execute();
  const email = payment.customer_email?.toLowerCase() ?? null;
  const byEmail: LeadRow[] = email
    ? (
        await db
          .selectFrom("sales")
          .select(LEAD_COLUMNS)
          .where("product_id", "=", payment.product_id)
          .where("created_at", "<", paidAt)
          .where("created_at", ">=", new Date(Date.parse(paidAt) - (windowDays + CREATION_MARGIN_DAYS) * DAY_MS).toISOString())
          .where("customer_id", "is", null)
          .where("status", "in", LEAD_STATUSES)
          .execute()
      ).filter((r) => r.customer_email?.toLowerCase() === email)
    : [];

  const leads = [...byId, ...byEmail].map((r) => ({ row: r, at: r.failed_at ?? r.abandoned_at ?? r.created_at ?? "" })).filter((l) => l.at !== "");
  const candidates: AttributionSale[] = leads.map(({ row, at }) => ({ id: row.id, customerId: row.customer_id, customerEmail: row.customer_email, productId: row.product_id, at }));
  const matches = await findRecoveries(db, candidates, windowDays);
  return leads
    .filter(({ row }) => matches.get(row.id)?.id === saleId)
    .map(({ row, at }) => ({ saleId: row.id, status: row.status, at, amount: row.amount ?? row.original_amount, currency: row.currency }))
    .sort((a, b) => a.at.localeCompare(b.at) || a.saleId.localeCompare(b.saleId));
}
