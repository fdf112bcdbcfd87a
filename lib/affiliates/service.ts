// What the /api/affiliates routes call: input rules (zero / more than 500 / none valid), the app's
// Chariow client, and Chariow failures turned into typed app errors.
import "server-only";
import type { Kysely } from "kysely";
import { z } from "zod";
import { ChariowError, ChariowRateLimitedError, type ChariowClient } from "@/lib/chariow";
import type { Database } from "@/lib/db";
import { AppError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Actor } from "@/lib/audit";
import { MAX_PASTED_EMAILS, parseEmails, type ParsedEmails } from "./emails";
import { sendInvitations, type InviteReport } from "./invite";
import { affiliateCodeSchema, lookupAffiliate, NO_AFFILIATE_MESSAGE, type LookupCache } from "./lookup";

export const inviteBodySchema = z.object({
  /** Pasted text, or a list of entries; parsed by lib/affiliates/emails. */
  emails: z.union([z.string().max(200_000), z.array(z.string().max(1000)).max(MAX_PASTED_EMAILS * 2)]),
});

export const lookupQuerySchema = z.object({
  code: affiliateCodeSchema,
  refresh: z.enum(["0", "1", "true", "false"]).optional().transform((v) => v === "1" || v === "true"),
});

export class NotConnectedError extends AppError {
  constructor() {
    super("No Chariow API key is configured", { code: "not_connected", status: 503 });
  }
}

/** Chariow failures as app errors; a spent budget passes through: the route wrapper answers 503 + retryAt. */
export function appErrorFromChariow(e: unknown): unknown {
  if (e instanceof ChariowRateLimitedError) return e;
  if (e instanceof ChariowError) return new AppError(`Chariow could not answer (${e.code})`, { code: `chariow_${e.code}`, status: 502 });
  return e;
}

/** Checks the paste as a whole: at least one entry, at most 500, at least one valid address. */
export function checkPaste(input: string | string[]): ParsedEmails {
  const parsed = parseEmails(input);
  if (parsed.total === 0) throw new ValidationError("Enter at least one email address", "emails");
  if (parsed.total > MAX_PASTED_EMAILS) throw new ValidationError(`At most ${MAX_PASTED_EMAILS} emails at once (${parsed.total} pasted); nothing was sent`, "emails");
  if (parsed.valid.length === 0) throw new ValidationError("None of these is a valid email address; nothing was sent", "emails");
  return parsed;
}

export type InviteResponse = InviteReport & Pick<ParsedEmails, "invalid" | "duplicates" | "rewritten">;

/** Sends the valid addresses; the invalid ones are reported, not sent. */
export async function inviteFromPaste(db: Kysely<Database>, client: ChariowClient | null, input: string | string[], actor: Actor): Promise<InviteResponse> {
  const parsed = checkPaste(input);
  if (!client) throw new NotConnectedError();
  const report = await sendInvitations(db, client, parsed.valid, { actor });
  return { ...report, invalid: parsed.invalid, duplicates: parsed.duplicates, rewritten: parsed.rewritten };
}

/** The lookup for the API: an unknown code is a 404 saying "No affiliate with this code". */
export async function lookupForApi(db: Kysely<Database>, client: ChariowClient | null, code: string, refresh: boolean, cache?: LookupCache) {
  if (!client) throw new NotConnectedError();
  let r;
  try {
    r = await lookupAffiliate(db, client, code, { refresh, cache });
  } catch (e) {
    throw appErrorFromChariow(e);
  }
  if (!r.found) {
    const err = new NotFoundError(NO_AFFILIATE_MESSAGE);
    Object.assign(err, { code: "affiliate_not_found", field: "code" });
    throw err;
  }
  return r;
}
