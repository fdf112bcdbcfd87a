// Tapping a lead's WhatsApp or e-mail button in the Recovery inbox marks it contacted: an open lead becomes
// `contacted` (first contact time, by whom), audited once with the channel. Never a downgrade — a lead
// already contacted, won or lost keeps its state — and a second tap changes and audits nothing, even two
// taps at once: the change is one conditional write, and only the write that changed the row audits.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit";
import { NotFoundError } from "@/lib/errors";
import type { LeadContactChannel, LeadState } from "./lead-states";

const LEAD_STATUSES = ["failed", "abandoned"] as const;

export type LeadContactedResult = { state: LeadState; changed: boolean };

export async function markLeadContacted(db: Kysely<Database>, actor: Actor, saleId: string, channel: LeadContactChannel, now: Date = new Date()): Promise<LeadContactedResult> {
  const sale = await db.selectFrom("sales").select("id").where("id", "=", saleId).where("status", "in", LEAD_STATUSES).executeTakeFirst();
  if (!sale) throw new NotFoundError("Not a failed or abandoned sale");
  const at = now.toISOString();
  return db.transaction().execute(async (tx) => {
    // No row yet: the lead is open. ON CONFLICT DO NOTHING: of two concurrent taps only one inserts.
    const inserted = await tx
      .insertInto("recovery_leads")
      .values({ sale_id: saleId, state: "contacted", note: null, assigned_to: null, contacted_at: at, updated_at: at, updated_by: actor.id })
      .onConflict((oc) => oc.column("sale_id").doNothing())
      .executeTakeFirst();
    let changed = Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
    if (!changed) {
      // A row exists: only an open lead moves, in the same statement that checks it is open.
      const updated = await tx
        .updateTable("recovery_leads")
        .set((eb) => ({ state: "contacted", contacted_at: eb.fn.coalesce("contacted_at", eb.val(at)), updated_at: at, updated_by: actor.id }))
        .where("sale_id", "=", saleId)
        .where("state", "=", "open")
        .executeTakeFirst();
      changed = Number(updated.numUpdatedRows) > 0;
    }
    if (changed) await recordAudit(tx, { actor, action: "recovery.lead_contacted", target: saleId, details: { channel, previousState: "open", state: "contacted" } });
    const row = await tx.selectFrom("recovery_leads").select("state").where("sale_id", "=", saleId).executeTakeFirstOrThrow();
    return { state: row.state as LeadState, changed };
  });
}

/** The first time the lead was marked contacted from a contact button: when, how and by whom (audit log). */
export async function leadFirstContact(db: Kysely<Database>, saleId: string): Promise<{ at: string; channel: LeadContactChannel | null; actorEmail: string | null } | null> {
  const row = await db
    .selectFrom("audit_log")
    .select(["at", "actor_email", "details"])
    .where("target", "=", saleId)
    .where("action", "=", "recovery.lead_contacted")
    .orderBy("id")
    .executeTakeFirst();
  if (!row) return null;
  let channel: LeadContactChannel | null = null;
  try {
    const c = (JSON.parse(row.details ?? "{}") as { channel?: unknown }).channel;
    channel = c === "whatsapp" || c === "email" ? c : null;
  } catch {
    channel = null;
  }
  return { at: row.at, channel, actorEmail: row.actor_email };
}
