// A lead's states, without zod: the Recovery islands offer them in their selects, and zod would weigh on
// the page's first load. The schemas that check them are in ./schemas.ts.

export const LEAD_STATES = ["open", "contacted", "won", "lost"] as const;
export type LeadState = (typeof LEAD_STATES)[number];
