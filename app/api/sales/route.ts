// GET /api/sales: one page of the Sales view and the totals of its whole filter (sales:read; the totals'
// money only with settlements:read, lib/sales/financial-fields.ts).
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { listSales, salesContext, salesTotals } from "@/lib/sales";
import { salesTotalsForRole } from "@/lib/sales/financial-fields";
import { salesViewSchema } from "@/lib/sales/schemas";

export const GET = route({ permission: "sales:read", schema: salesViewSchema }, async ({ input, member }) => {
  const db = await getDb();
  const ctx = await salesContext(db);
  const [page, totals] = await Promise.all([listSales(db, input, ctx), salesTotals(db, input, ctx)]);
  return { ...page, totals: salesTotalsForRole(totals, member.role) };
});
