// Tapping WhatsApp or e-mail in the Recovery inbox marks the lead contacted: POST
// /api/recovery/leads/{id}/contacted through its real handler on both engines. An open lead becomes
// contacted (first contact time, by whom), with one audit entry naming the channel; a second tap — or two
// at once — changes and audits nothing more; won, lost and already-contacted leads keep their state; a
// sale that is not a lead is a 404; the input is checked (400 naming the field), the session (401) and the
// origin (403) too. Every role may act on recovery (recovery:write), so none is refused by role.
import { NextRequest } from "next/server";
import type { Kysely } from "kysely";
import { beforeEach, expect, it, vi } from "vitest";
import { ROLES, can, type Role } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db";
import { upsertSales } from "@/lib/mirror";
import { leadFirstContact, listLeads, updateLeads } from "@/lib/recovery";
import type { Member } from "@/lib/team";
import { saleDetail } from "../../factories/sales";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";

const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getSessionMember: async () => state.member }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));

const contactedRoute = await import("@/app/api/recovery/leads/[id]/contacted/route");

const ORIGIN = "http://dash.test";
type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const handler = contactedRoute.POST as Handler;

async function tap(id: string, body: unknown = { channel: "whatsapp" }, headers: Record<string, string> = { origin: ORIGIN }): Promise<{ status: number; json: Record<string, unknown> }> {
  const req = new NextRequest(`${ORIGIN}/api/recovery/leads/${encodeURIComponent(id)}/contacted`, {
    method: "POST",
    headers: { host: "dash.test", "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const res = await handler(req, { params: Promise.resolve({ id }) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describeEachEngine("Marking a lead contacted from the inbox", ({ db }) => {
  const k = () => db().db as Kysely<Database>;
  const members: Partial<Record<Role, Member>> = {};
  const audit = async (target: string) =>
    (await k().selectFrom("audit_log").selectAll().where("target", "=", target).where("action", "like", "recovery.%").orderBy("id").execute()).map((a) => ({
      action: a.action,
      actor: a.actor_email,
      details: JSON.parse(a.details ?? "null") as unknown,
    }));
  const stored = (id: string) => k().selectFrom("recovery_leads").selectAll().where("sale_id", "=", id).executeTakeFirst();

  beforeEach(async () => {
    state.db = k();
    for (const role of ROLES) members[role] = (await makeMember(k(), role)).member;
    state.member = members.support;
    const day = "2026-05-01T10:00:00Z";
    await upsertSales(
      k(),
      ["open1", "open2", "assigned", "won", "lost", "contacted"].map((id) => saleDetail({ id, status: "failed", customerId: `cus_${id}`, createdAt: day, failedAt: day }))
        .concat([saleDetail({ id: "cart", status: "abandoned", customerId: "cus_cart", createdAt: day, abandonedAt: day }), saleDetail({ id: "paid", status: "completed", createdAt: day })]),
      { source: "detail", receivedAt: "2026-05-02T00:00:00Z", timeZone: "Africa/Abidjan" },
    );
    const owner = { id: members.owner!.id, email: members.owner!.email, role: members.owner!.role };
    await updateLeads(k(), owner, { saleIds: ["won"], state: "won" });
    await updateLeads(k(), owner, { saleIds: ["lost"], state: "lost" });
    await updateLeads(k(), owner, { saleIds: ["contacted"], state: "contacted" });
    await updateLeads(k(), owner, { saleIds: ["assigned"], assignedTo: members.marketing!.id, note: "Rappeler après 18 h" });
  });

  it("turns an open lead contacted, by whom and when, audited once with the channel", async () => {
    const before = Date.now();
    expect(await tap("open1")).toEqual({ status: 200, json: { state: "contacted", changed: true } });
    const row = await stored("open1");
    expect(row).toMatchObject({ state: "contacted", updated_by: members.support!.id });
    expect(Date.parse(row!.contacted_at!)).toBeGreaterThanOrEqual(before - 1000);
    expect(await audit("open1")).toEqual([{ action: "recovery.lead_contacted", actor: members.support!.email, details: { channel: "whatsapp", previousState: "open", state: "contacted" } }]);
    expect(await leadFirstContact(k(), "open1")).toMatchObject({ channel: "whatsapp", actorEmail: members.support!.email });
    // The worklist reads it: contacted, with its first contact time.
    const lead = (await listLeads(k(), { from: "2026-05-01", to: "2026-05-01" }, { windowDays: 14 })).find((l) => l.saleId === "open1");
    expect(lead).toMatchObject({ state: "contacted", contactedAt: row!.contacted_at });

    // An abandoned cart by e-mail, the same way.
    expect(await tap("cart", { channel: "email" })).toEqual({ status: 200, json: { state: "contacted", changed: true } });
    expect((await audit("cart")).map((a) => a.details)).toEqual([{ channel: "email", previousState: "open", state: "contacted" }]);
  });

  it("keeps the note and assignee of an open lead that already has a row", async () => {
    expect(await tap("assigned")).toEqual({ status: 200, json: { state: "contacted", changed: true } });
    expect(await stored("assigned")).toMatchObject({ state: "contacted", note: "Rappeler après 18 h", assigned_to: members.marketing!.id });
    expect((await audit("assigned")).map((a) => a.action)).toEqual(["recovery.lead_updated", "recovery.lead_contacted"]);
  });

  it("is idempotent: a second tap, or two at once, change and audit nothing more", async () => {
    await tap("open1");
    const first = await stored("open1");
    expect(await tap("open1", { channel: "email" })).toEqual({ status: 200, json: { state: "contacted", changed: false } });
    expect(await stored("open1")).toEqual(first);
    expect((await audit("open1")).length).toBe(1);

    const both = await Promise.all([tap("open2"), tap("open2")]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(both.map((r) => r.json.changed).sort()).toEqual([false, true]);
    expect((await audit("open2")).map((a) => a.action)).toEqual(["recovery.lead_contacted"]);
  });

  it("never downgrades a won or lost lead, nor re-dates a contacted one", async () => {
    const contactedBefore = await stored("contacted");
    for (const id of ["won", "lost", "contacted"]) {
      const res = await tap(id);
      expect(res).toEqual({ status: 200, json: { state: id, changed: false } });
      expect((await audit(id)).map((a) => a.action)).toEqual(["recovery.lead_updated"]);
    }
    expect(await stored("contacted")).toEqual(contactedBefore);
  });

  it("refuses a sale that is not a lead, a bad channel, no session and another site", async () => {
    expect((await tap("paid")).status).toBe(404);
    expect((await tap("nope")).status).toBe(404);
    const bad = await tap("open1", { channel: "sms" });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: "invalid_input", field: "channel" });
    expect((await tap("open1", {})).json.error).toMatchObject({ field: "channel" });
    const crossSite = await tap("open1", { channel: "whatsapp" }, { origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    expect((crossSite.json.error as { code: string }).code).toBe("csrf");
    state.member = null;
    expect((await tap("open1")).status).toBe(401);
    expect(await stored("open1")).toBeUndefined();
    expect(await audit("open1")).toEqual([]);
  });

  it("lets every role mark a lead: all four may act on recovery (recovery:write)", async () => {
    for (const role of ROLES) {
      state.member = members[role];
      const res = await tap("open1");
      expect(res.status, role).toBe(can(role, "recovery:write") ? 200 : 403);
    }
    expect((await audit("open1")).length).toBe(1);
  });
});
