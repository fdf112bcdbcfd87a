// Licences (issue 9) against the simulator on both engines: the /licenses walk fills the mirror to the
// simulator's truth per status (resumable page by page), an activate / revoke in the simulator reaches
// the view by re-sync and by licence Pulse, and the API routes reveal (audited, every role) and export
// (masked for export:csv, in clear only for licences:keys, 403 otherwise).
import { NextRequest } from "next/server";
import { afterEach, expect, it, vi } from "vitest";
import { createVirtualClock } from "@/lib/chariow";
import { licenceCountsByStatus, listLicences } from "@/lib/licences";
import { createMirrorSink } from "@/lib/pulses/mirror-sink";
import { createPulseQueue, receivePulse } from "@/lib/pulses";
import { runLicencesSlice } from "@/lib/sync";
import { startSimulator, type RunningSimulator } from "@/simulator/index";
import { describeEachEngine } from "../db/engines";
import { startPulseEndpoint, until } from "../pulses/helpers";
import { NOW, control, startTestSimulator, testClient, testContext } from "../sync/harness";

const session = vi.hoisted(() => ({ member: null as null | { id: string; email: string; name: string | null; role: string; createdAt: string } }));
vi.mock("@/lib/auth/session", () => ({ getSessionMember: async () => session.member }));
vi.mock("@/lib/i18n/request", () => ({ currentLocale: async () => "en" }));
// next-intl's server entry needs a Next request: the same catalogues through its plain translator.
vi.mock("next-intl/server", () => import("@/tests/support/next-intl-server"));

const { GET: listRoute } = await import("@/app/api/licences/route");
const { POST: revealRoute } = await import("@/app/api/licences/[id]/reveal/route");
const { GET: exportRoute } = await import("@/app/api/licences/export.csv/route");

// The export reads the store timezone, whose default comes from the validated environment.
vi.stubEnv("AUTH_SECRET", "s".repeat(32));

const ORIGIN = "http://dash.test";
const holder = globalThis as typeof globalThis & { __chariowDb?: Promise<unknown> };
let sim: RunningSimulator | null = null;
let endpoint: { close(): Promise<void> } | null = null;

afterEach(async () => {
  await sim?.close();
  await endpoint?.close();
  sim = null;
  endpoint = null;
  session.member = null;
  holder.__chariowDb = undefined;
});

function as(role: "owner" | "admin" | "marketing" | "support") {
  session.member = { id: `u-${role}`, email: `${role}@x.test`, name: null, role, createdAt: "2026-01-01T00:00:00.000Z" };
}
const request = (method: string, path: string) => new NextRequest(`${ORIGIN}${path}`, { method, headers: { host: "dash.test", ...(method === "POST" ? { origin: ORIGIN } : {}) } });
const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const withoutNone = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([s]) => s !== "none"));

