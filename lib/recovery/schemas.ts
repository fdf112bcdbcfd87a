// Recovery contracts: lead states, the worklist query, and the actions on a lead (one zod schema each).
import { z } from "zod";

export const LEAD_STATES = ["open", "contacted", "won", "lost"] as const;
export const leadStateSchema = z.enum(LEAD_STATES);
export type LeadState = z.infer<typeof leadStateSchema>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const worklistQuerySchema = z.object({
  from: day.optional(),
  to: day.optional(),
  /** Default: only leads still to work (not recovered, not won or lost). */
  include: z.enum(["open", "all"]).default("open"),
});
export type WorklistQuery = z.infer<typeof worklistQuerySchema>;

export const leadActionSchema = z
  .object({
    saleIds: z.array(z.string().min(1).max(100)).min(1).max(500),
    state: leadStateSchema.optional(),
    note: z.string().trim().max(2000).optional(),
    /** A member's id, or null to unassign. */
    assignedTo: z.string().min(1).max(100).nullable().optional(),
  })
  .refine((a) => a.state !== undefined || a.note !== undefined || a.assignedTo !== undefined, { message: "Nothing to change", path: ["state"] });
export type LeadAction = z.infer<typeof leadActionSchema>;
