// The reverse of the recovery link: which failed or abandoned sales a payment recovered, for the paying
// sale's detail page. Candidates are the lead the payment's own checkout named (an exact recovery link:
// custom_metadata.lead_id) and the same customer's earlier leads for the product; each is kept only if the
// forward attribution (find-recoveries.ts) links it to this very payment — by link, else the earliest
// payment in the window — so the two directions can never disagree.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";
import type { AttributionSale, RecoveryRule } from "./attribution";
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
  /** The rule that links it to the payment: its exact recovery link, or the time window. */
  by: RecoveryRule;
}

type LeadRow = { id: string; status: string; customer_id: string | null; customer_email: string | null; product_id: string | null; created_at: string | null; failed_at: string | null; abandoned_at: string | null; amount: number | null; original_amount: number | null; currency: string | null };
const LEAD_COLUMNS = ["id", "status", "customer_id", "customer_email", "product_id", "created_at", "failed_at", "abandoned_at", "amount", "original_amount", "currency"] as const;

/** The leads `saleId` recovered, oldest first; empty when it is not a paid sale or recovered nothing. */
export async function leadsRecoveredBy(db: Kysely<Database>, saleId: string, opts: { windowDays?: number } = {}): Promise<RecoveredLead[]> {
  const payment = await db
    .selectFrom("sales")
    .select(["id", "customer_id", "customer_email", "product_id", "completed_at", "created_at", "recovery_lead_id"])
    .where("id", "=", saleId)
    .where("status", "in", PAID_STATUSES)
    .executeTakeFirst();
  const paidAt = payment?.completed_at ?? payment?.created_at ?? null;
  if (!payment || !paidAt) return [];
  const windowDays = opts.windowDays ?? (await getRecoveryWindowDays(db));
  // By window, a payment without a customer id cannot be attributed (find-recoveries.ts); by link it can.
  const byWindow = !!payment.customer_id && !!payment.product_id;

  const byId: LeadRow[] = byWindow
    ? await db
        .selectFrom("sales")
        .select(LEAD_COLUMNS)
        .where("customer_id", "=", payment.customer_id)
        .where("created_at", "<", paidAt)
        .where("status", "in", LEAD_STATUSES)
        .where("product_id", "=", payment.product_id)
        .execute()
    : [];
  const email = payment.customer_email?.toLowerCase() ?? null;
  const byEmail: LeadRow[] = byWindow && email
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

  const named: LeadRow[] = payment.recovery_lead_id
    ? await db.selectFrom("sales").select(LEAD_COLUMNS).where("id", "=", payment.recovery_lead_id).where("status", "in", LEAD_STATUSES).execute()
    : [];
  const unique = new Map([...named, ...byId, ...byEmail].map((r) => [r.id, r]));
  const leads = [...unique.values()].map((r) => ({ row: r, at: r.failed_at ?? r.abandoned_at ?? r.created_at ?? "" })).filter((l) => l.at !== "");
  const candidates: AttributionSale[] = leads.map(({ row, at }) => ({ id: row.id, customerId: row.customer_id, customerEmail: row.customer_email, productId: row.product_id, at }));
  const matches = await findRecoveries(db, candidates, windowDays);
  return leads
    .filter(({ row }) => matches.get(row.id)?.id === saleId)
    .map(({ row, at }) => ({ saleId: row.id, status: row.status, at, amount: row.amount ?? row.original_amount, currency: row.currency, by: matches.get(row.id)!.by }))
    .sort((a, b) => a.at.localeCompare(b.at) || a.saleId.localeCompare(b.saleId));
}
