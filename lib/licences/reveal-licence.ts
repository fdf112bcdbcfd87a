// Revealing one licence key (fulfilment:write, every role: customer service reads a key to a buyer on
// the phone). Audited before the key is returned, so no key leaves without its trace, and throttled per
// member (reveal-throttle.ts): one by one is for helping a caller; keys in bulk need licences:keys and
// the CSV export.
import "server-only";
import type { Kysely } from "kysely";
import { recordAudit, type Actor } from "@/lib/audit";
import type { Database } from "@/lib/db";
import { NotFoundError, ThrottledError } from "@/lib/errors";
import { UNKNOWN_SALE } from "@/lib/mirror";
import { REVEAL_AUDIT_ACTION, lockMemberReveals, revealWaitSeconds } from "./reveal-throttle";

export async function revealLicenceKey(db: Kysely<Database>, actor: Actor, licenceId: string): Promise<{ licenceId: string; key: string }> {
  const row = await db.selectFrom("sale_licences").select(["sale_id", "licence_key"]).where("licence_id", "=", licenceId).executeTakeFirst();
  if (!row || row.licence_key === null) throw new NotFoundError("Unknown licence or key not known yet");
  const key = row.licence_key;
  return db.transaction().execute(async (trx) => {
    await lockMemberReveals(trx, actor.id);
    const wait = await revealWaitSeconds(trx, actor.id);
    if (wait > 0) throw new ThrottledError(wait, `Too many licence keys revealed: try again in ${wait} s`);
    await recordAudit(trx, { actor, action: REVEAL_AUDIT_ACTION, target: licenceId, details: { saleId: row.sale_id === UNKNOWN_SALE ? null : row.sale_id } });
    return { licenceId, key };
  });
}
