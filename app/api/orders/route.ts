// GET /api/orders?state=to_ship|shipped|not_shippable|all: paid sales with a shipping address, oldest first (fulfilment:read).
// POST /api/orders: mark one or many shipped (carrier, tracking reference) / not shippable (reason) / back to ship (fulfilment:write).
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { fulfilmentActionSchema, listOrders, ordersQuerySchema, updateFulfilment } from "@/lib/orders";

export const GET = route({ permission: "fulfilment:read", schema: ordersQuerySchema }, async ({ input }) => {
  return { orders: await listOrders(await getDb(), { filter: input.state }) };
});

export const POST = route({ permission: "fulfilment:write", schema: fulfilmentActionSchema }, async ({ input, actor }) => {
  return updateFulfilment(await getDb(), actor, input);
});
