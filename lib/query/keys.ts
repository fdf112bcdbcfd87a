// TanStack Query keys: arrays that start with the resource, defined once (CONVENTIONS "five rules" #4).
export const queryKeys = {
  teamMembers: () => ["team", "members"] as const,
  teamInvites: () => ["team", "invites"] as const,
  audit: (limit: number) => ["audit", { limit }] as const,
  auditAll: () => ["audit"] as const,
};

/** How many audit entries the Team page shows (server prefetch and client refetch must agree). */
export const AUDIT_PAGE_SIZE = 100;
