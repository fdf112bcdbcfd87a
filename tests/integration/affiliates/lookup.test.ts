// Lookup by code against the simulator in both dialects: both shapes give the same affiliate; the
// answer is cached (a second lookup makes no API call, refresh does, expiry does); codes with spaces or
// slashes are one URL-encoded segment and never reach another path; an unknown code answers "No affiliate
// with this code"; a found affiliate joins the known list with its attributed sales per currency.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChariowClient, createMemoryBudgetStore, createScheduler, createVirtualClock, type ChariowClient } from "@/lib/chariow";
import { createLookupCache, lookupAffiliate } from "@/lib/affiliates/lookup";
import { listKnownAffiliates } from "@/lib/affiliates/queries";
import { checkPaste, lookupForApi } from "@/lib/affiliates/service";
import { upsertSales } from "@/lib/mirror";
import { AppError, ValidationError } from "@/lib/errors";
import { startSimulator, type RunningSimulator } from "@/simulator/index";
import { saleDetail } from "../../factories/sales";
import type { Sale } from "@/lib/chariow";
import { describeEachEngine } from "../db/engines";
import { FakeClock, HISTORY_END } from "../simulator/helpers";

function countingClient(sim: RunningSimulator): { client: ChariowClient; paths: string[] } {
  const paths: string[] = [];
  const f: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    paths.push(url.pathname);
    return fetch(input, init);
  };
  const clock = createVirtualClock();
  const scheduler = createScheduler({ clock, store: createMemoryBudgetStore({ assumedLimit: 100_000 }), maxAttempts: 1 });
  return { client: createChariowClient({ baseUrl: sim.baseUrl, apiKey: sim.apiKey, scheduler, clock, timeoutMs: 5_000, fetch: f }), paths };
}

