// Request body size cap (issue 14 #1), through the real route handlers on both engines: a body over the
// limit is a 413 naming the limit — whether it declares its size (Content-Length) or streams it without
// one (chunked) — and the stream is cancelled after at most the limit plus one chunk, so an upload costs
// the server the limit, not its own size. The public invite acceptance was the reported case.
import { NextRequest } from "next/server";
import type { Kysely } from "kysely";
import { beforeEach, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db";
import type { Member } from "@/lib/team";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";

const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getSessionMember: async () => state.member }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));
vi.stubEnv("AUTH_SECRET", "body-limit-test-secret-0123456789abcdef");

const accept = await import("@/app/api/team/invites/accept/route");
const leads = await import("@/app/api/recovery/leads/route");
const templates = await import("@/app/api/recovery/templates/route");
const invitations = await import("@/app/api/affiliates/invitations/route");
const syncRun = await import("@/app/api/sync/run/route");
const nextAuth = await import("@/app/api/auth/[...nextauth]/route");

const LIMIT = 64 * 1024;
const CHUNK = 16 * 1024;
const SAME_ORIGIN = { host: "dash.test", origin: "http://dash.test", "content-type": "application/json" };
/** NextRequest's init, plus `duplex` (needed for a stream body, missing from its type). */
type StreamInit = ConstructorParameters<typeof NextRequest>[1];
type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** An endless upload that counts what the server pulled and whether it hung up. */
function countingStream(chunk = CHUNK, total = 300 * 1024 * 1024) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (seen.pulled >= total) return controller.close();
        seen.pulled += chunk;
        controller.enqueue(new Uint8Array(chunk).fill(0x20)); // spaces: valid JSON whitespace, never a parse error
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

function post(path: string, body: BodyInit, headers: Record<string, string> = {}, method = "POST"): NextRequest {
  return new NextRequest(`http://dash.test${path}`, { method, headers: { ...SAME_ORIGIN, ...headers }, body, duplex: "half" } as StreamInit);
}

async function call(handler: Handler, req: NextRequest): Promise<Response> {
  return handler(req, { params: Promise.resolve({}) });
}

async function expectTooLarge(res: Response, limit = LIMIT) {
  expect(res.status).toBe(413);
  const body = (await res.json()) as { error: { code: string; message: string; limitBytes: number } };
  expect(body.error.code).toBe("payload_too_large");
  expect(body.error.limitBytes).toBe(limit);
  expect(body.error.message).toContain(limit === LIMIT ? "64 KB" : "1 MB");
}

