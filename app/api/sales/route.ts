// GET /api/sales: one page of the Sales view and the totals of its whole filter (sales:read).
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { listSales, salesContext, salesTotals } from "@/lib/sales";
import { salesViewSchema } from "@/lib/sales/schemas";

export const GET = route({ permission: "sales:read", schema: salesViewSchema }, async ({ input }) => {
  const db = await getDb();
  const ctx = await salesContext(db);
  const [page, totals] = await Promise.all([listSales(db, input, ctx), salesTotals(db, input, ctx)]);
  return { ...page, totals };
});
