// The "never lock the store out" rule: the last active owner can be neither demoted nor removed.
import "server-only";
import { engineOfDb, forUpdate } from "@/lib/db/engine-sql";
import { ConflictError } from "@/lib/errors";
import type { Db } from "./members";

/** Call inside the transaction that demotes or removes an owner: locks the owner rows (PG) first. */
export async function assertNotLastOwner(trx: Db, userId: string): Promise<void> {
  const owners = await forUpdate(
    trx.selectFrom("users").select("id").where("role", "=", "owner").where("disabled_at", "is", null),
    engineOfDb(trx),
  ).execute();
  if (owners.length <= 1 && owners.some((o) => o.id === userId)) {
    throw new ConflictError("The store must keep at least one owner: make someone else owner first");
  }
}
