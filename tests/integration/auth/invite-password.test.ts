// Accepting an invite through the real POST /api/team/invites/accept on both engines: a common password
// is refused with a 400 whose code names the reason (the form turns it into a French or English
// sentence), the invite stays usable, and a sound password then creates the member.
import { NextRequest } from "next/server";
import type { Kysely } from "kysely";
import { beforeEach, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db";
import { createInvite, listMembers } from "@/lib/team";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";

const state = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));

const acceptRoute = await import("@/app/api/team/invites/accept/route");
const ORIGIN = "http://dash.test";

async function accept(body: unknown): Promise<{ status: number; json: { error?: { code: string; field?: string } } }> {
  const req = new NextRequest(`${ORIGIN}/api/team/invites/accept`, {
    method: "POST",
    headers: { host: "dash.test", origin: ORIGIN, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const res = await acceptRoute.POST(req, { params: Promise.resolve({}) });
  return { status: res.status, json: (await res.json()) as { error?: { code: string; field?: string } } };
}

describeEachEngine("invite password policy", ({ db }) => {
  const k = () => db().db as Kysely<Database>;
  beforeEach(() => {
    state.db = k();
  });

  it("refuses common passwords with a code naming the reason, then accepts a sound one", async () => {
    const owner = await makeMember(k(), "owner");
    const invite = await createInvite(k(), owner.actor, { email: "awa@shop.test", role: "support" });
    for (const password of ["1234567890", "password123", "azerty123", "Motdepasse2024!"]) {
      const res = await accept({ token: invite.token, email: "awa@shop.test", name: "Awa", password });
      expect(res.status).toBe(400);
      expect(res.json.error).toMatchObject({ field: "password", code: password.length < 10 ? "password_too_short" : "password_common" });
    }
    expect((await listMembers(k())).map((m) => m.email)).not.toContain("awa@shop.test");

    const ok = await accept({ token: invite.token, email: "awa@shop.test", name: "Awa", password: "three quiet baobabs" });
    expect(ok.status).toBe(201);
    expect((await listMembers(k())).map((m) => m.email)).toContain("awa@shop.test");
  });
});
