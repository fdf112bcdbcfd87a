// The Sales filters as the chips bar shows them (issue 16): each filter the merchant adds with "+ Statut",
// "+ Date"… and removes with its chip's ×, and the URL keys it owns. Pure and zod-free (the bar is a
// client island); the words are given by the bar.
import type { SalesFilters } from "@/lib/sales/schemas";

export const SALES_FILTER_GROUPS = [
  { id: "status", keys: ["status"] },
  { id: "date", keys: ["from", "to"] },
  { id: "product", keys: ["product"] },
  { id: "currency", keys: ["currency"] },
  { id: "channel", keys: ["channel"] },
  { id: "paymentStatus", keys: ["paymentStatus"] },
  { id: "amount", keys: ["min", "max"] },
  { id: "country", keys: ["country"] },
  { id: "discount", keys: ["discount"] },
  { id: "campaign", keys: ["campaign"] },
] as const satisfies readonly {
  id: string;
  keys: readonly (keyof SalesFilters)[];
}[];

export type SalesFilterGroup = (typeof SALES_FILTER_GROUPS)[number];
export type SalesFilterGroupId = SalesFilterGroup["id"];

/** A group is active when one of its keys is set. */
export function isGroupActive(group: SalesFilterGroup, filters: SalesFilters): boolean {
  return group.keys.some((k) => filters[k] !== undefined);
}

/** The patch that removes a group from the URL (its keys cleared; hrefWith also drops the page). */
export function removalPatch(group: SalesFilterGroup): Record<string, null> {
  return Object.fromEntries(group.keys.map((k) => [k, null]));
}
