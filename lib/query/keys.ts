// TanStack Query keys: arrays that start with the resource, defined once (CONVENTIONS "five rules" #4).
export const queryKeys = {
  syncStatus: () => ["sync", "status"] as const,
  pulseLog: (page: { limit: number; offset: number }) => ["pulses", "log", page] as const,
  recentSales: (limit: number) => ["overview", "recent-sales", { limit }] as const,
  salesViews: () => ["sales", "views"] as const,
};
