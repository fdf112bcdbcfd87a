"use server";
// The low-data switch's server action (components/pwa/low-data-control.tsx): a plain form post, so it
// works before the JavaScript has loaded and adds none to the page (a member on 2G turns data saving on
// exactly when scripts are slowest). Stores the signed-in member's choice, then answers 303 back to the
// page the form was on, which renders in the new mode. proxy.ts refuses a cross-site post first.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { RedirectType, redirect } from "next/navigation";
import { requireMember } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { pathFromReferer, safeLocalPath } from "@/lib/http/safe-path";
import { lowDataChoiceSchema, setLowDataChoice } from "@/lib/pwa/low-data";

export async function setLowDataFromForm(form: FormData): Promise<void> {
  const member = await requireMember();
  const choice = lowDataChoiceSchema.safeParse(form.get("lowData"));
  if (choice.success) await setLowDataChoice(await getDb(), member.id, choice.data);
  // Every page's frame reads the mode (the dashboard layout): none may come back from the router's cache.
  revalidatePath("/", "layout");
  const back = pathFromReferer((await headers()).get("referer")) ?? safeLocalPath(form.get("returnTo"));
  redirect(back, RedirectType.replace);
}
