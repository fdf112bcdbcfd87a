// GET /api/me/preferences: the signed-in member's own preferences; PUT {lowData: "auto"|"on"|"off"}
// changes low-data mode (lib/pwa/low-data.ts). Every role may read and change their own, nobody
// anyone else's: the member is the session's.
import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getLowDataChoice, lowDataChoiceSchema, setLowDataChoice } from "@/lib/pwa/low-data";

const NO_STORE = { "Cache-Control": "no-store" };

export const GET = route({}, async ({ member }) => {
  return NextResponse.json({ lowData: await getLowDataChoice(await getDb(), member.id) }, { headers: NO_STORE });
});

export const PUT = route({ schema: z.object({ lowData: lowDataChoiceSchema }).strict() }, async ({ input, member }) => {
  await setLowDataChoice(await getDb(), member.id, input.lowData);
  return NextResponse.json({ lowData: input.lowData }, { headers: NO_STORE });
});
