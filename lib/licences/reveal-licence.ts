// Revealing one licence key (fulfilment:write, every role: customer service reads a key to a buyer on
// the phone). Audited before the key is returned, so no key leaves without its trace.
import "server-only";
import type { Kysely } from "kysely";
import { recordAudit, type Actor } from "@/lib/audit";
import type { Database } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { UNKNOWN_SALE } from "@/lib/mirror";

export async function revealLicenceKey(db: Kysely<Database>, actor: Actor, licenceId: string): Promise<{ licenceId: string; key: string }> {
  const row = await db.selectFrom("sale_licences").select(["sale_id", "licence_key"]).where("licence_id", "=", licenceId).executeTakeFirst();
  if (!row || row.licence_key === null) throw new NotFoundError("Unknown licence or key not known yet");
  await recordAudit(db, { actor, action: "licence.reveal", target: licenceId, details: { saleId: row.sale_id === UNKNOWN_SALE ? null : row.sale_id } });
  return { licenceId, key: row.licence_key };
}
