// Recovery contracts: lead states, the worklist query, and the actions on a lead (one zod schema each).
import { z } from "zod";
import { checkDayRange, dayRangeFields } from "@/lib/http/query-fragments";
import { LEAD_STATES } from "./lead-states";

export const leadStateSchema = z.enum(LEAD_STATES);

export const worklistQuerySchema = z
  .object({
    /** Local days of the leads (lib/http/query-fragments: days that exist, `from` not after `to`). */
    ...dayRangeFields,
    /** Default: only leads still to work (not recovered, not won or lost). */
    include: z.enum(["open", "all"]).default("open"),
  })
  .superRefine(checkDayRange);
export type WorklistQuery = z.infer<typeof worklistQuerySchema>;

/** The Recovery page's own keys: the worklist's filters and the lead opened below them (`lead=<sale id>`). */
export const recoveryPageQuerySchema = z
  .object({
    ...dayRangeFields,
    include: z.enum(["open", "all"]).default("open"),
    lead: z.string().min(1).max(100).optional(),
  })
  .superRefine(checkDayRange);

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

/** How a merchant reached a lead's customer (audited as `recovery.contact_<channel>`). */
export const RECOVERY_CONTACT_CHANNELS = ["link", "whatsapp", "email"] as const;
export const recoveryContactChannelSchema = z.enum(RECOVERY_CONTACT_CHANNELS);
export type RecoveryContactChannel = z.infer<typeof recoveryContactChannelSchema>;