describeEachEngine("request body size cap", ({ db }) => {
  let owner: Member;
  beforeEach(async () => {
    state.db = db().db as Kysely<Database>;
    owner = (await makeMember(db().db as Kysely<Database>, "owner")).member;
    state.member = null;
  });

  const bigJson = (bytes: number) => JSON.stringify({ token: "t", name: "n", password: "x".repeat(bytes) });

  it("public invite acceptance: a 300 KB body is a 413 naming the limit", async () => {
    const body = bigJson(300 * 1024);
    await expectTooLarge(await call(accept.POST, post("/api/team/invites/accept", body, { "content-length": String(Buffer.byteLength(body)) })));
  });

  it("public invite acceptance: a declared Content-Length over the limit is refused before the body is touched", async () => {
    const { stream, seen } = countingStream();
    await expectTooLarge(await call(accept.POST, post("/api/team/invites/accept", stream, { "content-length": String(300 * 1024 * 1024) })));
    expect(seen.pulled).toBe(0);
  });

  it("public invite acceptance: a chunked body over the limit (no Content-Length) is cut off after the limit plus one chunk", async () => {
    const { stream, seen } = countingStream();
    const req = post("/api/team/invites/accept", stream);
    expect(req.headers.get("content-length")).toBeNull();
    await expectTooLarge(await call(accept.POST, req));
    expect(seen.pulled).toBeGreaterThan(LIMIT);
    expect(seen.pulled).toBeLessThanOrEqual(LIMIT + CHUNK);
    expect(seen.cancelled).toBe(true);
  });

  it("public invite acceptance: a body under the limit is read and judged on its content (not a 413)", async () => {
    const res = await call(accept.POST, post("/api/team/invites/accept", JSON.stringify({ token: "no-such-token", name: "N", password: "a long enough password" })));
    expect(res.status).not.toBe(413);
    expect(res.status).toBeLessThan(500);
  });

  it("signed-in routes: the same cap, and a route without an input refuses an oversized upload too", async () => {
    state.member = owner;
    const { stream, seen } = countingStream();
    await expectTooLarge(await call(leads.POST, post("/api/recovery/leads", stream)));
    expect(seen.pulled).toBeLessThanOrEqual(LIMIT + CHUNK);
    const run = countingStream();
    await expectTooLarge(await call(syncRun.POST, post("/api/sync/run", run.stream)));
    expect(run.seen.pulled).toBeLessThanOrEqual(LIMIT + CHUNK);
    expect(run.seen.cancelled).toBe(true);
  });

  it("an anonymous caller's chunked upload is not read at all on a signed-in route (401 first)", async () => {
    const { stream, seen } = countingStream();
    const res = await call(leads.POST, post("/api/recovery/leads", stream));
    expect(res.status).toBe(401);
    expect(seen.pulled).toBe(0);
  });

  it("the largest legitimate bodies fit the default: 500 sale ids of 100 characters and a 2,000-character note", async () => {
    state.member = owner;
    const saleIds = Array.from({ length: 500 }, (_, i) => `sal_${String(i).padStart(96, "0")}`);
    const body = JSON.stringify({ saleIds, note: "é€".repeat(1000), state: "contacted" });
    expect(Buffer.byteLength(body)).toBeGreaterThan(55_000);
    const res = await call(leads.POST, post("/api/recovery/leads", body));
    expect(res.status).not.toBe(413);
    expect(res.status).toBeLessThan(500);
    const saved = await call(templates.PUT, post("/api/recovery/templates", JSON.stringify({ fr: "€".repeat(1000), en: "{link}".repeat(166) }), {}, "PUT"));
    expect(saved.status).toBe(200);
  });

  it("affiliate invitations raise their own cap to 1 MB: a 200,000-character paste is read, 1 MB more is a 413", async () => {
    state.member = owner;
    const paste = Array.from({ length: 500 }, (_, i) => `"Éloïse Nguyễn ${i}" <${"a".repeat(200)}${i}@example.com>`).join("\n").slice(0, 200_000);
    const res = await call(invitations.POST, post("/api/affiliates/invitations", JSON.stringify({ emails: paste })));
    expect(res.status).not.toBe(413);
    const { stream } = countingStream();
    await expectTooLarge(await call(invitations.POST, post("/api/affiliates/invitations", stream)), 1024 * 1024);
  });

  it("next-auth's endpoints (outside route()): an oversized sign-in form is a 413, cut off after the limit", async () => {
    const { stream, seen } = countingStream();
    const req = new NextRequest("http://dash.test/api/auth/callback/credentials", {
      method: "POST",
      headers: { host: "dash.test", "content-type": "application/x-www-form-urlencoded" },
      body: stream,
      duplex: "half",
    } as StreamInit);
    await expectTooLarge(await nextAuth.POST(req));
    expect(seen.pulled).toBeLessThanOrEqual(LIMIT + CHUNK);
    expect(seen.cancelled).toBe(true);
    const declared = new NextRequest("http://dash.test/api/auth/signout", { method: "POST", headers: { host: "dash.test", "content-length": String(LIMIT + 1) }, body: "x" });
    await expectTooLarge(await nextAuth.POST(declared));
  });

  it("next-auth still answers a small form (the capped body is handed on intact)", async () => {
    const csrf = await nextAuth.GET(new NextRequest("http://dash.test/api/auth/csrf", { headers: { host: "dash.test" } }));
    expect(csrf.status).toBe(200);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const res = await nextAuth.POST(
      new NextRequest("http://dash.test/api/auth/signout", {
        method: "POST",
        headers: { host: "dash.test", cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, callbackUrl: "http://dash.test/login" }).toString(),
      }),
    );
    // A valid CSRF token read from the forwarded body: next-auth signs out and redirects (302), where a
    // lost body would be a MissingCSRF error page.
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("http://dash.test/login");
  });
});
