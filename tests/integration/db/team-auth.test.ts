// Sign-in on both engines: correct credentials work, every failure looks the same, and throttling
// per account (a progressive delay: 15 s after the 5th failure, doubling, at most 15 min) and per IP
// (20 failures / 15 min) holds, and lapses once its delay has passed.
import { afterEach, expect, it, vi } from "vitest";
import { listAudit } from "@/lib/audit";
import { ValidationError, ConflictError } from "@/lib/errors";
import {
  FREE_FAILURES_PER_ACCOUNT as MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_IP,
  authenticate,
  createUser,
  findMemberByEmail,
} from "@/lib/team";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "./engines";

// The rule as docs/security.md states it, written out independently of lib/team's constants.
const DOCUMENTED_DELAYS = [15, 30, 60, 120, 240, 480, 900, 900]; // after the 5th, 6th, … failure

/** Moves the clock the throttle reads (Date only: the database drivers keep their real timers). */
function clockAt(ms: number): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(ms);
}
afterEach(() => {
  vi.useRealTimers();
});

describeEachEngine("sign-in", ({ db }) => {
  it("creates a user with a normalised email and refuses a duplicate", async () => {
    const { db: k } = db();
    const member = await createUser(k, { email: "  Awa.Diallo@Shop.CI ", password: "long enough pw", role: "owner", name: "Awa" });
    expect(member).toMatchObject({ email: "awa.diallo@shop.ci", role: "owner", name: "Awa" });
    expect(await findMemberByEmail(k, "AWA.DIALLO@shop.ci")).toEqual(member);
    await expect(createUser(k, { email: "awa.diallo@shop.ci", password: "another pw!", role: "admin" })).rejects.toBeInstanceOf(
      ConflictError,
    );
    const stored = await k.selectFrom("users").select("password_hash").executeTakeFirstOrThrow();
    expect(stored.password_hash).not.toContain("long enough pw");
  });

  it.each([
    ["email", { email: "not-an-email", password: "long enough pw", role: "owner" }],
    ["password", { email: "a@b.ci", password: "short", role: "owner" }],
    ["role", { email: "a@b.ci", password: "long enough pw", role: "superuser" }],
  ])("rejects a bad %s with a ValidationError naming it", async (field, input) => {
    const error = await createUser(db().db, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
  });

  it("signs in with the right password, case-insensitively on the email, and audits it", async () => {
    const { db: k } = db();
    const { member, password } = await makeMember(k, "marketing");
    const result = await authenticate(k, { email: member.email.toUpperCase(), password, ip: "198.51.100.1" });
    expect(result).toEqual({ ok: true, user: member });
    const [entry] = await listAudit(k, { action: "auth.sign_in" });
    expect(entry).toMatchObject({ actorUserId: member.id, actorEmail: member.email, ip: "198.51.100.1" });
  });

  it("gives the same generic failure for a wrong password and an unknown email", async () => {
    const { db: k } = db();
    const { member } = await makeMember(k, "support");
    const wrong = await authenticate(k, { email: member.email, password: "wrong password", ip: "198.51.100.2" });
    const unknown = await authenticate(k, { email: "nobody@shop.ci", password: "wrong password", ip: "198.51.100.2" });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
    const failures = await listAudit(k, { action: "auth.sign_in_failed" });
    expect(failures.map((f) => f.target).sort()).toEqual([member.email, "nobody@shop.ci"].sort());
  });

  it("throttles an account after repeated failures, even with the right password, from any IP", async () => {
    const { db: k } = db();
    const { member, password } = await makeMember(k, "admin");
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      const r = await authenticate(k, { email: member.email, password: "guess " + i, ip: `192.0.2.${i + 1}` });
      expect(r).toEqual({ ok: false, reason: "invalid" });
    }
    const blocked = await authenticate(k, { email: member.email, password, ip: "192.0.2.200" });
    expect(blocked.ok).toBe(false);
    if (blocked.ok) return;
    expect(blocked.reason).toBe("throttled");
    expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
    expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(DOCUMENTED_DELAYS[0]!);
    // Another account is unaffected.
    const other = await makeMember(k, "support");
    expect((await authenticate(k, { email: other.member.email, password: other.password, ip: "192.0.2.1" })).ok).toBe(true);
  });

  it("throttles an unknown email exactly like a real one (no account enumeration)", async () => {
    const { db: k } = db();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await authenticate(k, { email: "ghost@shop.ci", password: "x", ip: null });
    }
    expect(await authenticate(k, { email: "ghost@shop.ci", password: "x", ip: null })).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("throttles an IP spraying many accounts, but not other IPs", async () => {
    const { db: k } = db();
    const { member, password } = await makeMember(k, "owner");
    const ip = "203.0.113.77";
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      await authenticate(k, { email: `victim${i}@shop.ci`, password: "Password1!", ip });
    }
    expect(await authenticate(k, { email: member.email, password, ip })).toMatchObject({ ok: false, reason: "throttled" });
    expect((await authenticate(k, { email: member.email, password, ip: "203.0.113.78" })).ok).toBe(true);
  });

  it("lets the account in again once its failures are older than the window", async () => {
    const { db: k } = db();
    const { member, password } = await makeMember(k, "owner");
    const old = new Date(Date.now() - (15 * 60 + 60) * 1000).toISOString();
    await k
      .insertInto("login_attempts")
      .values(Array.from({ length: MAX_FAILURES_PER_ACCOUNT + 2 }, () => ({ email: member.email, ip: "192.0.2.9", at: old })))
      .execute();
    expect((await authenticate(k, { email: member.email, password, ip: "192.0.2.9" })).ok).toBe(true);
  });

  it("clears the account's failure count after a successful sign-in", async () => {
    const { db: k } = db();
    const { member, password } = await makeMember(k, "owner");
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await authenticate(k, { email: member.email, password: "no", ip: null });
    expect((await authenticate(k, { email: member.email, password, ip: null })).ok).toBe(true);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await authenticate(k, { email: member.email, password: "no", ip: null });
    expect((await authenticate(k, { email: member.email, password, ip: null })).ok).toBe(true);
  });

  it("slows a guesser progressively: each failure past the 5th doubles the wait, up to 15 minutes", async () => {
    const { db: k } = db();
    const { member, password } = await makeMember(k, "admin");
    let t = Date.UTC(2026, 5, 1, 8, 0, 0);
    clockAt(t);
    for (let i = 0; i < 5; i++) expect(await authenticate(k, { email: member.email, password: "guess", ip: `192.0.2.${i + 1}` })).toEqual({ ok: false, reason: "invalid" });
    for (const delay of DOCUMENTED_DELAYS) {
      clockAt(t + (delay - 1) * 1000);
      const early = await authenticate(k, { email: member.email, password, ip: "192.0.2.100" });
      expect(early).toMatchObject({ ok: false, reason: "throttled" });
      expect(early.ok ? 0 : early.retryAfterSeconds).toBeLessThanOrEqual(1);
      t += delay * 1000;
      clockAt(t);
      // The delay has passed: this guess is judged (and fails, adding one step).
      expect(await authenticate(k, { email: member.email, password: "guess", ip: "192.0.2.101" })).toEqual({ ok: false, reason: "invalid" });
    }
    clockAt(t + 900 * 1000);
    expect((await authenticate(k, { email: member.email, password, ip: "192.0.2.102" })).ok).toBe(true);
  });

  it("does not let a stranger lock the owner out: the right password works once the current step has passed", async () => {
    const { db: k } = db();
    const { member, password } = await makeMember(k, "owner");
    const start = Date.UTC(2026, 5, 1, 9, 0, 0);
    clockAt(start);
    // A stranger hammers the owner's email 30 times from 30 addresses within the same second.
    for (let i = 0; i < 30; i++) await authenticate(k, { email: member.email, password: `guess ${i}`, ip: `198.51.100.${i + 1}` });
    const during = await authenticate(k, { email: member.email, password, ip: "203.0.113.5" });
    expect(during).toMatchObject({ ok: false, reason: "throttled" });
    clockAt(start + 16_000);
    const after = await authenticate(k, { email: member.email, password, ip: "203.0.113.5" });
    expect(after).toEqual({ ok: true, user: member });
  });
});
