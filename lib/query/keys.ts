// TanStack Query keys: arrays that start with the resource, defined once (CONVENTIONS "five rules" #4).
export const queryKeys = {
  teamMembers: () => ["team", "members"] as const,
  teamInvites: () => ["team", "invites"] as const,
  audit: (limit: number) => ["audit", { limit }] as const,
  auditAll: () => ["audit"] as const,
  syncStatus: () => ["sync", "status"] as const,
  pulseLog: (limit: number) => ["pulses", "log", { limit }] as const,
  recentSales: (limit: number) => ["overview", "recent-sales", { limit }] as const,
  sales: (query: string) => ["sales", query] as const,
  salesViews: () => ["sales", "views"] as const,
};

/** How many Pulse deliveries the Settings log shows. */
export const PULSE_LOG_PAGE_SIZE = 50;

/** How many audit entries the Team page shows (server prefetch and client refetch must agree). */
export const AUDIT_PAGE_SIZE = 100;
