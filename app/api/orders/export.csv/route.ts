// GET /api/orders/export.csv?state&ids&preset: the courier CSV of the selected orders, or of the whole
// filter without ids (fulfilment:read and export:csv, so not support; audited). Headers in the user's language.
import { csvExportRoute } from "@/lib/csv/export-route";
import { COURIER_COLUMNS, exportOrdersCsv, ordersExportQuerySchema } from "@/lib/orders";
import { today } from "@/lib/time";

export const GET = csvExportRoute({ exportOf: "fulfilment:read", schema: ordersExportQuerySchema }, async ({ db, input, preset, timeZone, labels, actor }) =>
  exportOrdersCsv(db, { filter: input.state, saleIds: input.ids, preset, headers: await labels("orders.csv", COURIER_COLUMNS), actor, day: today(timeZone) }),
);
