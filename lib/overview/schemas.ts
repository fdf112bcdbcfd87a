// Shapes of the Overview's data shared by the server and the client island (no server-only: types and
// the query schema only).
import { z } from "zod";
import type { Money } from "@/lib/money";

export type RecentSale = {
  id: string;
  status: string;
  /** Name, else email; null when the mirror does not know the customer yet. */
  customer: string | null;
  product: string | null;
  amount: Money | null;
  createdAt: string;
  /** Which read last changed the row: list, detail or pulse. */
  source: string;
  updatedAt: string;
};

export const RECENT_SALES_LIMIT = 10;

export const recentSalesQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(50).default(RECENT_SALES_LIMIT) });
