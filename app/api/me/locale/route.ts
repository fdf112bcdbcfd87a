// POST /api/me/locale {locale}: remembers the signed-in member's interface language in the locale
// cookie (the same cookie the FR/EN switch sets through its server action).
import { NextResponse } from "next/server";
import { z } from "zod";
import { localeCookie } from "@/lib/i18n/locale-cookie";
import { route } from "@/lib/http/route";
import { localeField } from "@/lib/http/schemas";

export const POST = route({ schema: z.object({ locale: localeField }) }, async ({ input, req }) => {
  const response = NextResponse.json({ locale: input.locale }, { headers: { "Cache-Control": "no-store" } });
  response.cookies.set(localeCookie(input.locale, req.nextUrl.protocol === "https:"));
  return response;
});
