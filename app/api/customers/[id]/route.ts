// GET /api/customers/{id}: a customer's summary from the mirror (customers:read). Their purchases are
// GET /api/sales?customer={id}.
import { getDb } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { idParams } from "@/lib/http/schemas";
import { route } from "@/lib/http/route";
import { getCustomer } from "@/lib/customers/get-customer";

export const GET = route({ permission: "customers:read", params: idParams }, async ({ params }) => {
  const customer = await getCustomer(await getDb(), params.id);
  if (!customer) throw new NotFoundError("No such customer");
  return { customer };
});
