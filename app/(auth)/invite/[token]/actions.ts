"use server";
// Accepting an invite as a form post, so an invitee on a slow phone connection can join before the
// JavaScript has loaded (and the password never travels in a URL, as a script-less GET form would send
// it). The same service as POST /api/team/invites/accept, then sign-in straight into the dashboard.
// Errors come back as codes the form words in the reader's language, never the service's English text.
import { headers } from "next/headers";
import type { AcceptInviteError, AcceptInviteState } from "@/components/forms/invite-accept-form";
import { getDb } from "@/lib/db";
import { clientIp } from "@/lib/http/client-ip";
import { acceptInvite } from "@/lib/team";
import { signInWithPassword } from "../../login/actions";

const PASSWORD_CODES = new Set<string>(["password_too_short", "password_too_long", "password_common"]);

/** The service's typed errors (lib/errors, lib/team/accept-invite) as the form's codes. */
function errorCode(error: unknown): AcceptInviteError {
  // Read by `code`, not instanceof: a production build may bundle lib/errors once per server chunk.
  const code = error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : null;
  if (code === "invite_email_mismatch") return "email_mismatch";
  if (code && PASSWORD_CODES.has(code)) return code as AcceptInviteError;
  if (code === "not_found") return "invalid_link";
  return "generic";
}

export async function acceptInviteAction(token: string, _prev: AcceptInviteState, form: FormData): Promise<AcceptInviteState> {
  const email = String(form.get("email") ?? "");
  const name = String(form.get("name") ?? "");
  const password = String(form.get("password") ?? "");
  try {
    await acceptInvite(await getDb(), { token, email, name, password }, { ip: clientIp(await headers()) });
  } catch (error) {
    const code = errorCode(error);
    if (code === "generic") console.error("[invite] accepting failed", error);
    return { error: code, email, name };
  }
  const signIn = new FormData();
  signIn.set("email", email);
  signIn.set("password", password);
  signIn.set("next", "/");
  const result = await signInWithPassword({}, signIn); // on success this throws Next's redirect into the dashboard
  return result.error ? { error: "generic", email, name } : {};
}
