// Affiliate page links (issue 21) on both engines, through the real route handlers where a visitor or a
// member would: creation (token shown once, only its hash stored, audited), listing, revocation (audited,
// then 404), expiry, and the public JSON's answer to a revoked, an expired, a random and a malformed token —
// identical to the byte, headers included — the rate limits per token and per address, the figures equal to
// the Affiliates page's ranking for the same days with nothing about customers, the version changing when a
// Pulse brings one of the affiliate's sales, and Chariow's record refreshed at most every 15 minutes.
import { NextRequest } from "next/server";
import { beforeEach, expect, it, vi } from "vitest";
import type { Affiliate, ChariowClient } from "@/lib/chariow";
import type { Role } from "@/lib/auth/permissions";
import { listKnownAffiliates } from "@/lib/affiliates/queries";
import { affiliatePageFigures, affiliateVersion } from "@/lib/affiliate-share/figures";
import { createShareLink, resolveShareToken } from "@/lib/affiliate-share/links";
import { claimRecordRefresh, refreshAffiliateRecord } from "@/lib/affiliate-share/record-refresh";
import { hashToken } from "@/lib/affiliate-share/tokens";
import { PER_ADDRESS_PER_MINUTE, PER_TOKEN_PER_MINUTE, openShareLink } from "@/lib/affiliate-share/visit";
import { upsertSales } from "@/lib/mirror";
import { affiliateFromSale, upsertAffiliate } from "@/lib/mirror/affiliates";
import type { Member } from "@/lib/team";
import { saleDetail, salePulse } from "../../factories/sales";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";

const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getSessionMember: async () => state.member }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));

const linksRoute = await import("@/app/api/affiliates/share-links/route");
const linkRoute = await import("@/app/api/affiliates/share-links/[id]/route");
const pageRoute = await import("@/app/api/affiliate-page/[token]/route");

const ORIGIN = "http://dash.test";
const AT = "2026-06-15T00:00:00.000Z";
type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

