// The Downloads CSV through its route: support may not export (403, nothing read); an owner gets the
// chosen list's rows under the export rules, and the export is in the audit log.
import { NextRequest } from "next/server";
import { expect, it, vi } from "vitest";
import type { Kysely } from "kysely";
import { listAudit } from "@/lib/audit";
import type { Database } from "@/lib/db";
import { upsertSales } from "@/lib/mirror";
import { saleDetail } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";

const state = vi.hoisted(() => ({ member: null as null | { id: string; email: string; name: string | null; role: string; createdAt: string }, db: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getSessionMember: async () => state.member }));
vi.mock("@/lib/i18n/request", () => ({ currentLocale: async () => "en" }));
// The store timezone falls back to the environment's, which a test process does not configure.
vi.mock("@/lib/settings/store-timezone", () => ({ getStoreTimeZone: async () => "Africa/Abidjan" }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));
// next-intl's server entry needs a Next request: the same catalogues through its plain translator.
vi.mock("next-intl/server", () => import("@/tests/support/next-intl-server"));

const { GET } = await import("@/app/api/downloads/export.csv/route");

const signIn = (role: "owner" | "support") => {
  state.member = { id: `u-${role}`, email: `${role}@x.test`, name: null, role, createdAt: "2026-01-01T00:00:00.000Z" };
};
const get = (query: string) => GET(new NextRequest(`http://dash.test/api/downloads/export.csv?${query}`, { headers: { host: "dash.test" } }), { params: Promise.resolve({}) });

describeEachEngine("Downloads CSV route", ({ db }) => {
  async function seed() {
    state.db = db().db as Kysely<Database>;
    await upsertSales(
      db().db,
      [
        saleDetail({ id: "old_zero", status: "completed", createdAt: "2026-01-02T09:00:00.000Z", completedAt: "2026-01-02T09:00:00.000Z", downloadTotal: 0 }),
        saleDetail({ id: "old_used", status: "completed", createdAt: "2026-01-02T09:00:00.000Z", completedAt: "2026-01-02T09:00:00.000Z", downloadTotal: 4, downloadLastAt: "2026-01-03T09:00:00.000Z" }),
      ],
      { source: "detail", receivedAt: "2026-01-05T00:00:00.000Z", timeZone: "Africa/Abidjan" },
    );
  }

  it("refuses support with 403", async () => {
    await seed();
    signIn("support");
    const res = await get("list=not-accessed");
    expect(res.status).toBe(403);
    expect((await listAudit(db().db, { action: "downloads.export" }))).toHaveLength(0);
  });

  it("answers 400 naming the field for a day count outside 1–90", async () => {
    await seed();
    signIn("owner");
    const res = await get("list=not-accessed&days=91");
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("days");
  });

  it("exports the not-accessed list for an owner, audited", async () => {
    await seed();
    signIn("owner");
    const res = await get("list=not-accessed&days=3&preset=standard");
    expect(res.status).toBe(200);
    const lines = (await res.text()).replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(lines.map((l) => l.split(",")[0])).toEqual(["Sale", "old_zero"]);
    await new Promise((r) => setTimeout(r, 20));
    expect((await listAudit(db().db, { action: "downloads.export" }))[0]).toMatchObject({ actorEmail: "owner@x.test", target: "not-accessed", details: { rows: 1, completed: true } });
  });
});
