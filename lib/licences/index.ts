// Licences (issue 9): the view over the mirror's licences, revealing a key, and the CSV export.
import "server-only";

export { listLicences, licenceCountsByStatus, licenceProducts, type LicenceRow } from "./list-licences";
export { revealLicenceKey } from "./reveal-licence";
export { REVEAL_LIMITS } from "./reveal-throttle";
export { LICENCE_EXPORT_COLUMNS, exportLicencesCsv, type LicenceExportColumn } from "./export-licences";
export * from "./schemas";