for (const dialect of ["current", "legacy"] as const) {
  describe(`lookup (${dialect})`, () => {
    let sim: RunningSimulator;
    beforeAll(async () => {
      sim = await startSimulator({ now: HISTORY_END, clock: new FakeClock(), rateLimit: 0, dialect });
    });
    afterAll(async () => sim?.close());

    describeEachEngine(`lookup (${dialect})`, ({ db }) => {
      it("finds JOHN25 with its figures; the second lookup is cached, refresh and expiry call again", async () => {
        const { client, paths } = countingClient(sim);
        const cache = createLookupCache();
        let now = HISTORY_END.getTime();
        const first = await lookupAffiliate(db().db, client, " JOHN25 ", { cache, now: () => now });
        expect(first).toMatchObject({ found: true, cached: false, code: "JOHN25" });
        if (!first.found) throw new Error("unreachable");
        expect(first.affiliate).toMatchObject({ code: "JOHN25", status: "active", valid: true });
        expect(first.affiliate.name).toMatch(/Dupont|john/i);
        expect(first.affiliate.earnings?.currency).toMatch(/^[A-Z]{3}$/);
        expect(paths).toEqual([expect.stringMatching(/\/affiliates\/JOHN25$/)]);
        now += 2 * 60_000;
        expect(await lookupAffiliate(db().db, client, "JOHN25", { cache, now: () => now })).toMatchObject({ found: true, cached: true });
        expect(paths).toHaveLength(1);
        expect(await lookupAffiliate(db().db, client, "JOHN25", { cache, now: () => now, refresh: true })).toMatchObject({ cached: false });
        expect(paths).toHaveLength(2);
        now += 6 * 60_000;
        expect(await lookupAffiliate(db().db, client, "JOHN25", { cache, now: () => now })).toMatchObject({ cached: false });
        expect(paths).toHaveLength(3);
        // Recorded in the mirror as a lookup.
        const row = await db().db.selectFrom("affiliates").selectAll().where("code", "=", "JOHN25").executeTakeFirstOrThrow();
        expect(row).toMatchObject({ source: "lookup", status: "active" });
      });

      it("an unknown code says so (and is cached too); codes with spaces or slashes stay one encoded segment", async () => {
        const { client, paths } = countingClient(sim);
        const cache = createLookupCache();
        expect(await lookupAffiliate(db().db, client, "NOPE99", { cache })).toMatchObject({ found: false, message: "No affiliate with this code" });
        expect(await lookupAffiliate(db().db, client, "NOPE99", { cache })).toMatchObject({ found: false, cached: true });
        for (const code of ["JOHN 25", "../sales", "JOHN25/../../sales", "a/b", "?x=1", "%2F"]) {
          expect(await lookupAffiliate(db().db, client, code, { cache })).toMatchObject({ found: false, code: code.trim() });
        }
        expect(paths).toEqual([
          "/v1/affiliates/NOPE99", "/v1/affiliates/JOHN%2025", "/v1/affiliates/..%2Fsales", "/v1/affiliates/JOHN25%2F..%2F..%2Fsales",
          "/v1/affiliates/a%2Fb", "/v1/affiliates/%3Fx%3D1", "/v1/affiliates/%252F",
        ]);
        await expect(lookupForApi(db().db, client, "NOPE99", false, cache)).rejects.toMatchObject({ status: 404, code: "affiliate_not_found", message: "No affiliate with this code" });
        await expect(lookupAffiliate(db().db, client, "   ", { cache })).rejects.toThrow(/Enter a referral code/);
        await expect(lookupForApi(db().db, null, "JOHN25", false, cache)).rejects.toBeInstanceOf(AppError);
      });

      it("a looked-up affiliate joins the known list with its paid sales per currency, over a range", async () => {
        const { client } = countingClient(sim);
        await lookupAffiliate(db().db, client, "CREATOR123", { cache: createLookupCache() });
        const sale = (id: string, day: string, minor: number, currency: string, code: string | null, status: "completed" | "failed" = "completed"): Sale => ({
          ...saleDetail({ id, status, currency, originalMinor: minor, createdAt: `${day}T10:00:00.000Z`, completedAt: status === "completed" ? `${day}T10:01:00.000Z` : null, channel: "affiliate" }),
          storeAffiliate: code ? ({ id: `saff_${code}`, code } as Sale["storeAffiliate"]) : null,
          affiliateCommission: code ? { minor: Math.round(minor / 5), currency } : null,
        });
        await upsertSales(db().db, [
          sale("s1", "2026-05-02", 10_000, "XOF", "CREATOR123"),
          sale("s2", "2026-05-20", 5_000, "XOF", "CREATOR123"),
          sale("s3", "2026-05-21", 2_500, "EUR", "CREATOR123"),
          sale("s4", "2026-05-21", 99_000, "XOF", "CREATOR123", "failed"),
          sale("s5", "2026-05-22", 7_000, "XOF", "KOFFI10"),
          sale("s6", "2026-05-22", 1_000, "XOF", null),
        ], { source: "detail", receivedAt: HISTORY_END.toISOString(), timeZone: "UTC" });
        const all = await listKnownAffiliates(db().db, {});
        const creator = all.affiliates.find((a) => a.code === "CREATOR123")!;
        expect(creator).toMatchObject({ source: "lookup", status: "active", salesCount: 3 });
        expect(creator.totals).toEqual([
          { currency: "EUR", sales: 1, revenue: 2_500, commission: 500 },
          { currency: "XOF", sales: 2, revenue: 15_000, commission: 3_000 },
        ]);
        // KOFFI10 is known only from its sale; the sale without an affiliate is counted apart.
        expect(all.affiliates.find((a) => a.code === "KOFFI10")).toMatchObject({ source: "sale", salesCount: 1, totals: [{ currency: "XOF", sales: 1, revenue: 7_000, commission: 1_400 }] });
        expect(all.unattributed).toEqual([{ currency: "XOF", sales: 1, revenue: 1_000, commission: null }]);
        expect(all.affiliates.slice(0, 2).map((a) => a.code)).toEqual(["CREATOR123", "KOFFI10"]);
        // The leaderboard over 20–21 May.
        const range = await listKnownAffiliates(db().db, { from: "2026-05-20", to: "2026-05-21" });
        expect(range.affiliates.find((a) => a.code === "CREATOR123")?.totals).toEqual([
          { currency: "EUR", sales: 1, revenue: 2_500, commission: 500 },
          { currency: "XOF", sales: 1, revenue: 5_000, commission: 1_000 },
        ]);
        expect(range.affiliates.find((a) => a.code === "KOFFI10")?.salesCount).toBe(0);
        const rows = all;
        expect(rows.affiliates.map((a) => a.code)).toContain("CREATOR123");
      });
    });
  });
}

describe("bad input for invitations (before any request)", () => {
  it("zero emails, more than 500, none valid: a clear 400 on the emails field", () => {
    expect(() => checkPaste("  \n , ")).toThrow(new ValidationError("Enter at least one email address", "emails"));
    const many = Array.from({ length: 501 }, (_, i) => `p${i}@example.com`).join("\n");
    expect(() => checkPaste(many)).toThrow(/At most 500 emails at once \(501 pasted\); nothing was sent/);
    expect(() => checkPaste("nope; jean@")).toThrow(/None of these is a valid email address/);
    expect(checkPaste(Array.from({ length: 500 }, (_, i) => `p${i}@example.com`)).valid).toHaveLength(500);
  });
  it("a display name is extracted, a unicode domain goes as punycode", () => {
    const p = checkPaste('"Jean" <jean@example.com>, awa@café.fr');
    expect(p.valid).toEqual(["jean@example.com", "awa@xn--caf-dma.fr"]);
    expect(p.rewritten).toEqual([
      { input: '"Jean" <jean@example.com>', email: "jean@example.com" },
      { input: "awa@café.fr", email: "awa@xn--caf-dma.fr" },
    ]);
  });
});
