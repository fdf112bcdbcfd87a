// POST /affiliates/invitations (chariow-api.md §6): 1–25 valid emails or 422 with Laravel field
// errors; existing affiliates and pending invitations are skipped, not errors; 201 in both dialects.
import { ok, validationError, type Reply } from "./http-util";
import type { StoreModel } from "./model";
import { invitationJson } from "./serialize-other";
import type { Json, SerializeContext } from "./serialize-sale";

const EMAIL = /^[^\s@"(),:;<>[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function isValidEmail(s: string): boolean {
  return s.length <= 254 && EMAIL.test(s);
}

export function handleInvitations(raw: string, ctx: SerializeContext & { model: StoreModel }): Reply {
  let parsed: unknown = null;
  try {
    parsed = raw.trim() ? JSON.parse(raw) : null;
  } catch {
    parsed = null; // Laravel treats an unreadable JSON body as empty input, hence "required" below
  }
  const emails = parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>).emails : undefined;
  if (emails === undefined || emails === null || (Array.isArray(emails) && emails.length === 0)) {
    return validationError({ emails: ["The emails field is required."] });
  }
  if (!Array.isArray(emails)) return validationError({ emails: ["The emails field must be an array."] });
  if (emails.length > 25) return validationError({ emails: ["The emails field must not have more than 25 items."] });
  const errors: Record<string, string[]> = {};
  emails.forEach((e, k) => {
    if (typeof e !== "string" || !isValidEmail(e.trim())) errors[`emails.${k}`] = [`The emails.${k} field must be a valid email address.`];
  });
  if (Object.keys(errors).length > 0) return validationError(errors);

  const m = ctx.model;
  const created: Json[] = [];
  const alreadyAffiliate: string[] = [];
  const alreadyInvited: string[] = [];
  for (const e of emails as string[]) {
    const email = e.trim().toLowerCase();
    if (m.affiliates.some((a) => a.email.toLowerCase() === email)) alreadyAffiliate.push(email);
    else if (m.invitations.some((inv) => inv.email === email && m.invitationStatus(inv, ctx.nowSec) === "pending")) alreadyInvited.push(email);
    else created.push(invitationJson(m, m.addInvitation(email, ctx.nowSec), ctx.nowSec));
  }
  const n = created.length;
  const message = `${n} invitation${n === 1 ? "" : "s"} sent successfully`;
  // current = the OpenAPI variant (plain array); legacy = the seeds' {invitations, skipped}.
  if (ctx.dialect === "current") return ok(created, message, 201);
  return ok({ invitations: created, skipped: { already_affiliate: alreadyAffiliate, already_invited: alreadyInvited } }, message, 201);
}
