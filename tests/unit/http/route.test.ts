// The route wrapper is the one gate of every /api handler: these tests pin what a caller relies on —
// 401 before anything, same-origin on mutations, can() for the role, 400 naming the field, typed errors
// mapped to their status, and no internals in a 500.
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ConflictError, ThrottledError } from "@/lib/errors";

const session = vi.hoisted(() => ({ member: null as null | { id: string; email: string; name: string | null; role: string; createdAt: string } }));
vi.mock("@/lib/auth/session", () => ({ getSessionMember: async () => session.member }));

const { route } = await import("@/lib/http/route");

const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const ORIGIN = "http://dash.test";

function req(method: string, path: string, opts: { body?: unknown; headers?: Record<string, string> } = {}) {
  return new NextRequest(`${ORIGIN}${path}`, {
    method,
    headers: { host: "dash.test", ...(opts.body !== undefined ? { "content-type": "application/json" } : {}), ...opts.headers },
    body: opts.body === undefined ? undefined : typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body),
  });
}

function signedInAs(role: "owner" | "admin" | "marketing" | "support") {
  session.member = { id: `u-${role}`, email: `${role}@x.test`, name: null, role, createdAt: "2026-01-01T00:00:00.000Z" };
}

beforeEach(() => {
  session.member = null;
});

describe("route()", () => {
  const handler = vi.fn(async () => ({ ok: true }));
  const guarded = route({ permission: "team:manage", schema: z.object({ email: z.email() }) }, handler);

  it("answers 401 JSON to an anonymous caller before checking anything else", async () => {
    const res = await guarded(req("POST", "/api/x", { body: { email: "bad" }, headers: { origin: "https://evil.test" } }), ctx());
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses a cross-site mutation (Origin of another site, Sec-Fetch-Site cross-site, or neither)", async () => {
    signedInAs("owner");
    const attempts: Array<Record<string, string>> = [{ origin: "https://evil.test" }, { "sec-fetch-site": "cross-site" }, {}];
    for (const headers of attempts) {
      const res = await guarded(req("POST", "/api/x", { body: { email: "a@b.test" }, headers }), ctx());
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe("csrf");
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers 403 when the role lacks the permission", async () => {
    signedInAs("marketing");
    const res = await guarded(req("POST", "/api/x", { body: { email: "a@b.test" }, headers: { origin: ORIGIN } }), ctx());
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
  });

  it("answers 400 naming the bad field, and on a body that is not JSON", async () => {
    signedInAs("admin");
    const bad = await guarded(req("POST", "/api/x", { body: { email: "nope" }, headers: { "sec-fetch-site": "same-origin" } }), ctx());
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: "invalid_input", field: "email" });
    const garbled = await guarded(req("POST", "/api/x", { body: "{not json", headers: { origin: ORIGIN } }), ctx());
    expect(garbled.status).toBe(400);
  });

  it("passes parsed input, params and the actor to the handler", async () => {
    signedInAs("owner");
    const seen = vi.fn(async () => ({ ok: true }));
    // The actor's IP is the socket peer `npm start`'s server appended (the last entry), not the caller's claim.
    const r = route({ permission: "team:manage", params: z.object({ id: z.string() }), schema: z.object({ role: z.enum(["support"]) }) }, seen);
    const res = await r(req("PATCH", "/api/x/42", { body: { role: "support" }, headers: { origin: ORIGIN, "x-forwarded-for": "203.0.113.9, 10.0.0.1" } }), ctx({ id: "42" }));
    expect(res.status).toBe(200);
    expect(seen).toHaveBeenCalledWith(
      expect.objectContaining({ input: { role: "support" }, params: { id: "42" }, actor: { id: "u-owner", email: "owner@x.test", role: "owner", ip: "10.0.0.1" } }),
    );
  });

  it("reads GET input from the query string and needs no origin", async () => {
    signedInAs("support");
    const r = route({ schema: z.object({ limit: z.coerce.number().int() }) }, async ({ input }) => ({ limit: input.limit }));
    const res = await r(req("GET", "/api/x?limit=7"), ctx());
    expect(await res.json()).toEqual({ limit: 7 });
  });

  it("maps typed errors to their status and hides anything else", async () => {
    signedInAs("owner");
    const conflict = await route({}, async () => {
      throw new ConflictError("already a member", "email");
    })(req("GET", "/api/x"), ctx());
    expect(conflict.status).toBe(409);
    expect((await conflict.json()).error).toEqual({ code: "conflict", message: "already a member", field: "email" });

    const throttled = await route({}, async () => {
      throw new ThrottledError(42.2);
    })(req("GET", "/api/x"), ctx());
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("43");

    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const boom = await route({}, async () => {
      throw new Error("SQLITE_ERROR near users: password_hash secret-detail");
    })(req("GET", "/api/x"), ctx());
    spy.mockRestore();
    expect(boom.status).toBe(500);
    const text = await boom.text();
    expect(text).not.toContain("secret-detail");
    expect(JSON.parse(text)).toEqual({ error: { code: "internal", message: "Internal error" } });
  });

  it("lets public routes through without a session, still checking the origin", async () => {
    const r = route({ auth: false, schema: z.object({ token: z.string() }) }, async ({ member }) => ({ member }));
    expect((await r(req("POST", "/api/x", { body: { token: "t" }, headers: { origin: ORIGIN } }), ctx())).status).toBe(200);
    expect((await r(req("POST", "/api/x", { body: { token: "t" }, headers: { origin: "https://evil.test" } }), ctx())).status).toBe(403);
  });
  it("an export needs the permission of the data it exports AND export:csv (exportOf)", async () => {
    const teamCsv = route({ exportOf: "team:read" }, async () => new Response("csv"));
    // Marketing may export CSV but not read the team; support may do neither; admins may do both.
    for (const [role, status] of [["marketing", 403], ["support", 403], ["admin", 200], ["owner", 200]] as const) {
      signedInAs(role);
      expect((await teamCsv(req("GET", "/api/team/members/export.csv"), ctx())).status, role).toBe(status);
    }
    session.member = null;
    expect((await teamCsv(req("GET", "/api/team/members/export.csv"), ctx())).status).toBe(401);
  });
});
