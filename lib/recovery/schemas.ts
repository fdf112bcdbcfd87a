// Recovery contracts: lead states, the worklist query, and the actions on a lead (one zod schema each).
import { z } from "zod";
import { SALE_CHANNELS } from "@/lib/chariow/enum-values";
import { checkDayRange, dayRangeFields } from "@/lib/http/query-fragments";
import { localeField } from "@/lib/http/schemas";
import { LEAD_CONTACT_CHANNELS, LEAD_REASONS, LEAD_STATES, LEAD_STATUS_FILTERS } from "./lead-states";

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

/** A GET form sends an empty string for a select left on "all": no value. */
const blankAsAbsent = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/**
 * The inbox's filters besides the days (lib/recovery/lead-page.ts applies them in SQL): why the sale is a
 * lead, the status it shows (default: still to follow up), the sale's channel, who follows it (a member's
 * id, or `none`).
 */
export const leadFilterFields = {
  reason: z.preprocess(blankAsAbsent, z.enum(LEAD_REASONS).optional()),
  status: z.preprocess(blankAsAbsent, z.enum(LEAD_STATUS_FILTERS).default("todo")),
  channel: z.preprocess(blankAsAbsent, z.enum(SALE_CHANNELS).optional()),
  assignee: z.preprocess(blankAsAbsent, z.string().min(1).max(100).optional()),
};

/**
 * The Recovery page's own keys: the inbox's filters, the lead whose panel is open (`lead=<sale id>`) and
 * the language of that panel's prefilled messages (`msg`, default the member's).
 */
export const recoveryPageQuerySchema = z
  .object({
    ...dayRangeFields,
    ...leadFilterFields,
    lead: z.string().min(1).max(100).optional(),
    msg: z.preprocess(blankAsAbsent, localeField.optional()),
  })
  .superRefine(checkDayRange);
export type RecoveryPageQuery = z.infer<typeof recoveryPageQuerySchema>;

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

/** POST /api/recovery/leads/{id}/contacted: the WhatsApp chat or the e-mail the merchant just opened. */
export const leadContactedSchema = z.object({ channel: z.enum(LEAD_CONTACT_CHANNELS) });
