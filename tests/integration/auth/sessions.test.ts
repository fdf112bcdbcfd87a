// Sessions through next-auth's real endpoints and the real route wrapper, on both engines: sign-out
// ends that session on the server (a saved copy of its cookie is refused afterwards; the member's other
// sessions go on), a session ends 12 hours after sign-in however often it is refreshed, and a role
// change or a removal shows on the next request, including in what /api/auth/session reports.
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from "vitest";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { changeRole, removeMember } from "@/lib/team";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";
import { Browser, startAuthServer } from "./auth-server";

const state = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));

process.env.AUTH_SECRET = "sessions-test-secret-0123456789abcdef";
delete process.env.APP_URL;
resetEnvCache();
const membersRoute = await import("@/app/api/team/members/route");

const HOUR = 60 * 60 * 1000;
let server: Awaited<ReturnType<typeof startAuthServer>>;
beforeAll(async () => {
  server = await startAuthServer({ "/api/team/members": membersRoute });
});
afterAll(async () => server?.close());
afterEach(() => {
  vi.useRealTimers();
});

/** Moves the clock next-auth and our checks read (Date only: sockets and drivers keep real timers). */
function clockAt(ms: number): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(ms);
}

describeEachEngine("sessions", ({ db }) => {
  const k = () => db().db as Kysely<Database>;
  beforeEach(() => {
    state.db = k();
  });

  it("refuses a cookie saved before sign-out, on the API and on /api/auth/session", async () => {
    const { member, password } = await makeMember(k(), "owner");
    const browser = new Browser(server.origin);
    expect(await browser.signIn(member.email, password)).toBe("ok");
    const saved = browser.copy();
    expect((await saved.request("/api/team/members")).status).toBe(200);

    await browser.signOut();
    expect((await saved.request("/api/team/members")).status).toBe(401);
    expect(await saved.session()).toBeNull();

    // Signing in again starts a fresh session that works.
    const again = new Browser(server.origin);
    expect(await again.signIn(member.email, password)).toBe("ok");
    expect((await again.request("/api/team/members")).status).toBe(200);
  });

  it("ends only the session signed out: the member's other device stays signed in", async () => {
    const { member, password } = await makeMember(k(), "admin");
    const laptop = new Browser(server.origin);
    const phone = new Browser(server.origin);
    expect(await laptop.signIn(member.email, password)).toBe("ok");
    expect(await phone.signIn(member.email, password)).toBe("ok");
    const saved = laptop.copy();
    await laptop.signOut();
    expect((await saved.request("/api/team/members")).status).toBe(401);
    expect((await phone.request("/api/team/members")).status).toBe(200);
    expect((await phone.session())?.user).toMatchObject({ email: member.email });

    // Signing out again with the dead cookie changes nothing for the live one.
    await saved.signOut();
    expect((await phone.request("/api/team/members")).status).toBe(200);
  });

  it("ends a session 12 hours after sign-in, even when it was refreshed in between", async () => {
    const { member, password } = await makeMember(k(), "owner");
    const signedInAt = Date.UTC(2026, 5, 1, 8, 0, 0);
    clockAt(signedInAt);
    const browser = new Browser(server.origin);
    expect(await browser.signIn(member.email, password)).toBe("ok");
    const endsAt = new Date(signedInAt + 12 * HOUR).toISOString();

    clockAt(signedInAt + 11 * HOUR);
    const refreshed = await browser.session(); // next-auth re-issues the cookie with a later expiry
    expect(refreshed?.user?.email).toBe(member.email);
    expect(refreshed?.expires).toBe(endsAt);
    expect((await browser.request("/api/team/members")).status).toBe(200);

    clockAt(signedInAt + 12 * HOUR + 1000);
    expect((await browser.request("/api/team/members")).status).toBe(401);
    expect(await browser.session()).toBeNull();
  });

  it("reports the current role at once after a role change, and nothing after a removal", async () => {
    const owner = await makeMember(k(), "owner");
    const { member, password } = await makeMember(k(), "admin");
    const browser = new Browser(server.origin);
    expect(await browser.signIn(member.email, password)).toBe("ok");
    expect((await browser.session())?.user).toMatchObject({ email: member.email, role: "admin" });
    expect((await browser.request("/api/team/members")).status).toBe(200);

    await changeRole(k(), owner.actor, member.id, "support");
    expect((await browser.session())?.user).toMatchObject({ email: member.email, role: "support" });
    expect((await browser.request("/api/team/members")).status).toBe(403);

    await removeMember(k(), owner.actor, member.id);
    expect((await browser.request("/api/team/members")).status).toBe(401);
    expect(await browser.session()).toBeNull();
  });
});
