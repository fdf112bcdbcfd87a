// CSV of the sales behind one payout (the timeline's drill-down), under the shared export rules
// (lib/csv: presets, money as decimals, instants with their zone); audited as `settlements.export`.
import "server-only";
import type { Kysely } from "kysely";
import { recordAudit, type Actor } from "@/lib/audit";
import { instantCell, moneyCell, withTimeZone } from "@/lib/csv/cells";
import { csvResponse, type CsvPreset } from "@/lib/csv/csv-stream";
import type { Database } from "@/lib/db";
import type { LocalDay } from "@/lib/time";
import { listPayoutSales } from "./list-settlements";

export async function exportPayoutSalesCsv(db: Kysely<Database>, req: { currency: string; dueDay: LocalDay; preset: CsvPreset; timeZone: string; actor: Actor }): Promise<Response> {
  const sales = await listPayoutSales(db, { currency: req.currency, dueDay: req.dueDay }, req.timeZone);
  const header = ["sale_id", "status", "product", "customer_email", withTimeZone("completed_at", req.timeZone), "gross", "gateway_fee", "service_fee", "net", "currency", withTimeZone("due_at", req.timeZone), withTimeZone("done_at", req.timeZone), "overdue"];
  const rows = sales.map((s) => [
    s.id, s.status, s.productName, s.customerEmail, instantCell(s.completedAt, req.timeZone),
    moneyCell(s.amount, s.currency, req.preset), moneyCell(s.gatewayFee, s.currency, req.preset), moneyCell(s.serviceFee, s.currency, req.preset), moneyCell(s.net, s.currency, req.preset),
    s.currency, instantCell(s.dueAt, req.timeZone), instantCell(s.doneAt, req.timeZone), s.overdue ? "yes" : "no",
  ]);
  return csvResponse(`payout-${req.currency}-${req.dueDay}.csv`, header, rows, req.preset, {
    onEnd: async ({ rowCount, completed }) => {
      await recordAudit(db, { actor: req.actor, action: "settlements.export", target: `${req.currency}:${req.dueDay}`, details: { rows: rowCount, preset: req.preset, completed } });
    },
  });
}
