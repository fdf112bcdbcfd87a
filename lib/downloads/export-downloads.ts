// CSV of each Downloads list under the shared export rules (lib/csv), audited as `downloads.export`.
import "server-only";
import type { Kysely } from "kysely";
import { recordAudit, type Actor } from "@/lib/audit";
import { decimalCell, instantCell, moneyCell, withTimeZone, type CsvCell } from "@/lib/csv/cells";
import { csvResponse, type CsvPreset } from "@/lib/csv/csv-stream";
import type { Database } from "@/lib/db";
import type { DownloadFact } from "./download-facts";
import { downloadsReport } from "./downloads-report";
import { loadDownloadFacts } from "./download-facts";
import type { DownloadList, DownloadsQuery } from "./schemas";

export interface DownloadsExportRequest {
  list: DownloadList;
  query: DownloadsQuery;
  preset: CsvPreset;
  timeZone: string;
  actor: Actor;
  now?: Date;
}

function saleHeader(tz: string): string[] {
  return ["sale_id", "status", withTimeZone("paid_at", tz), "customer_name", "customer_email", "product_id", "product", "amount", "currency", "download_total", withTimeZone("last_download_at", tz)];
}

function saleCells(f: DownloadFact, preset: CsvPreset, tz: string): CsvCell[] {
  return [f.saleId, f.status, instantCell(f.completedAt, tz), f.customerName, f.customerEmail, f.productId, f.productName, moneyCell(f.amount, f.currency, preset), f.currency, f.downloadTotal, instantCell(f.downloadLastAt, tz)];
}

export async function exportDownloadsCsv(db: Kysely<Database>, req: DownloadsExportRequest): Promise<Response> {
  const tz = req.timeZone;
  let header: string[];
  let rows: CsvCell[][];
  if (req.list === "sales") {
    header = saleHeader(tz);
    rows = (await loadDownloadFacts(db)).map((f) => saleCells(f, req.preset, tz));
  } else {
    const report = await downloadsReport(db, req.query, req.now);
    if (req.list === "not-accessed") {
      header = [...saleHeader(tz), "days_since_payment"];
      rows = report.notAccessed.map((f) => [...saleCells(f, req.preset, tz), f.daysSincePayment]);
    } else if (req.list === "unusual") {
      header = [...saleHeader(tz), "rule", "limit"];
      rows = report.unusual.sales.map((f) => [...saleCells(f, req.preset, tz), report.unusual.rule, report.unusual.limit]);
    } else {
      header = ["product_id", "product", "paid_sales", "sales_with_download_data", "downloaded", "downloaded_share_percent", "median_hours_to_first_download", "sales_downloaded_once"];
      rows = report.engagement.map((e) => [e.productId, e.productName, e.paidSales, e.knownSales, e.downloaded, decimalCell(e.share === null ? null : Math.round(e.share * 1000) / 10, req.preset), decimalCell(e.medianHoursToFirst === null ? null : Math.round(e.medianHoursToFirst * 10) / 10, req.preset), e.firstDownloadSample]);
    }
  }
  return csvResponse(`downloads-${req.list}.csv`, header, rows, req.preset, {
    onEnd: async ({ rowCount, completed }) => {
      await recordAudit(db, { actor: req.actor, action: "downloads.export", target: req.list, details: { list: req.list, days: req.query.days, threshold: req.query.threshold ?? null, rows: rowCount, preset: req.preset, completed } });
    },
  });
}
