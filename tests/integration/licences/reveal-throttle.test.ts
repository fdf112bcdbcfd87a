// Licence reveals are throttled per member (issue 14 #7), through the real route on both engines: 20 per
// minute and 200 per day, then 429 with Retry-After saying when the oldest counted reveal leaves its
// window — no key in the answer and no reveal audited; another member is not affected.
import { NextRequest } from "next/server";
import type { Kysely } from "kysely";
import { beforeEach, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db";
import { makeMember, type TestMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";

const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getSessionMember: async () => state.member }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));

const { POST: revealRoute } = await import("@/app/api/licences/[id]/reveal/route");

const ORIGIN = "http://dash.test";
const LICENCES = 25;
const keyOf = (i: number) => `KEY-${String(i).padStart(5, "0")}-SECRET`;

describeEachEngine("licence reveal throttle (route)", ({ db }) => {
  const k = () => db().db as Kysely<Database>;
  let support: TestMember;
  let marketing: TestMember;

  beforeEach(async () => {
    state.db = k();
    support = await makeMember(k(), "support");
    marketing = await makeMember(k(), "marketing");
    const now = new Date().toISOString();
    await k()
      .insertInto("sale_licences")
      .values(Array.from({ length: LICENCES }, (_, i) => ({ sale_id: `sal_${i}`, licence_id: `lic_${i}`, licence_key: keyOf(i), status: "active", activations: 0, max_activations: 1, expires_at: null, updated_at: now, product_id: null, product_name: null, customer_id: null, customer_name: null, customer_email: null })))
      .execute();
  });

  async function reveal(m: TestMember, i: number) {
    state.member = m.member;
    const req = new NextRequest(`${ORIGIN}/api/licences/lic_${i}/reveal`, { method: "POST", headers: { host: "dash.test", origin: ORIGIN } });
    const res = await revealRoute(req, { params: Promise.resolve({ id: `lic_${i}` }) });
    return { status: res.status, retryAfter: res.headers.get("retry-after"), body: (await res.json()) as { key?: string; error?: { code: string } } };
  }
  const reveals = async (m: TestMember) => Number((await k().selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).where("action", "=", "licence.reveal").where("actor_user_id", "=", m.member.id).executeTakeFirstOrThrow()).n);

  it("20 reveals in a minute, then 429 with Retry-After ≤ 60 s, no key and nothing audited; another member still reveals", async () => {
    for (let i = 0; i < 20; i++) expect((await reveal(support, i)).body.key).toBe(keyOf(i));
    const refused = await reveal(support, 20);
    expect(refused.status).toBe(429);
    expect(refused.body.key).toBeUndefined();
    expect(refused.body.error?.code).toBe("throttled");
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
    expect(await reveals(support)).toBe(20);
    expect((await reveal(marketing, 20)).body.key).toBe(keyOf(20));
  });

  it("25 reveals at once: exactly 20 get a key (the count and the audit entry are one step)", async () => {
    const results = await Promise.all(Array.from({ length: LICENCES }, (_, i) => reveal(support, i)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(20);
    expect(results.filter((r) => r.status === 429)).toHaveLength(LICENCES - 20);
    expect(await reveals(support)).toBe(20);
  });

  it("200 reveals in a day: refused until the oldest of them is a day old", async () => {
    // 200 reveals 23 hours ago (outside the minute window, inside the day): the next one waits ~1 hour.
    const at = new Date(Date.now() - 23 * 3600 * 1000).toISOString();
    await k()
      .insertInto("audit_log")
      .values(Array.from({ length: 200 }, (_, i) => ({ at, actor_user_id: support.member.id, actor_email: support.member.email, action: "licence.reveal", target: `lic_old_${i}`, details: null, ip: null })))
      .execute();
    const refused = await reveal(support, 0);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(3600 - 60);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(3600);
    // 199 in the day leave room for one more.
    await k().deleteFrom("audit_log").where("target", "=", "lic_old_0").execute();
    expect((await reveal(support, 0)).body.key).toBe(keyOf(0));
    expect((await reveal(support, 1)).status).toBe(429);
  });
});
