// The role matrix of every CSV export, through the real route handlers on both engines: the routes are
// discovered on disk, and each role must get 200 exactly when it may read the exported data AND export
// (tests/support/export-routes.ts declares whose data each export is), 403 otherwise — so an export can
// never be wider than the list it comes from (issue 14 #5: marketing downloaded the owner/admin team list).
import path from "node:path";
import { NextRequest } from "next/server";
import type { Kysely } from "kysely";
import { beforeEach, expect, it, vi } from "vitest";
import { ROLES, type Role } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db";
import type { Member } from "@/lib/team";
import { makeMember } from "../../factories/team";
import { EXPORT_CASES, discoverCsvRoutes, exportAllowed, paramsOf } from "../../support/export-routes";
import { describeEachEngine } from "../db/engines";

const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getSessionMember: async () => state.member }));
vi.mock("@/lib/i18n/request", () => ({ currentLocale: async () => "en" }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));
// next-intl's server entry needs a Next request: the same catalogues through its plain translator.
vi.mock("next-intl/server", () => import("@/tests/support/next-intl-server"));

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function handlerOf(route: string): Promise<Handler> {
  const mod = (await import(path.join(process.cwd(), "app", "api", route, "route.ts"))) as { GET?: Handler };
  if (!mod.GET) throw new Error(`${route} has no GET`);
  return mod.GET;
}

it("every CSV route on disk is declared with the permission of the data it exports", () => {
  const declared = [...new Set(EXPORT_CASES.map((c) => c.route))].sort();
  expect(discoverCsvRoutes()).toEqual(declared);
});

describeEachEngine("CSV exports × roles", ({ db }) => {
  const members: Partial<Record<Role, Member>> = {};
  const k = () => db().db as Kysely<Database>;

  beforeEach(async () => {
    state.db = k();
    for (const role of ROLES) members[role] = (await makeMember(k(), role)).member;
    await k().insertInto("app_settings").values({ key: "store_timezone", value: "Africa/Abidjan", updated_at: new Date().toISOString() }).execute();
  });

  it("each role gets 200 exactly when it may read the data and export it, 403 otherwise (nothing audited)", async () => {
    const seen: string[] = [];
    for (const c of EXPORT_CASES) {
      const GET = await handlerOf(c.route);
      for (const role of ROLES) {
        state.member = members[role];
        const res = await GET(new NextRequest(`http://dash.test${c.sample}`, { headers: { host: "dash.test" } }), { params: Promise.resolve(paramsOf(c.route, c.sample)) });
        const body = await res.text(); // drains a CSV stream, so its audit entry is written
        const kind = res.headers.get("content-type")?.includes("text/csv") ? "csv" : ((JSON.parse(body) as { error?: { code?: string } }).error?.code ?? body.slice(0, 100));
        seen.push(`${role} ${c.sample} → ${res.status} ${kind}`);
      }
    }
    const expected = EXPORT_CASES.flatMap((c) => ROLES.map((role) => `${role} ${c.sample} → ${exportAllowed(role, c) ? "200 csv" : "403 forbidden"}`));
    expect(seen).toEqual(expected);
    // A refused export leaves no trace of an export in the audit log; an allowed one leaves one each.
    const exports = await k().selectFrom("audit_log").select(["actor_email"]).where("action", "like", "%export%").execute();
    const refused = new Set(ROLES.filter((r) => EXPORT_CASES.every((c) => !exportAllowed(r, c))).map((r) => members[r]!.email));
    expect(exports.filter((e) => refused.has(e.actor_email ?? ""))).toEqual([]);
  });

  it("anonymous callers get 401 from every export", async () => {
    state.member = null;
    for (const c of EXPORT_CASES) {
      const res = await (await handlerOf(c.route))(new NextRequest(`http://dash.test${c.sample}`, { headers: { host: "dash.test" } }), { params: Promise.resolve(paramsOf(c.route, c.sample)) });
      expect(res.status, c.sample).toBe(401);
    }
  });
});
