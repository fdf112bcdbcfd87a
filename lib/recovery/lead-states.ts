// A lead's states and the inbox's filter values, without zod: the Recovery islands offer them in their
// selects, and zod would weigh on the page's first load. The schemas that check them are in ./schemas.ts.

export const LEAD_STATES = ["open", "contacted", "won", "lost"] as const;
export type LeadState = (typeof LEAD_STATES)[number];

/** Why a sale is a lead: its payment failed, or the checkout was abandoned (the sale's own status). */
export const LEAD_REASONS = ["failed", "abandoned"] as const;
export type LeadReason = (typeof LEAD_REASONS)[number];

/**
 * The inbox's status filter. A lead shows one status: `recovered` when a later payment recovered it
 * (computed on read, whatever its worked state), else its worked state — so these five partition the
 * leads. `todo` (the default) is what is still to follow up: open or contacted, not recovered; `all` is
 * every lead.
 */
export const LEAD_STATUS_FILTERS = ["todo", "open", "contacted", "recovered", "won", "lost", "all"] as const;
export type LeadStatusFilter = (typeof LEAD_STATUS_FILTERS)[number];

/** The assignee filter's value for leads nobody follows (any other value is a member's id). */
export const UNASSIGNED = "none";

/** How a merchant reached a lead's customer from the inbox: what marks it contacted (audited). */
export const LEAD_CONTACT_CHANNELS = ["whatsapp", "email"] as const;
export type LeadContactChannel = (typeof LEAD_CONTACT_CHANNELS)[number];
