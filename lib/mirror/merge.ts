// Which of two versions of a sale is newer, and how two versions combine. Pure, so the rules that keep
// the mirror right under retries, replays and out-of-order arrivals are unit-tested on their own.
import "server-only";
import { MERGED_KEYS, type SaleData } from "./sale-row";

export type VersionVerdict = "newer" | "same" | "stale";

// Lifecycle (chariow-api.md §5): awaiting_payment → completed → settled, or → failed / abandoned.
const STATUS_RANK: Readonly<Record<string, number>> = { awaiting_payment: 0, failed: 1, abandoned: 1, completed: 1, settled: 2 };

function rankOf(status: string): number {
  return STATUS_RANK[status] ?? 1;
}

/** When the sale entered its current status, for two different statuses of equal rank. */
function statusAt(d: SaleData): string | null {
  if (d.status === "completed") return d.completed_at;
  if (d.status === "failed") return d.failed_at;
  if (d.status === "abandoned") return d.abandoned_at;
  return null;
}

/**
 * Compares `incoming` with the `existing` row. Never by arrival order: `updated_at` when both carry
 * different ones, else the status order; a settled sale never goes back (payout is final). Equal rank
 * and different statuses (completed vs failed) fall back to when each status was reached; when that is
 * unknown the existing row is kept.
 */
export function compareVersions(incoming: SaleData, existing: SaleData): VersionVerdict {
  if (existing.status === "settled" && incoming.status !== "settled") return "stale";
  if (incoming.updated_at !== null && existing.updated_at !== null && incoming.updated_at !== existing.updated_at) {
    return incoming.updated_at > existing.updated_at ? "newer" : "stale";
  }
  const ri = rankOf(incoming.status);
  const re = rankOf(existing.status);
  if (ri !== re) return ri > re ? "newer" : "stale";
  if (incoming.status === existing.status) return "same";
  const ti = statusAt(incoming);
  const te = statusAt(existing);
  return ti !== null && (te === null || ti > te) ? "newer" : "stale";
}

/**
 * Field-wise merge of a version that is not older: a null in `incoming` means "not given" (a list
 * summary has no channel, fees or settlement, §5; a Pulse has no channel, §8), so it keeps what is known.
 * Derived columns are left for deriveColumns to recompute.
 */
export function mergeSaleData(existing: SaleData, incoming: SaleData): SaleData {
  const merged = { ...existing };
  const target = merged as Record<string, unknown>;
  const source = incoming as Record<string, unknown>;
  for (const key of MERGED_KEYS) {
    const value = source[key];
    if (value !== null && value !== undefined) target[key] = value;
  }
  return merged;
}
