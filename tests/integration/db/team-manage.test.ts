// Team management on both engines: invites (single use, expiry, hashed), role changes, removal, the
// admin/owner boundary, the last-owner rule and the audit trail with its actor.
import { expect, it } from "vitest";
import { listAudit } from "@/lib/audit";
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from "@/lib/errors";
import {
  DEMO_ACCOUNTS,
  acceptInvite,
  authenticate,
  changeRole,
  createInvite,
  ensureDemoAccounts,
  getInvite,
  listMembers,
  removeMember,
} from "@/lib/team";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "./engines";

describeEachEngine("team management", ({ db }) => {
  it("invite → look up → accept once; the second accept fails and the link is dead", async () => {
    const { db: k } = db();
    const owner = await makeMember(k, "owner");
    const invite = await createInvite(k, owner.actor, { email: " Kofi@Shop.CI", role: "marketing" });
    expect(invite).toMatchObject({ email: "kofi@shop.ci", role: "marketing" });
    const days = (Date.parse(invite.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    expect(await getInvite(k, invite.token)).toEqual({ email: "kofi@shop.ci", role: "marketing", expiresAt: invite.expiresAt });
    const member = await acceptInvite(k, { token: invite.token, email: "kofi@shop.ci", name: "Kofi", password: "kofi password 1" });
    expect(member).toMatchObject({ email: "kofi@shop.ci", role: "marketing", name: "Kofi" });
    expect((await authenticate(k, { email: "kofi@shop.ci", password: "kofi password 1", ip: null })).ok).toBe(true);

    await expect(acceptInvite(k, { token: invite.token, email: "kofi@shop.ci", name: "Mallory", password: "mallory password" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await getInvite(k, invite.token)).toBeNull();

    const audit = await listAudit(k, { action: "team." });
    expect(audit.map((a) => [a.action, a.actorEmail])).toEqual([
      ["team.invite_accepted", "kofi@shop.ci"],
      ["team.invite_created", owner.member.email],
    ]);
  });

  it("stores only a hash of the invite token", async () => {
    const { db: k } = db();
    const owner = await makeMember(k, "owner");
    const invite = await createInvite(k, owner.actor, { email: "ama@shop.ci", role: "support" });
    const rows = await k.selectFrom("invites").selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(invite.token);
  });

  it("lets exactly one of two simultaneous accepts of the same link through", async () => {
    const { db: k } = db();
    const owner = await makeMember(k, "owner");
    const { token } = await createInvite(k, owner.actor, { email: "twice@shop.ci", role: "support" });
    const results = await Promise.allSettled([
      acceptInvite(k, { token, email: "twice@shop.ci", name: "A", password: "first password" }),
      acceptInvite(k, { token, email: "twice@shop.ci", name: "B", password: "second password" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await listMembers(k)).filter((m) => m.email === "twice@shop.ci")).toHaveLength(1);
  });

  it("rejects an expired invite", async () => {
    const { db: k } = db();
    const owner = await makeMember(k, "owner");
    const { token } = await createInvite(k, owner.actor, { email: "late@shop.ci", role: "support" });
    await k.updateTable("invites").set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute();
    expect(await getInvite(k, token)).toBeNull();
    await expect(acceptInvite(k, { token, email: "late@shop.ci", name: "Late", password: "late password" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await listMembers(k)).toHaveLength(1);
  });

  it("an unknown token finds nothing; a weak password names the field and leaves the link usable", async () => {
    const { db: k } = db();
    const owner = await makeMember(k, "owner");
    expect(await getInvite(k, "made-up-token")).toBeNull();
    const { token } = await createInvite(k, owner.actor, { email: "weak@shop.ci", role: "support" });
    const error = await acceptInvite(k, { token, email: "weak@shop.ci", name: "Weak", password: "123" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe("password");
    expect(await getInvite(k, token)).not.toBeNull();
  });

  it("refuses to invite an existing member, and a new invite replaces the pending one", async () => {
    const { db: k } = db();
    const owner = await makeMember(k, "owner");
    const support = await makeMember(k, "support");
    await expect(createInvite(k, owner.actor, { email: support.member.email, role: "admin" })).rejects.toBeInstanceOf(ConflictError);
    const first = await createInvite(k, owner.actor, { email: "new@shop.ci", role: "support" });
    const second = await createInvite(k, owner.actor, { email: "new@shop.ci", role: "marketing" });
    expect(await getInvite(k, first.token)).toBeNull();
    expect((await getInvite(k, second.token))?.role).toBe("marketing");
  });

  it("only owners and admins invite, and admins cannot invite owners", async () => {
    const { db: k } = db();
    const admin = await makeMember(k, "admin");
    const marketing = await makeMember(k, "marketing");
    const support = await makeMember(k, "support");
    await expect(createInvite(k, marketing.actor, { email: "x@shop.ci", role: "support" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createInvite(k, support.actor, { email: "x@shop.ci", role: "support" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createInvite(k, admin.actor, { email: "x@shop.ci", role: "owner" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createInvite(k, admin.actor, { email: "x@shop.ci", role: "admin" })).resolves.toMatchObject({ role: "admin" });
    expect(await listAudit(k, { action: "team.invite_created" })).toHaveLength(1);
  });

  it("changes a role, with an audit entry naming the actor", async () => {
    const { db: k } = db();
    const owner = await makeMember(k, "owner");
    const support = await makeMember(k, "support");
    const changed = await changeRole(k, owner.actor, support.member.id, "marketing");
    expect(changed.role).toBe("marketing");
    expect((await listMembers(k)).find((m) => m.id === support.member.id)?.role).toBe("marketing");
    const [entry] = await listAudit(k, { action: "team.role_changed" });
    expect(entry).toMatchObject({ actorUserId: owner.member.id, actorEmail: owner.member.email, target: support.member.email, ip: "203.0.113.9" });
    expect(entry.details).toMatchObject({ from: "support", to: "marketing" });
  });

  it("admins cannot touch owners nor make anyone an owner", async () => {
    const { db: k } = db();
    const owner = await makeMember(k, "owner");
    const admin = await makeMember(k, "admin");
    const support = await makeMember(k, "support");
    await expect(changeRole(k, admin.actor, owner.member.id, "support")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeRole(k, admin.actor, support.member.id, "owner")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeRole(k, admin.actor, admin.member.id, "owner")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeMember(k, admin.actor, owner.member.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await listMembers(k)).find((m) => m.id === owner.member.id)?.role).toBe("owner");
    await expect(changeRole(k, admin.actor, support.member.id, "admin")).resolves.toMatchObject({ role: "admin" });
  });

  it("marketing cannot change roles or remove members", async () => {
    const { db: k } = db();
    await makeMember(k, "owner");
    const marketing = await makeMember(k, "marketing");
    const support = await makeMember(k, "support");
    await expect(changeRole(k, marketing.actor, support.member.id, "marketing")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeMember(k, marketing.actor, support.member.id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("uses the actor's current role, not the one in their session", async () => {
    const { db: k } = db();
    const owner = await makeMember(k, "owner");
    const admin = await makeMember(k, "admin");
    const support = await makeMember(k, "support");
    await changeRole(k, owner.actor, admin.member.id, "support");
    // admin.actor still says "admin", as a stale session token would.
    await expect(removeMember(k, admin.actor, support.member.id)).rejects.toBeInstanceOf(ForbiddenError);
    await removeMember(k, owner.actor, admin.member.id);
    await expect(createInvite(k, admin.actor, { email: "z@shop.ci", role: "support" })).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it("never demotes or removes the last owner, even themselves", async () => {
    const { db: k } = db();
    const owner = await makeMember(k, "owner");
    await expect(changeRole(k, owner.actor, owner.member.id, "admin")).rejects.toBeInstanceOf(ConflictError);
    await expect(removeMember(k, owner.actor, owner.member.id)).rejects.toBeInstanceOf(ConflictError);
    expect(await listMembers(k)).toEqual([owner.member]);

    const second = await makeMember(k, "owner");
    await changeRole(k, owner.actor, owner.member.id, "admin");
    await expect(removeMember(k, second.actor, second.member.id)).rejects.toBeInstanceOf(ConflictError);
    expect((await listMembers(k)).filter((m) => m.role === "owner").map((m) => m.id)).toEqual([second.member.id]);
  });

  it("keeps one owner when two owners demote each other at the same moment", async () => {
    const { db: k } = db();
    const a = await makeMember(k, "owner");
    const b = await makeMember(k, "owner");
    await Promise.allSettled([changeRole(k, a.actor, b.member.id, "admin"), changeRole(k, b.actor, a.member.id, "admin")]);
    expect((await listMembers(k)).filter((m) => m.role === "owner")).toHaveLength(1);
  });

  it("removes a member: they can no longer sign in, and the audit log keeps who and by whom", async () => {
    const { db: k } = db();
    const owner = await makeMember(k, "owner");
    const support = await makeMember(k, "support");
    await removeMember(k, owner.actor, support.member.id);
    expect((await listMembers(k)).map((m) => m.id)).toEqual([owner.member.id]);
    expect((await authenticate(k, { email: support.member.email, password: support.password, ip: null })).ok).toBe(false);
    const [entry] = await listAudit(k, { action: "team.member_removed" });
    expect(entry).toMatchObject({ actorEmail: owner.member.email, target: support.member.email });
    await expect(removeMember(k, owner.actor, support.member.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("seeds one demo account per role, idempotently, with the documented passwords", async () => {
    const { db: k } = db();
    const first = await ensureDemoAccounts(k);
    const second = await ensureDemoAccounts(k);
    expect(second).toEqual(first);
    expect(first.map((a) => a.role)).toEqual(["owner", "admin", "marketing", "support"]);
    expect(first[0]).toEqual({ email: "owner@demo.chariow.local", password: "demo-owner-2026", role: "owner" });
    expect(await listMembers(k)).toHaveLength(4);
    for (const account of DEMO_ACCOUNTS) {
      const r = await authenticate(k, { email: account.email, password: account.password, ip: null });
      expect(r.ok && r.user.role).toBe(account.role);
    }
    expect(await listAudit(k, { action: "user.created" })).toHaveLength(4);
  });

  it("pages the audit log backwards by id", async () => {
    const { db: k } = db();
    const owner = await makeMember(k, "owner");
    for (const email of ["a@s.ci", "b@s.ci", "c@s.ci"]) await createInvite(k, owner.actor, { email, role: "support" });
    const page1 = await listAudit(k, { limit: 2, action: "team.invite_created" });
    expect(page1.map((e) => e.target)).toEqual(["c@s.ci", "b@s.ci"]);
    const page2 = await listAudit(k, { limit: 2, action: "team.invite_created", before: String(page1[1].id) });
    expect(page2.map((e) => e.target)).toEqual(["a@s.ci"]);
  });
});
