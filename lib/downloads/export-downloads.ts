// CSV of each Downloads list under the shared export rules (lib/csv; header in the member's language from
// messages Exports.downloads, values as codes), audited as `downloads.export`.
import "server-only";
import type { Kysely } from "kysely";
import { recordAudit, type Actor } from "@/lib/audit";
import { decimalCell, instantCell, moneyCell, type CsvCell, headerRow } from "@/lib/csv/cells";
import { csvResponse, type CsvPreset } from "@/lib/csv/csv-stream";
import type { Database } from "@/lib/db";
import type { DownloadFact } from "./download-facts";
import { downloadsReport } from "./downloads-report";
import { loadDownloadFacts } from "./download-facts";
import type { DownloadList, DownloadsQuery } from "./schemas";

const SALE_COLUMNS = ["saleId", "status", "paidAt", "customerName", "customerEmail", "productId", "product", "amount", "currency", "downloadTotal", "lastDownloadAt"] as const;
const ENGAGEMENT_COLUMNS = ["productId", "product", "paidSales", "salesWithDownloadData", "downloaded", "downloadedSharePercent", "medianHoursToFirstDownload", "salesDownloadedOnce"] as const;
/** Every column of the four lists (each list uses some). */
export const DOWNLOAD_EXPORT_COLUMNS = [...SALE_COLUMNS, "daysSincePayment", "rule", "limit", ...ENGAGEMENT_COLUMNS.slice(2)] as const;
export type DownloadExportColumn = (typeof DOWNLOAD_EXPORT_COLUMNS)[number];
const INSTANT_COLUMNS: readonly DownloadExportColumn[] = ["paidAt", "lastDownloadAt"];

export interface DownloadsExportRequest {
  list: DownloadList;
  query: DownloadsQuery;
  preset: CsvPreset;
  timeZone: string;
  labels: Record<DownloadExportColumn, string>;
  actor: Actor;
  now?: Date;
}

function saleCells(f: DownloadFact, preset: CsvPreset, tz: string): CsvCell[] {
  return [f.saleId, f.status, instantCell(f.completedAt, tz), f.customerName, f.customerEmail, f.productId, f.productName, moneyCell(f.amount, f.currency, preset), f.currency, f.downloadTotal, instantCell(f.downloadLastAt, tz)];
}

export async function exportDownloadsCsv(db: Kysely<Database>, req: DownloadsExportRequest): Promise<Response> {
  const tz = req.timeZone;
  const header = (columns: readonly DownloadExportColumn[]) => headerRow(columns, req.labels, tz, INSTANT_COLUMNS);
  let columns: readonly DownloadExportColumn[];
  let rows: CsvCell[][];
  if (req.list === "sales") {
    columns = SALE_COLUMNS;
    rows = (await loadDownloadFacts(db)).map((f) => saleCells(f, req.preset, tz));
  } else {
    const report = await downloadsReport(db, req.query, req.now);
    if (req.list === "not-accessed") {
      columns = [...SALE_COLUMNS, "daysSincePayment"];
      rows = report.notAccessed.map((f) => [...saleCells(f, req.preset, tz), f.daysSincePayment]);
    } else if (req.list === "unusual") {
      columns = [...SALE_COLUMNS, "rule", "limit"];
      rows = report.unusual.sales.map((f) => [...saleCells(f, req.preset, tz), report.unusual.rule, report.unusual.limit]);
    } else {
      columns = ENGAGEMENT_COLUMNS;
      rows = report.engagement.map((e) => [e.productId, e.productName, e.paidSales, e.knownSales, e.downloaded, decimalCell(e.share === null ? null : Math.round(e.share * 1000) / 10, req.preset), decimalCell(e.medianHoursToFirst === null ? null : Math.round(e.medianHoursToFirst * 10) / 10, req.preset), e.firstDownloadSample]);
    }
  }
  return csvResponse(`downloads-${req.list}.csv`, header(columns), rows, req.preset, {
    onEnd: async ({ rowCount, completed }) => {
      await recordAudit(db, { actor: req.actor, action: "downloads.export", target: req.list, details: { list: req.list, days: req.query.days, threshold: req.query.threshold ?? null, rows: rowCount, preset: req.preset, completed } });
    },
  });
}