let ipCounter = 0;
async function send(handler: unknown, method: string, path: string, opts: { body?: unknown; params?: Record<string, string>; ip?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { host: "dash.test", origin: ORIGIN, "x-forwarded-for": opts.ip ?? `203.0.113.${++ipCounter % 250}`, ...(opts.body !== undefined ? { "content-type": "application/json" } : {}) };
  return (handler as Handler)(new NextRequest(`${ORIGIN}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) }), { params: Promise.resolve(opts.params ?? {}) });
}

/** A response as a visitor sees it, the Date header aside (it is the clock, not the answer). */
async function answer(res: Response) {
  const headers = [...res.headers].filter(([k]) => k !== "date").sort();
  return { status: res.status, headers, body: await res.text() };
}

describeEachEngine("affiliate page links", ({ db }) => {
  let members: Record<Role, Member>;
  beforeEach(async () => {
    state.db = db().db;
    members = {} as Record<Role, Member>;
    for (const role of ["owner", "admin", "marketing", "support"] as const) members[role] = (await makeMember(db().db, role)).member;
    const known = (id: string, code: string, name: string): Affiliate => ({ ...affiliateFromSale({ id, code }), name, status: "active", commissionRatePercent: 15 });
    await upsertAffiliate(db().db, known("saff_1", "JOHN25", "Jean"), "lookup", AT);
    await upsertAffiliate(db().db, known("saff_2", "AWA10", "Awa"), "lookup", AT);
    let n = 0;
    const sale = (currency: string, minor: number, affiliate: { id: string; code: string | null }, day: string, product = "prd_a") => ({
      ...saleDetail({ id: `s${++n}`, status: "completed", currency, originalMinor: minor, channel: "affiliate", productId: product, createdAt: `${day}T10:00:00.000Z`, completedAt: `${day}T10:01:00.000Z`, email: `buyer${n}@example.com`, name: `Client Secret ${n}` }),
      storeAffiliate: affiliate as never,
      affiliateCommission: { minor: Math.round(minor * 0.15), currency } as never,
    });
    const john = { id: "saff_1", code: "JOHN25" };
    await upsertSales(
      db().db,
      [
        sale("XOF", 10_000, john, "2026-06-01"), sale("XOF", 25_000, john, "2026-06-03", "prd_b"), sale("XAF", 50_000, john, "2026-06-05"),
        sale("XOF", 7_000, john, "2026-05-20"), // before the period
        sale("XOF", 1_000, { id: "saff_2", code: "AWA10" }, "2026-06-02"), // another affiliate
        sale("XOF", 3_000, { id: "saff_1", code: null }, "2026-06-04"), // John by his id only
      ],
      { source: "detail", receivedAt: AT, timeZone: "UTC" },
    );
  });

  it("creates a link (token shown once, hash stored, audited), lists it, revokes it (audited): then 404", async () => {
    state.member = members.marketing;
    const created = await send(linksRoute.POST, "POST", "/api/affiliates/share-links", { body: { code: "JOHN25", expiresInDays: 30 } });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { link: { id: string; state: string; expiresAt: string }; path: string };
    const token = body.path.replace("/a/", "");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits
    expect(body.link.state).toBe("active");
    const stored = await db().db.selectFrom("affiliate_share_links").selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored[0]!.token_hash).toBe(hashToken(token));

    const listed = (await (await send(linksRoute.GET, "GET", "/api/affiliates/share-links?code=JOHN25")).json()) as { links: { id: string; lastVisitAt: string | null }[] };
    expect(listed.links.map((l) => l.id)).toEqual([body.link.id]);
    expect((await send(pageRoute.GET, "GET", `/api/affiliate-page/${token}`, { params: { token } })).status).toBe(200);

    // Support reads the list but may not create or revoke.
    state.member = members.support;
    expect((await send(linksRoute.POST, "POST", "/api/affiliates/share-links", { body: { code: "JOHN25" } })).status).toBe(403);
    expect((await send(linkRoute.DELETE, "DELETE", `/api/affiliates/share-links/${body.link.id}`, { params: { id: body.link.id } })).status).toBe(403);

    state.member = members.marketing;
    const revoked = await send(linkRoute.DELETE, "DELETE", `/api/affiliates/share-links/${body.link.id}`, { params: { id: body.link.id } });
    expect(((await revoked.json()) as { link: { state: string } }).link.state).toBe("revoked");
    expect((await send(pageRoute.GET, "GET", `/api/affiliate-page/${token}`, { params: { token } })).status).toBe(404);

    const audit = await db().db.selectFrom("audit_log").select(["action", "target", "actor_email"]).where("action", "like", "affiliates.share_link%").orderBy("id").execute();
    expect(audit).toEqual([
      { action: "affiliates.share_link_created", target: "JOHN25", actor_email: members.marketing.email },
      { action: "affiliates.share_link_revoked", target: "JOHN25", actor_email: members.marketing.email },
    ]);
    // An affiliate the dashboard does not know: no link, the field named.
    const unknown = await send(linksRoute.POST, "POST", "/api/affiliates/share-links", { body: { code: "NOPE" } });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { field: string } }).error.field).toBe("code");
  });

  it("answers a revoked, an expired, a random and a malformed token identically", async () => {
    const actor = { id: members.owner.id, email: members.owner.email, role: "owner" as const };
    const now = new Date();
    const revoked = await createShareLink(db().db, { code: "JOHN25" }, actor, now);
    await db().db.updateTable("affiliate_share_links").set({ revoked_at: now.toISOString() }).where("id", "=", revoked.link.id).execute();
    const expired = await createShareLink(db().db, { code: "JOHN25", expiresInDays: 1 }, actor, new Date(now.getTime() - 2 * 86_400_000));
    const random = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
    const answers = [];
    for (const token of [revoked.token, expired.token, random, "x", "../../etc"]) answers.push(await answer(await send(pageRoute.GET, "GET", `/api/affiliate-page/${encodeURIComponent(token)}`, { params: { token } })));
    expect(answers[0]!.status).toBe(404);
    for (const a of answers.slice(1)) expect(a).toEqual(answers[0]);
    for (const token of [revoked.token, expired.token, random]) expect(await resolveShareToken(db().db, token)).toBeNull();
  });

  it("limits requests per token and per address in a minute, whatever the token", async () => {
    const now = new Date("2026-06-15T10:00:05Z");
    for (let i = 0; i < PER_TOKEN_PER_MINUTE; i++) expect((await openShareLink(db().db, "guess", `198.51.100.${i % 200}`, now)).kind).toBe("not_found");
    const over = await openShareLink(db().db, "guess", "198.51.100.250", now);
    expect(over).toEqual({ kind: "throttled", retryAfterSeconds: 55 });
    // The next minute starts again.
    expect((await openShareLink(db().db, "guess", "198.51.100.250", new Date("2026-06-15T10:01:00Z"))).kind).toBe("not_found");
    for (let i = 0; i < PER_ADDRESS_PER_MINUTE; i++) await openShareLink(db().db, `t${i}`, "192.0.2.7", now);
    expect((await openShareLink(db().db, "another", "192.0.2.7", now)).kind).toBe("throttled");
    // Through the route (its clock fixed, so the window cannot turn mid-test): 429 with Retry-After.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(now);
      for (let i = 0; i < PER_TOKEN_PER_MINUTE; i++) await openShareLink(db().db, "guess2", `198.18.0.${i % 200}`, now);
      const res = await send(pageRoute.GET, "GET", "/api/affiliate-page/guess2", { params: { token: "guess2" } });
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toBe("55");
    } finally {
      vi.useRealTimers();
    }
  });

  it("shows the Affiliates page's figures for the same days, per product, and nothing about customers", async () => {
    const range = { from: "2026-06-01", to: "2026-06-30" };
    const figures = (await affiliatePageFigures(db().db, "JOHN25", range))!;
    const ranking = (await listKnownAffiliates(db().db, range)).affiliates.find((a) => a.code === "JOHN25")!;
    expect(figures.totals).toEqual(ranking.totals);
    // Written out: XOF 10 000 + 25 000 + 3 000 (by id), XAF 50 000; commission 15 %.
    expect(figures.totals).toEqual([
      { currency: "XAF", sales: 1, revenue: 50_000, commission: 7_500 },
      { currency: "XOF", sales: 3, revenue: 38_000, commission: 5_700 },
    ]);
    for (const t of figures.totals) {
      const products = figures.products.filter((p) => p.currency === t.currency);
      expect(products.reduce((s, p) => s + p.revenue, 0)).toBe(t.revenue);
      expect(products.reduce((s, p) => s + p.sales, 0)).toBe(t.sales);
      expect(figures.days.filter((d) => d.currency === t.currency).reduce((s, d) => s + d.revenue, 0)).toBe(t.revenue);
    }
    const text = JSON.stringify(figures);
    expect(text).not.toMatch(/buyer\d+@example\.com|Client Secret|cus_|"s\d+"/);
  });

  it("changes its version when a Pulse brings one of the affiliate's sales", async () => {
    const before = await affiliateVersion(db().db, "JOHN25");
    const pulse = { ...salePulse({ id: "s_live", status: "completed", currency: "XOF", originalMinor: 4_900, channel: "affiliate", createdAt: "2026-06-15T09:00:00.000Z", completedAt: "2026-06-15T09:00:30.000Z" }), storeAffiliate: { id: "saff_1", code: "JOHN25" } as never };
    await upsertSales(db().db, [pulse], { source: "pulse", receivedAt: "2026-06-15T09:00:31.000Z", timeZone: "UTC" });
    expect(await affiliateVersion(db().db, "JOHN25")).not.toBe(before);
    const other = await affiliateVersion(db().db, "AWA10");
    await upsertSales(db().db, [{ ...pulse, id: "s_live2" }], { source: "pulse", receivedAt: "2026-06-15T09:01:00.000Z", timeZone: "UTC" });
    expect(await affiliateVersion(db().db, "AWA10")).toBe(other);
  });

  it("refreshes Chariow's record at background priority, at most once every 15 minutes per affiliate", async () => {
    const calls: Array<{ code: string; priority: string | undefined }> = [];
    const client = {
      getAffiliate: async (code: string, opts?: { priority?: string }) => {
        calls.push({ code, priority: opts?.priority });
        return { ...affiliateFromSale({ id: "saff_1", code }), name: "Jean", status: "suspended", commissionRatePercent: 20 } as Affiliate;
      },
    } as unknown as ChariowClient;
    const t0 = new Date("2026-06-15T10:00:00Z");
    const at = (min: number) => new Date(t0.getTime() + min * 60_000);
    // Two instances at once: one asks.
    expect(await Promise.all([claimRecordRefresh(db().db, "AWA10", t0), claimRecordRefresh(db().db, "AWA10", t0)])).toEqual(expect.arrayContaining([true, false]));
    expect(await refreshAffiliateRecord(db().db, client, "JOHN25", t0)).toBe("refreshed");
    expect(await refreshAffiliateRecord(db().db, client, "JOHN25", at(14))).toBe("skipped");
    expect(await refreshAffiliateRecord(db().db, client, "JOHN25", at(15))).toBe("refreshed");
    expect(calls).toEqual([{ code: "JOHN25", priority: "background" }, { code: "JOHN25", priority: "background" }]);
    const figures = (await affiliatePageFigures(db().db, "JOHN25", {}))!;
    expect(figures.affiliate).toMatchObject({ status: "suspended", commissionRatePercent: 20 });
  });
});
