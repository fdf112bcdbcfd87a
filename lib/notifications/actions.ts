"use server";
// The notification forms' server actions (issue 19): plain form posts, so each works before any script
// has loaded (lib/pwa/low-data-action.ts is the model). Each takes the member from the session — never from
// the form —, checks the role on the server, validates with the same zod schema as the JSON API, and
// answers 303 back to the page with `?notifications=saved` or `?notifications_error=<field>` (the store's
// form: `alerts`, `alerts_error`).
// proxy.ts refuses a cross-site post before any of them runs.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { RedirectType, redirect } from "next/navigation";
import type { Actor } from "@/lib/audit";
import { requireMember, requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";
import { safeLocalPath } from "@/lib/http/safe-path";
import { FEEDBACK_KEYS } from "./page-query";
import type { Member } from "@/lib/team";
import { preferencesFromForm, storeSettingsFromForm } from "./form-input";
import { markAllRead, markRead } from "./inbox";
import { preferencesInputSchema, saveMemberNotifications } from "./preferences-service";
import { queueWebhookTest, rotateWebhookSecret, storeSettingsInputSchema, updateStoreSettings } from "./store-settings-service";

function backTo(form: FormData, fallback: string, param: [string, string] | null, hash = ""): string {
  const url = new URL(safeLocalPath(form.get("returnTo"), fallback), "http://local");
  for (const key of FEEDBACK_KEYS) url.searchParams.delete(key);
  if (param) url.searchParams.set(param[0], param[1]);
  return `${url.pathname}${url.search}${hash}`;
}

/** The first issue's dotted path, or "input". */
function fieldOf(error: { issues: { path: PropertyKey[] }[] }): string {
  const path = error.issues[0]?.path ?? [];
  return path.length > 0 ? path.map(String).join(".") : "input";
}

async function actorOf(member: Member): Promise<Actor> {
  return { id: member.id, email: member.email, role: member.role, ip: clientIp(await headers()) };
}

export async function savePreferencesFromForm(form: FormData): Promise<void> {
  const member = await requireMember();
  const db = await getDb();
  const parsed = preferencesInputSchema.safeParse(preferencesFromForm(form));
  if (!parsed.success) redirect(backTo(form, "/notifications", ["notifications_error", fieldOf(parsed.error)], "#notification-preferences"), RedirectType.replace);
  await saveMemberNotifications(db, member.id, parsed.data);
  redirect(backTo(form, "/notifications", ["notifications", "saved"], "#notification-preferences"), RedirectType.replace);
}

export async function markReadFromForm(form: FormData): Promise<void> {
  const member = await requireMember();
  const id = form.get("id");
  if (typeof id === "string" && id.length > 0 && id.length <= 100) await markRead(await getDb(), member.id, id);
  revalidatePath("/", "layout");
  redirect(backTo(form, "/notifications", null), RedirectType.replace);
}

export async function markAllReadFromForm(form: FormData): Promise<void> {
  const member = await requireMember();
  await markAllRead(await getDb(), member.id);
  revalidatePath("/", "layout");
  redirect(backTo(form, "/notifications", null), RedirectType.replace);
}

export async function saveStoreSettingsFromForm(form: FormData): Promise<void> {
  const member = await requirePermission("settings:manage");
  const parsed = storeSettingsInputSchema.safeParse(storeSettingsFromForm(form));
  if (!parsed.success) redirect(backTo(form, "/settings", ["alerts_error", fieldOf(parsed.error)], "#alerts-webhook"), RedirectType.replace);
  let field: string | null = null;
  try {
    await updateStoreSettings(await getDb(), parsed.data, await actorOf(member));
  } catch (error) {
    if (!(error instanceof AppError) || error.status !== 400) throw error;
    field = error.field ?? "input";
  }
  redirect(backTo(form, "/settings", field ? ["alerts_error", field] : ["alerts", "saved"], "#alerts-webhook"), RedirectType.replace);
}

export type WebhookActionState = { secret?: string; queued?: boolean; error?: string } | null;

/** Rotation: the new secret is in the answer only (useActionState shows it once; a reload masks it). */
export async function rotateWebhookSecretAction(): Promise<WebhookActionState> {
  const member = await requirePermission("settings:manage");
  return { secret: await rotateWebhookSecret(await getDb(), await actorOf(member)) };
}

export async function sendWebhookTestAction(): Promise<WebhookActionState> {
  const member = await requirePermission("settings:manage");
  try {
    await queueWebhookTest(await getDb(), await actorOf(member));
    return { queued: true };
  } catch (error) {
    if (error instanceof AppError && error.status === 400) return { error: error.field ?? "input" };
    throw error;
  }
}
