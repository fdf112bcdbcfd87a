// One read of the mirror for the Downloads page and its API: coverage, the latest sales with their
// download data, "not accessed yet", unusual activity and engagement by product.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { loadDownloadFacts, type DownloadFact } from "./download-facts";
import { downloadCoverage, engagementByProduct, notAccessedYet, unusualActivity, type DownloadCoverage, type NotAccessedSale, type ProductEngagement, type UnusualActivity } from "./download-stats";
import type { DownloadsQuery } from "./schemas";

/** How many of the latest paid sales GET /api/downloads returns (the page pages through them all, the CSV has them all). */
export const RECENT_SALES_SHOWN = 100;

export interface DownloadsReport {
  coverage: DownloadCoverage;
  /** Every paid sale of a product with files, newest payment first. */
  recentSales: DownloadFact[];
  notAccessed: NotAccessedSale[];
  unusual: UnusualActivity;
  engagement: ProductEngagement[];
}

export async function downloadsReport(db: Kysely<Database>, query: DownloadsQuery, now: Date = new Date()): Promise<DownloadsReport> {
  const facts = await loadDownloadFacts(db);
  return {
    coverage: downloadCoverage(facts),
    recentSales: facts,
    notAccessed: notAccessedYet(facts, query.days, now),
    unusual: unusualActivity(facts, query.threshold),
    engagement: engagementByProduct(facts),
  };
}
