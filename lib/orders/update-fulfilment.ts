// Marking orders shipped / not shippable / back to ship, one or many at once: the state is ours (never
// sent to Chariow) and every order changed gets its own audit entry, so the Team page's log shows who
// shipped which sale with which carrier, or why it could not be shipped.
import "server-only";
import type { Kysely } from "kysely";
import { recordAudit, type Actor } from "@/lib/audit";
import type { Database } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { listOrders } from "./list-orders";
import { fulfilmentActionSchema, type FulfilmentAction } from "./schemas";

export async function updateFulfilment(db: Kysely<Database>, actor: Actor, input: FulfilmentAction, now: Date = new Date()): Promise<{ updated: number }> {
  // Parsed again here so a caller other than the route (a script, a test) cannot skip the required reason.
  const action = fulfilmentActionSchema.parse(input);
  const saleIds = [...new Set(action.saleIds)];
  const orders = await listOrders(db, { filter: "all", saleIds });
  if (orders.length !== saleIds.length) {
    const known = new Set(orders.map((o) => o.saleId));
    throw new NotFoundError(`Not a paid sale with a shipping address: ${saleIds.find((id) => !known.has(id))}`);
  }
  const previous = new Map(orders.map((o) => [o.saleId, o.fulfilment]));
  const at = now.toISOString();
  const row = {
    state: action.state,
    carrier: action.state === "shipped" ? action.carrier : null,
    tracking_reference: action.state === "shipped" ? action.trackingReference : null,
    reason: action.state === "not_shippable" ? action.reason : null,
    updated_at: at,
    updated_by: actor.id,
  };
  await db.transaction().execute(async (tx) => {
    for (const saleId of saleIds) {
      await tx.deleteFrom("fulfilments").where("sale_id", "=", saleId).execute();
      if (action.state !== "to_ship") await tx.insertInto("fulfilments").values({ sale_id: saleId, ...row }).execute();
      await recordAudit(tx, {
        actor,
        action: "orders.fulfilment_updated",
        target: saleId,
        details: {
          state: action.state,
          previousState: previous.get(saleId),
          ...(action.state === "shipped" ? { carrier: row.carrier, trackingReference: row.tracking_reference } : {}),
          ...(action.state === "not_shippable" ? { reason: row.reason } : {}),
        },
      });
    }
  });
  return { updated: saleIds.length };
}