describeEachEngine("Licences", ({ db }) => {
  async function synced() {
    const started = await startTestSimulator({ sales: 1200 });
    sim = started.sim;
    const sync = testContext(db().db, testClient(sim, started.clock), started.clock);
    return { sim, sync };
  }

  it("the /licenses walk fills the mirror to the truth per status, one saved page at a time", async () => {
    const { sim, sync } = await synced();
    const truth = sim.truth();
    expect(truth.licences).toBeGreaterThan(100); // more than one page, so resuming is exercised
    const first = await runLicencesSlice(sync, 1, { ignoreBackfill: true });
    expect(first).toMatchObject({ requests: 1, licencesSeen: 100, passDone: false });
    const rest = await runLicencesSlice(sync, Number.POSITIVE_INFINITY, { ignoreBackfill: true });
    expect(rest.passDone).toBe(true);
    expect(first.requests + rest.requests).toBe(Math.ceil(truth.licences / 100));
    expect(await licenceCountsByStatus(db().db)).toEqual(withoutNone(truth.licencesByStatus));
    const { rows, total } = await listLicences(db().db, {}, { limit: 5000 });
    expect(total).toBe(truth.licences);
    expect(rows.filter((r) => r.saleId === null)).toEqual([]); // the simulator names every licence's sale
    expect(rows.every((r) => r.productName !== null && r.customerEmail !== null)).toBe(true);
    // The view never carries a key in clear.
    const keys = await db().db.selectFrom("sale_licences").select("licence_key").execute();
    const shown = JSON.stringify(rows);
    expect(keys.filter((k) => k.licence_key && shown.includes(k.licence_key))).toEqual([]);
  });

  it("the filters pick exactly the licences of a status, of a product, and expiring within N days", async () => {
    const { sync } = await synced();
    await runLicencesSlice(sync, Number.POSITIVE_INFINITY, { ignoreBackfill: true });
    const all = await db().db.selectFrom("sale_licences").select(["licence_id", "status", "expires_at", "product_id"]).execute();
    const ids = (rows: { licenceId: string }[]) => rows.map((r) => r.licenceId).sort();
    const active = await listLicences(db().db, { status: "active" }, { limit: 5000 });
    expect(ids(active.rows)).toEqual(all.filter((l) => l.status === "active").map((l) => l.licence_id).sort());
    const product = all[0].product_id!;
    expect(ids((await listLicences(db().db, { product }, { limit: 5000 })).rows)).toEqual(all.filter((l) => l.product_id === product).map((l) => l.licence_id).sort());
    const now = NOW;
    const in90 = new Date(now.getTime() + 90 * 86_400_000).toISOString();
    const expected = all.filter((l) => l.expires_at && l.expires_at >= now.toISOString() && l.expires_at <= in90 && l.status !== "revoked" && l.status !== "expired");
    expect(expected.length).toBeGreaterThan(0);
    expect(ids((await listLicences(db().db, { expiringWithinDays: 90 }, { now, limit: 5000 })).rows)).toEqual(expected.map((l) => l.licence_id).sort());
  });

  it("an activation and a revocation in the simulator reach the view on the next walk", async () => {
    const { sim, sync } = await synced();
    await runLicencesSlice(sync, Number.POSITIVE_INFINITY, { ignoreBackfill: true });
    const pending = await db().db.selectFrom("sale_licences").selectAll().where("status", "=", "pending_activation").executeTakeFirstOrThrow();
    const active = await db().db.selectFrom("sale_licences").selectAll().where("status", "=", "active").executeTakeFirstOrThrow();
    expect((await control(sim, `/licenses/${pending.licence_key}/activate`)).status).toBe(200);
    expect((await control(sim, `/licenses/${active.licence_key}/revoke`)).status).toBe(200);
    await runLicencesSlice(sync, Number.POSITIVE_INFINITY, { ignoreBackfill: true });
    const after = (id: string) => db().db.selectFrom("sale_licences").select(["status", "activations"]).where("licence_id", "=", id).executeTakeFirstOrThrow();
    expect(await after(pending.licence_id)).toEqual({ status: "active", activations: (pending.activations ?? 0) + 1 });
    expect((await after(active.licence_id)).status).toBe("revoked");
    expect((await listLicences(db().db, { status: "revoked" }, { limit: 5000 })).rows.map((r) => r.licenceId)).toContain(active.licence_id);
    expect(await licenceCountsByStatus(db().db)).toEqual(withoutNone(sim.truth().licencesByStatus));
  });

  it("a licence Pulse from the simulator updates the view without spending a request", async () => {
    const clock = createVirtualClock(NOW.getTime());
    const queue = createPulseQueue({ db: async () => db().db, sink: async () => createMirrorSink(db().db, { timeZone: async () => "UTC" }) });
    endpoint = await startPulseEndpoint((req) => receivePulse(req, { db: db().db, secrets: { pulse_demo: "whsec_lic" }, onAccepted: queue.enqueue }));
    sim = await startSimulator({
      port: 0, seed: 7, rateLimit: 0, sales: 1200, now: new Date(NOW.toISOString().slice(0, 10) + "T00:00:00Z"), clock: { now: () => clock.now() },
      pulse: { url: (endpoint as unknown as { url: string }).url, secret: "whsec_lic", retryDelaysMs: [20, 20, 20, 20] },
    });
    await runLicencesSlice(testContext(db().db, testClient(sim, clock), clock), Number.POSITIVE_INFINITY, { ignoreBackfill: true });
    const target = await db().db.selectFrom("sale_licences").selectAll().where("status", "=", "pending_activation").executeTakeFirstOrThrow();
    const requestsBefore = sim.requestCount();
    expect((await control(sim, `/licenses/${target.licence_key}/activate`)).status).toBe(200);
    const statusOf = async () => (await db().db.selectFrom("sale_licences").select("status").where("licence_id", "=", target.licence_id).executeTakeFirstOrThrow()).status;
    await until(async () => (await statusOf()) === "active");
    await queue.idle();
    expect((await listLicences(db().db, { status: "active" }, { limit: 5000 })).rows.map((r) => r.licenceId)).toContain(target.licence_id);
    expect(sim.requestCount()).toBe(requestsBefore);
  });

  it("reveal: every role gets the key and leaves an audit entry; the CSV masks keys unless an owner/admin asks", async () => {
    const { sync } = await synced();
    holder.__chariowDb = Promise.resolve(db());
    await runLicencesSlice(sync, Number.POSITIVE_INFINITY, { ignoreBackfill: true });
    const licence = await db().db.selectFrom("sale_licences").selectAll().where("licence_key", "is not", null).executeTakeFirstOrThrow();
    for (const role of ["marketing", "support"] as const) {
      as(role);
      const res = await revealRoute(request("POST", `/api/licences/${licence.licence_id}/reveal`), ctx({ id: licence.licence_id }));
      expect(res.status).toBe(200);
      expect((await res.json()).key).toBe(licence.licence_key);
    }
    const audit = await db().db.selectFrom("audit_log").select(["action", "target", "actor_email"]).where("action", "=", "licence.reveal").orderBy("id").execute();
    expect(audit).toEqual([
      { action: "licence.reveal", target: licence.licence_id, actor_email: "marketing@x.test" },
      { action: "licence.reveal", target: licence.licence_id, actor_email: "support@x.test" },
    ]);
    as("marketing");
    expect((await revealRoute(request("POST", "/api/licences/lic_nope/reveal"), ctx({ id: "lic_nope" }))).status).toBe(404);
    const listed = await listRoute(request("GET", "/api/licences?status=bogus"), ctx());
    expect(listed.status).toBe(400);
    expect((await listed.json()).error.message).toMatch(/^status/);

    const allKeys = (await db().db.selectFrom("sale_licences").select("licence_key").execute()).map((k) => k.licence_key!).filter(Boolean);
    expect((await exportRoute(request("GET", "/api/licences/export.csv?keys=clear&preset=standard"), ctx())).status).toBe(403);
    as("support");
    expect((await exportRoute(request("GET", "/api/licences/export.csv?preset=standard"), ctx())).status).toBe(403);
    as("marketing");
    const masked = await (await exportRoute(request("GET", "/api/licences/export.csv?preset=standard"), ctx())).text();
    const lines = masked.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines).toHaveLength(allKeys.length + 1);
    expect(lines.slice(1).every((l) => /^[^,]+,[^,]{0,4}••••,/.test(l))).toBe(true);
    expect(allKeys.filter((k) => masked.includes(k))).toEqual([]);
    as("admin");
    const clear = await (await exportRoute(request("GET", "/api/licences/export.csv?keys=clear&preset=standard"), ctx())).text();
    expect(allKeys.every((k) => clear.includes(k))).toBe(true);
    const exports = await db().db.selectFrom("audit_log").select(["actor_email", "details"]).where("action", "=", "licences.export").orderBy("id").execute();
    expect(exports.map((e) => [e.actor_email, JSON.parse(e.details ?? "{}").keys])).toEqual([["marketing@x.test", "masked"], ["admin@x.test", "clear"]]);
  });
});
