// Sign-in through next-auth's real credentials endpoint behind `npm start`'s server, from real loopback
// sockets (127.0.0.2, 127.0.0.3…), on both engines: a forged X-Forwarded-For neither dodges the per-IP
// throttle nor lands in the audit log, a declared proxy hop is believed, and a stranger's failures do
// not keep the owner out once the current delay has passed.
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from "vitest";
import type { Kysely } from "kysely";
import { listAudit } from "@/lib/audit";
import type { Database } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";
import { Browser, startAuthServer } from "./auth-server";

const state = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));

process.env.AUTH_SECRET = "sign-in-address-test-secret-0123456789";
delete process.env.APP_URL;
delete process.env.TRUSTED_PROXIES;
resetEnvCache();

let server: Awaited<ReturnType<typeof startAuthServer>>;
beforeAll(async () => {
  server = await startAuthServer({});
});
afterAll(async () => server?.close());
afterEach(() => {
  vi.useRealTimers();
  delete process.env.TRUSTED_PROXIES;
});

describeEachEngine("sign-in address", ({ db }) => {
  const k = () => db().db as Kysely<Database>;
  beforeEach(() => {
    state.db = k();
  });

  it("throttles 30 failures from one socket per IP however the X-Forwarded-For header rotates, and audits the socket address", async () => {
    const attacker = new Browser(server.origin, "127.0.0.2");
    const outcomes: string[] = [];
    for (let i = 0; i < 30; i++) {
      // A different (unknown) account each time, so only the per-IP limit can stop this.
      outcomes.push(await attacker.signIn(`victim${i}@shop.test`, "Password1!", { "x-forwarded-for": `198.51.100.${i + 1}` }));
    }
    expect(outcomes.slice(0, 20)).toEqual(Array(20).fill("invalid"));
    expect(outcomes.slice(20)).toEqual(Array(10).fill("throttled"));

    const entries = await listAudit(k(), { action: "auth.sign_in_failed" });
    expect(entries).toHaveLength(30);
    expect(new Set(entries.map((e) => e.ip))).toEqual(new Set(["127.0.0.2"]));

    // Another socket is not affected by the attacker's count.
    const { member, password } = await makeMember(k(), "support");
    expect(await new Browser(server.origin, "127.0.0.3").signIn(member.email, password, { "x-forwarded-for": "127.0.0.2" })).toBe("ok");
    const [signIn] = await listAudit(k(), { action: "auth.sign_in" });
    expect(signIn).toMatchObject({ actorEmail: member.email, ip: "127.0.0.3" });
  });

  it("believes the address a declared proxy hop appended, and only that one", async () => {
    process.env.TRUSTED_PROXIES = "1";
    const { member, password } = await makeMember(k(), "admin");
    // The proxy (this socket) appended the client it saw, 203.0.113.40, after the client's forgery.
    const viaProxy = new Browser(server.origin, "127.0.0.4");
    expect(await viaProxy.signIn(member.email, password, { "x-forwarded-for": "6.6.6.6, 203.0.113.40" })).toBe("ok");
    const [entry] = await listAudit(k(), { action: "auth.sign_in" });
    expect(entry?.ip).toBe("203.0.113.40");
  });

  it("lets the owner in once the stranger's current delay has passed, from the owner's own address", async () => {
    const { member, password } = await makeMember(k(), "owner");
    const start = Date.UTC(2026, 5, 1, 9, 0, 0);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(start);
    const stranger = new Browser(server.origin, "127.0.0.5");
    const outcomes: string[] = [];
    for (let i = 0; i < 30; i++) outcomes.push(await stranger.signIn(member.email, `guess ${i}`, { "x-forwarded-for": `192.0.2.${i + 1}` }));
    expect(outcomes.slice(0, 5)).toEqual(Array(5).fill("invalid"));
    expect(outcomes.slice(5)).toEqual(Array(25).fill("throttled"));

    const owner = new Browser(server.origin, "127.0.0.6");
    expect(await owner.signIn(member.email, password)).toBe("throttled");
    vi.setSystemTime(start + 16_000); // past the 15 s step after the 5th failure
    expect(await owner.signIn(member.email, password)).toBe("ok");
    expect((await owner.session())?.user).toMatchObject({ email: member.email, role: "owner" });
  });
});
