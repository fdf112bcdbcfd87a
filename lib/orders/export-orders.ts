// The courier CSV of issue 9: one row per order in the column order couriers ask for — name, phone,
// address line, city, state, country, zip, product, reference (the sale id) — under the shared export
// rules (presets, BOM, formula-safe cells), headers in the user's language; audited as `orders.export`.
import "server-only";
import type { Kysely } from "kysely";
import { recordAudit, type Actor } from "@/lib/audit";
import { csvResponse, type CsvPreset } from "@/lib/csv/csv-stream";
import type { Database } from "@/lib/db";
import { listOrders, type Order } from "./list-orders";
import type { OrderFilter } from "./schemas";

export const COURIER_COLUMNS = ["name", "phone", "address", "city", "state", "country", "zip", "product", "reference"] as const;
export type CourierColumn = (typeof COURIER_COLUMNS)[number];

export function courierRow(o: Order): string[] {
  return [o.customerName ?? o.customerEmail ?? "", o.phone ?? "", o.address, o.city ?? "", o.state ?? "", o.country ?? "", o.zip ?? "", o.productName ?? "", o.saleId];
}

export async function exportOrdersCsv(
  db: Kysely<Database>,
  req: { filter: OrderFilter; saleIds?: string[]; preset: CsvPreset; headers: Record<CourierColumn, string>; actor: Actor; day: string },
): Promise<Response> {
  const orders = await listOrders(db, { filter: req.filter, saleIds: req.saleIds });
  return csvResponse(`orders-to-ship-${req.day}.csv`, COURIER_COLUMNS.map((c) => req.headers[c]), orders.map(courierRow), req.preset, {
    onEnd: async ({ rowCount, completed }) => {
      await recordAudit(db, {
        actor: req.actor,
        action: "orders.export",
        target: "orders",
        details: { filter: req.filter, saleIds: req.saleIds ?? null, rows: rowCount, preset: req.preset, completed },
      });
    },
  });
}
