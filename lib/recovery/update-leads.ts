// Working a lead: mark contacted / won / lost, add a note, assign to a teammate — one audited entry per
// lead, so the Team page's log shows who did what on which sale.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { findMemberById } from "@/lib/team";
import type { LeadAction, RecoveryContactChannel } from "./schemas";

const LEAD_STATUSES = ["failed", "abandoned"] as const;

export async function updateLeads(db: Kysely<Database>, actor: Actor, action: LeadAction, now: Date = new Date()): Promise<{ updated: number }> {
  const saleIds = [...new Set(action.saleIds)];
  const found = await db.selectFrom("sales").select("id").where("id", "in", saleIds).where("status", "in", LEAD_STATUSES).execute();
  if (found.length !== saleIds.length) {
    const known = new Set(found.map((r) => r.id));
    throw new NotFoundError(`Not a failed or abandoned sale: ${saleIds.find((id) => !known.has(id))}`);
  }
  let assigneeEmail: string | null = null;
  if (action.assignedTo) {
    const member = await findMemberById(db, action.assignedTo);
    if (!member) throw new ValidationError("is not a member of the team", "assignedTo");
    assigneeEmail = member.email;
  }
  const at = now.toISOString();
  await db.transaction().execute(async (tx) => {
    for (const saleId of saleIds) {
      const prev = await tx.selectFrom("recovery_leads").selectAll().where("sale_id", "=", saleId).executeTakeFirst();
      const next = {
        sale_id: saleId,
        state: action.state ?? prev?.state ?? "open",
        note: action.note !== undefined ? action.note || null : (prev?.note ?? null),
        assigned_to: action.assignedTo !== undefined ? action.assignedTo : (prev?.assigned_to ?? null),
        contacted_at: action.state === "contacted" && !prev?.contacted_at ? at : (prev?.contacted_at ?? null),
        updated_at: at,
        updated_by: actor.id,
      };
      if (prev) await tx.updateTable("recovery_leads").set(next).where("sale_id", "=", saleId).execute();
      else await tx.insertInto("recovery_leads").values(next).execute();
      await recordAudit(tx, {
        actor,
        action: "recovery.lead_updated",
        target: saleId,
        details: {
          ...(action.state !== undefined ? { state: action.state, previousState: prev?.state ?? "open" } : {}),
          ...(action.note !== undefined ? { note: action.note } : {}),
          ...(action.assignedTo !== undefined ? { assignedTo: action.assignedTo, assignedToEmail: assigneeEmail } : {}),
        },
      });
    }
  });
  return { updated: saleIds.length };
}

/** Audits a contact attempt (copied link, opened WhatsApp or e-mail): no state change by itself. */
export async function recordLeadContact(db: Kysely<Database>, actor: Actor, saleId: string, channel: RecoveryContactChannel): Promise<void> {
  const sale = await db.selectFrom("sales").select("id").where("id", "=", saleId).where("status", "in", LEAD_STATUSES).executeTakeFirst();
  if (!sale) throw new NotFoundError("Not a failed or abandoned sale");
  await recordAudit(db, { actor, action: `recovery.contact_${channel}`, target: saleId });
}
