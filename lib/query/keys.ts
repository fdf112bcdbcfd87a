// TanStack Query keys: arrays that start with the resource, defined once (CONVENTIONS "five rules" #4).
export const queryKeys = {
  syncStatus: () => ["sync", "status"] as const,
  pulseLog: (limit: number) => ["pulses", "log", { limit }] as const,
  recentSales: (limit: number) => ["overview", "recent-sales", { limit }] as const,
  sales: (query: string) => ["sales", query] as const,
  salesViews: () => ["sales", "views"] as const,
  analyticsOverview: (range: Record<string, string | undefined>) => ["analytics", "overview", range] as const,
  analyticsRevenue: (query: Record<string, string | undefined>) => ["analytics", "revenue", query] as const,
};

/** How many Pulse deliveries the Settings log shows. */
export const PULSE_LOG_PAGE_SIZE = 50;
