// Invites through the real routes on both engines (issue 14 #4): an owner or admin revokes a pending
// invite from the Team page's API; removing (or demoting) a member revokes the invites they can no
// longer vouch for; accepting needs the invited address, typed back — a wrong one is refused without
// using the link, and the link is revoked after MAX_WRONG_EMAILS wrong ones. Every revocation audited.
import { NextRequest } from "next/server";
import type { Kysely } from "kysely";
import { beforeEach, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db";
import type { Member } from "@/lib/team";
import { makeMember, type TestMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";

const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getSessionMember: async () => state.member }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));

const invitesRoute = await import("@/app/api/team/invites/route");
const inviteRoute = await import("@/app/api/team/invites/[id]/route");
const acceptRoute = await import("@/app/api/team/invites/accept/route");
const memberRoute = await import("@/app/api/team/members/[id]/route");
const { MAX_WRONG_EMAILS } = await import("@/lib/team/accept-invite");

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const ORIGIN = "http://dash.test";

async function call(handler: Handler, method: string, path: string, body?: unknown, params: Record<string, string> = {}) {
  const req = new NextRequest(`${ORIGIN}${path}`, {
    method,
    headers: { host: "dash.test", origin: ORIGIN, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const res = await handler(req, { params: Promise.resolve(params) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

describeEachEngine("invite revocation and acceptance (routes)", ({ db }) => {
  const k = () => db().db as Kysely<Database>;
  let owner: TestMember;
  let admin: TestMember;
  const as = (m: TestMember | null) => {
    state.member = m ? m.member : null;
  };

  beforeEach(async () => {
    state.db = k();
    owner = await makeMember(k(), "owner");
    admin = await makeMember(k(), "admin");
  });

  async function invite(by: TestMember, email: string, role: Member["role"]) {
    as(by);
    const res = await call(invitesRoute.POST as Handler, "POST", "/api/team/invites", { email, role });
    expect(res.status).toBe(201);
    const created = res.body!.invite as { token: string; email: string };
    const row = await k().selectFrom("invites").select("id").where("email", "=", created.email).where("used_at", "is", null).executeTakeFirstOrThrow();
    return { ...created, id: row.id };
  }
  async function pendingEmails() {
    as(owner);
    const res = await call(invitesRoute.GET as Handler, "GET", "/api/team/invites");
    return (res.body!.invites as Array<{ email: string }>).map((i) => i.email).sort();
  }
  const accept = (body: Record<string, unknown>) => {
    as(null);
    return call(acceptRoute.POST as Handler, "POST", "/api/team/invites/accept", body);
  };
  const revokedAudit = async () =>
    (await k().selectFrom("audit_log").select(["actor_email", "target", "details"]).where("action", "=", "team.invite_revoked").orderBy("id").execute()).map((r) => ({
      actor: r.actor_email,
      target: r.target,
      reason: (JSON.parse(r.details ?? "{}") as { reason?: string }).reason,
    }));

  it("an owner or admin revokes a pending invite: gone from the list, its link dead, audited; others get 403, a second revoke 404", async () => {
    const kofi = await invite(admin, "kofi@shop.ci", "marketing");
    const ama = await invite(owner, "ama@shop.ci", "support");
    for (const role of ["marketing", "support"] as const) {
      as(await makeMember(k(), role));
      expect((await call(inviteRoute.DELETE as Handler, "DELETE", `/api/team/invites/${kofi.id}`, undefined, { id: kofi.id })).status).toBe(403);
    }
    as(owner);
    expect((await call(inviteRoute.DELETE as Handler, "DELETE", `/api/team/invites/${kofi.id}`, undefined, { id: kofi.id })).status).toBe(204);
    expect(await pendingEmails()).toEqual(["ama@shop.ci"]);
    const late = await accept({ token: kofi.token, email: "kofi@shop.ci", name: "Kofi", password: "kofi long password" });
    expect(late.status).toBe(404);
    as(owner);
    expect((await call(inviteRoute.DELETE as Handler, "DELETE", `/api/team/invites/${kofi.id}`, undefined, { id: kofi.id })).status).toBe(404);
    as(admin);
    expect((await call(inviteRoute.DELETE as Handler, "DELETE", `/api/team/invites/${ama.id}`, undefined, { id: ama.id })).status).toBe(204);
    expect(await pendingEmails()).toEqual([]);
    expect(await revokedAudit()).toEqual([
      { actor: owner.member.email, target: "kofi@shop.ci", reason: "revoked" },
      { actor: admin.member.email, target: "ama@shop.ci", reason: "revoked" },
    ]);
  });

  it("admins cannot revoke an invite to become owner; owners can", async () => {
    const next = await invite(owner, "next-owner@shop.ci", "owner");
    as(admin);
    expect((await call(inviteRoute.DELETE as Handler, "DELETE", `/api/team/invites/${next.id}`, undefined, { id: next.id })).status).toBe(403);
    expect(await pendingEmails()).toEqual(["next-owner@shop.ci"]);
    as(owner);
    expect((await call(inviteRoute.DELETE as Handler, "DELETE", `/api/team/invites/${next.id}`, undefined, { id: next.id })).status).toBe(204);
  });

  it("removing a member revokes the invites they sent (audited), and only theirs", async () => {
    const a = await invite(admin, "a@shop.ci", "support");
    await invite(admin, "b@shop.ci", "admin");
    await invite(owner, "c@shop.ci", "marketing");
    as(owner);
    expect((await call(memberRoute.DELETE as Handler, "DELETE", `/api/team/members/${admin.member.id}`, undefined, { id: admin.member.id })).status).toBe(204);
    expect(await pendingEmails()).toEqual(["c@shop.ci"]);
    expect((await accept({ token: a.token, email: "a@shop.ci", name: "A", password: "a long password 1" })).status).toBe(404);
    expect((await revokedAudit()).map((e) => [e.actor, e.target, e.reason]).sort()).toEqual([
      [owner.member.email, "a@shop.ci", "inviter_removed"],
      [owner.member.email, "b@shop.ci", "inviter_removed"],
    ]);
  });

  it("demoting an owner revokes only the invites their new role could not send", async () => {
    const second = await makeMember(k(), "owner");
    await invite(second, "future-owner@shop.ci", "owner");
    await invite(second, "helper@shop.ci", "support");
    as(owner);
    const res = await call(memberRoute.PATCH as Handler, "PATCH", `/api/team/members/${second.member.id}`, { role: "admin" }, { id: second.member.id });
    expect(res.status).toBe(200);
    expect(await pendingEmails()).toEqual(["helper@shop.ci"]);
    expect((await revokedAudit()).map((e) => [e.target, e.reason])).toEqual([["future-owner@shop.ci", "inviter_role_changed"]]);
  });

  it("accepting needs the invited address: missing → 400, wrong → 400 on `email` with the link still usable, right (any case) → 201", async () => {
    const kofi = await invite(owner, "kofi@shop.ci", "marketing");
    const body = { token: kofi.token, name: "Kofi", password: "kofi long password" };
    const missing = await accept(body);
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: { field: "email" } });
    const wrong = await accept({ ...body, email: "mallory@evil.test" });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: { code: "invite_email_mismatch", field: "email" } });
    expect(await pendingEmails()).toEqual(["kofi@shop.ci"]);
    expect(await k().selectFrom("users").select("id").where("email", "=", "mallory@evil.test").execute()).toEqual([]);
    const right = await accept({ ...body, email: "  KOFI@Shop.CI " });
    expect(right.status).toBe(201);
    expect(right.body).toMatchObject({ member: { email: "kofi@shop.ci", role: "marketing" } });
    expect(await pendingEmails()).toEqual([]);
    // The refusal is in the audit log without the address that was typed.
    const refusals = await k().selectFrom("audit_log").select(["target", "details"]).where("action", "=", "team.invite_wrong_email").execute();
    expect(refusals).toHaveLength(1);
    expect(refusals[0].target).toBe("kofi@shop.ci");
    expect(refusals[0].details).not.toContain("mallory");
  });

  it(`after ${MAX_WRONG_EMAILS} wrong addresses the link is revoked, even for the right one`, async () => {
    const ama = await invite(owner, "ama@shop.ci", "support");
    const body = { token: ama.token, name: "Ama", password: "ama long password 1" };
    for (let i = 1; i < MAX_WRONG_EMAILS; i++) expect((await accept({ ...body, email: `guess${i}@shop.ci` })).status).toBe(400);
    expect(await pendingEmails()).toEqual(["ama@shop.ci"]);
    expect((await accept({ ...body, email: "last-guess@shop.ci" })).status).toBe(400);
    expect(await pendingEmails()).toEqual([]);
    expect((await accept({ ...body, email: "ama@shop.ci" })).status).toBe(404);
    expect((await revokedAudit()).map((e) => [e.actor, e.target, e.reason])).toEqual([[null, "ama@shop.ci", "wrong_emails"]]);
  });
});
