// Pure computations over the download facts: coverage, "not accessed yet", unusual activity and
// engagement by product. Kept free of the database so each rule is testable on its own.
import type { DownloadFact } from "./download-facts";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface DownloadCoverage {
  /** Paid sales of products with files. */
  paidSales: number;
  /** Of those, the sales whose download count is known (the detail was read). */
  known: number;
}

export function downloadCoverage(facts: readonly DownloadFact[]): DownloadCoverage {
  return { paidSales: facts.length, known: facts.filter((f) => f.downloadTotal !== null).length };
}

export interface NotAccessedSale extends DownloadFact {
  daysSincePayment: number;
}

/** Paid, known to have 0 downloads, paid at least `days` days before `now`; oldest payment first. */
export function notAccessedYet(facts: readonly DownloadFact[], days: number, now: Date): NotAccessedSale[] {
  const cutoff = now.getTime() - days * DAY_MS;
  const out: NotAccessedSale[] = [];
  for (const f of facts) {
    if (f.downloadTotal !== 0 || !f.completedAt) continue;
    const paidAt = Date.parse(f.completedAt);
    if (!Number.isFinite(paidAt) || paidAt > cutoff) continue;
    out.push({ ...f, daysSincePayment: Math.floor((now.getTime() - paidAt) / DAY_MS) });
  }
  return out.sort((a, b) => Date.parse(a.completedAt!) - Date.parse(b.completedAt!) || a.saleId.localeCompare(b.saleId));
}

/** The 99th percentile by nearest rank: the smallest count at or above which 99 % of the known counts fall. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export interface UnusualActivity {
  rule: "threshold" | "p99";
  /** A sale is listed when its download count is strictly above this; null when no count is known. */
  limit: number | null;
  p99: number | null;
  knownCounts: number;
  sales: DownloadFact[];
}

/** Sales downloaded more than `threshold` times, or, without a threshold, more than the store's 99th percentile. */
export function unusualActivity(facts: readonly DownloadFact[], threshold?: number): UnusualActivity {
  const known = facts.filter((f) => f.downloadTotal !== null);
  const p99 = percentile(known.map((f) => f.downloadTotal!), 99);
  const limit = threshold ?? p99;
  const sales = limit === null ? [] : known.filter((f) => f.downloadTotal! > limit).sort((a, b) => b.downloadTotal! - a.downloadTotal! || a.saleId.localeCompare(b.saleId));
  return { rule: threshold === undefined ? "p99" : "threshold", limit, p99, knownCounts: known.length, sales };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export interface ProductEngagement {
  productId: string;
  productName: string | null;
  paidSales: number;
  /** Paid sales whose download count is known: the denominator of the share. */
  knownSales: number;
  downloaded: number;
  /** downloaded ÷ knownSales, 0–1; null when nothing is known yet. */
  share: number | null;
  /**
   * Median hours from payment to the first download, measured only on sales downloaded exactly once:
   * the API gives the total and the LAST download time, so only there is the last download the first.
   */
  medianHoursToFirst: number | null;
  /** How many sales that median is computed from. */
  firstDownloadSample: number;
}

export function engagementByProduct(facts: readonly DownloadFact[]): ProductEngagement[] {
  const groups = new Map<string, DownloadFact[]>();
  for (const f of facts) {
    const list = groups.get(f.productId);
    if (list) list.push(f);
    else groups.set(f.productId, [f]);
  }
  const out: ProductEngagement[] = [];
  for (const [productId, sales] of groups) {
    const known = sales.filter((s) => s.downloadTotal !== null);
    const downloaded = known.filter((s) => s.downloadTotal! > 0).length;
    const hours: number[] = [];
    for (const s of known) {
      if (s.downloadTotal !== 1 || !s.downloadLastAt || !s.completedAt) continue;
      const delta = Date.parse(s.downloadLastAt) - Date.parse(s.completedAt);
      if (Number.isFinite(delta) && delta >= 0) hours.push(delta / HOUR_MS);
    }
    out.push({
      productId,
      productName: sales.find((s) => s.productName)?.productName ?? null,
      paidSales: sales.length,
      knownSales: known.length,
      downloaded,
      share: known.length === 0 ? null : downloaded / known.length,
      medianHoursToFirst: median(hours),
      firstDownloadSample: hours.length,
    });
  }
  return out.sort((a, b) => b.paidSales - a.paidSales || a.productId.localeCompare(b.productId));
}
