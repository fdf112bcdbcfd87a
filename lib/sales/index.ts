// The Sales section's services (issue 6): the table over the mirror, its totals, the CSV export, the
// live sale detail and saved views. Routes and pages import from here.
import "server-only";
export { listSales } from "./list-sales";
export { salesTotals } from "./sales-totals";
export { exportSalesCsv, iterateSalesForExport, SALE_EXPORT_COLUMNS, type SaleExportColumn } from "./export-sales";
export { getSaleDetail } from "./get-sale-detail";
export { listSavedViews, saveView, deleteView, type SavedView } from "./saved-views";
export { salesContext } from "./context";
