// The enrichment endpoints (store, customers, products, discounts, licences, affiliates, invitations,
// pulses) in both dialects, with their filters and documented errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../../simulator/index";
import { FakeClock, HISTORY_END, call, listOf, type RawJson } from "./helpers";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ now: HISTORY_END, clock: new FakeClock(), rateLimit: 0 });
});
afterAll(() => sim.close());

const post = (emails: unknown) =>
  call(sim, "/affiliates/invitations", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ emails }) });

describe("store, customers, products, discounts", () => {
  it("store has name and url but no currency", async () => {
    const r = await call(sim, "/store");
    expect(r.json.data).toMatchObject({ name: expect.any(String), url: expect.stringMatching(/^https:\/\//) });
    expect(r.json.data).not.toHaveProperty("currency");
  });

  it("customers: count matches truth, search and date filters work, phones are international", async () => {
    const truth = sim.truth();
    let cursor: string | null = null;
    const all: RawJson[] = [];
    do {
      const r = await call(sim, `/customers?per_page=100${cursor ? `&cursor=${cursor}` : ""}`);
      const { items, pagination } = listOf(r.json);
      all.push(...items);
      cursor = pagination.next_cursor;
    } while (cursor);
    expect(all).toHaveLength(truth.customers);
    expect(new Set(all.map((c) => c.email)).size).toBe(all.length);
    expect(all.every((c) => /^\+(229|225|221|228|226|223|237|241|33|32|1)\d{8,10}$/.test(c.phone))).toBe(true);
    const target = all[40];
    const byEmail = listOf((await call(sim, `/customers?search=${encodeURIComponent(target.email)}`)).json).items;
    expect(byEmail.map((c: { id: string }) => c.id)).toEqual([target.id]);
    const day = target.created_at.slice(0, 10);
    const sameDay = listOf((await call(sim, `/customers?start_date=${day}&end_date=${day}&per_page=100`)).json).items;
    expect(sameDay.map((c: { id: string }) => c.id)).toContain(target.id);
    expect(sameDay.every((c: { created_at: string }) => c.created_at.startsWith(day))).toBe(true);
    expect((await call(sim, `/customers/${target.id}`)).json.data.email).toBe(target.email);
  });

  it("products: published only, every type, lookup by id or slug; prices in F CFA", async () => {
    const truth = sim.truth();
    const items = listOf((await call(sim, "/products?per_page=100")).json).items;
    expect(items).toHaveLength(truth.publishedProducts);
    expect(new Set(items.map((p: { type: string }) => p.type))).toEqual(new Set(["course", "downloadable", "license", "service", "bundle"]));
    const p = items[0];
    expect((await call(sim, `/products/${p.slug}`)).json.data.id).toBe(p.id);
    expect((await call(sim, `/products/${p.id}`)).json.data.slug).toBe(p.slug);
    expect(p.pricing.price.formatted).toMatch(/^F CFA \d{1,3}(,\d{3})*$/);
    // The archived product still appears on old sales but not in /products.
    expect((await call(sim, "/products/ancienne-formation-tiktok")).status).toBe(404);
  });

  it("discounts: percentage and fixed, usage counts match the truth's paid uses", async () => {
    const items = listOf((await call(sim, "/discounts?per_page=100")).json).items;
    expect(items).toHaveLength(sim.truth().discounts);
    expect(new Set(items.map((d: { type: string }) => d.type))).toEqual(new Set(["percentage", "fixed"]));
    const fixed = items.find((d: { type: string }) => d.type === "fixed");
    expect(fixed.value_off).toMatchObject({ currency: "XOF" });
    const one = (await call(sim, `/discounts/${items[0].id}`)).json.data;
    expect(one.code).toBe(items[0].code);
    expect(one.usage_count).toBeLessThanOrEqual(sim.truth().discountUses[one.code]);
  });

  it("licences: list count equals truth, lookup by key, all statuses present", async () => {
    const truth = sim.truth();
    const all: RawJson[] = [];
    let cursor: string | null = null;
    do {
      const r = await call(sim, `/licenses?per_page=100${cursor ? `&cursor=${cursor}` : ""}`);
      const { items, pagination } = listOf(r.json);
      all.push(...items);
      cursor = pagination.next_cursor;
    } while (cursor);
    expect(all).toHaveLength(truth.licences);
    expect(new Set(all.map((l) => l.status))).toEqual(new Set(["pending_activation", "active", "expired", "revoked"]));
    const l = all[3];
    const got = await call(sim, `/licenses/${l.key}`);
    expect(got.json.data).toMatchObject({ id: l.id, status: l.status });
    const sale = (await call(sim, `/sales/${l.sale.id}`)).json.data;
    expect(sale.post_purchase.licences[0].licence_key).toBe(l.key);
  });
});

describe("affiliates and invitations", () => {
  it("current shape: saff_ with account, source, totals; code is URL-decoded; unknown is 404", async () => {
    const truth = sim.truth();
    const r = await call(sim, "/affiliates/CREATOR123");
    expect(r.status).toBe(200);
    expect(r.json.data).toMatchObject({ id: expect.stringMatching(/^saff_/), status: "active", source: { value: "invitation" }, account: { id: expect.stringMatching(/^aff_/), pseudo: "studio_creatif" } });
    expect(r.json.data.total_earnings).toMatchObject({ currency: "XOF", value: expect.any(Number) });
    expect(r.json.data.total_sales).toBeGreaterThan(0);
    expect((await call(sim, "/affiliates/creator%31%323")).json.data.id).toBe(r.json.data.id);
    const statuses = new Set(truth.affiliates.map((a) => a.status));
    expect(statuses).toEqual(new Set(["active", "inactive", "suspended"]));
    const suspended = truth.affiliates.find((a) => a.status === "suspended")!;
    expect((await call(sim, `/affiliates/${suspended.code}`)).json.data.suspended_at).not.toBeNull();
  });

  it("legacy shape: the seeds' AffiliateManager validates JOHN25 unchanged", async () => {
    sim.setDialect("legacy");
    try {
      // Seed 002's class, with the base URL pointed at the simulator.
      class AffiliateManager {
        baseUrl: string;
        constructor(public apiKey: string) {
          this.baseUrl = sim.baseUrl;
        }
        async getAffiliate(code: string) {
          const response = await fetch(`${this.baseUrl}/affiliates/${code}`, { headers: { Authorization: `Bearer ${this.apiKey}` } });
          if (!response.ok) throw new Error("Affilie non trouve");
          const { data } = await response.json();
          return data;
        }
        async validateAffiliateCode(code: string) {
          try {
            const affiliate = await this.getAffiliate(code);
            return { valid: affiliate.status === "active", affiliate };
          } catch (error) {
            return { valid: false, error: (error as Error).message };
          }
        }
      }
      const manager = new AffiliateManager(sim.apiKey);
      const { valid, affiliate } = await manager.validateAffiliateCode("JOHN25");
      expect(valid).toBe(true);
      expect(affiliate).toMatchObject({ id: expect.stringMatching(/^aff_/), code: "JOHN25", commission_rate: 15, stats: { total_earnings: { currency: "EUR" } } });
      expect(affiliate.created_at).toMatch(/\.000000Z$/);
      expect((await manager.validateAffiliateCode("NOPE")).valid).toBe(false);
      expect((await manager.validateAffiliateCode("SEKOU30")).valid).toBe(false);
    } finally {
      sim.setDialect("current");
    }
  });

  it("422 for none, more than 25, or a malformed email; 201 with skipped lists in legacy", async () => {
    const none = await post([]);
    expect(none.status).toBe(422);
    expect(none.json).toEqual({ message: "The given data was invalid.", data: [], errors: { emails: [expect.any(String)] } });
    const many = await post(Array.from({ length: 26 }, (_, i) => `x${i}@example.com`));
    expect(many.status).toBe(422);
    expect(many.json.errors.emails[0]).toMatch(/25/);
    const bad = await post(["a@example.com", "b@example.com", "c@example.com", "not-an-email"]);
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.errors)).toEqual(["emails.3"]);
    const missing = await call(sim, "/affiliates/invitations", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(missing.status).toBe(422);
    expect(sim.truth().invitations).toHaveLength(0); // nothing created by refused batches

    const exactly25 = await post(Array.from({ length: 25 }, (_, i) => `ok${i}@example.com`));
    expect(exactly25.status).toBe(201);
    expect(exactly25.json.data).toHaveLength(25); // current: plain array (OpenAPI variant)

    sim.setDialect("legacy");
    try {
      const existing = sim.truth().affiliates[0].email;
      const r = await post(["new.one@example.com", "new.two@example.com", existing, "ok3@example.com"]);
      expect(r.status).toBe(201);
      expect(r.json.message).toBe("2 invitations sent successfully");
      expect(r.json.data.invitations.map((i: { email: string }) => i.email)).toEqual(["new.one@example.com", "new.two@example.com"]);
      expect(r.json.data.invitations[0]).toMatchObject({ id: expect.stringMatching(/^affinv_/), status: "pending" });
      const days = (Date.parse(r.json.data.invitations[0].expires_at) - Date.parse(r.json.data.invitations[0].created_at)) / 86_400_000;
      expect(days).toBe(30);
      expect(r.json.data.skipped).toEqual({ already_affiliate: [existing], already_invited: ["ok3@example.com"] });
    } finally {
      sim.setDialect("current");
    }
  });

  it("GET /pulses lists nothing when no Pulse is configured; wrong methods are 405", async () => {
    expect(listOf((await call(sim, "/pulses")).json).items).toEqual([]);
    expect((await call(sim, "/affiliates/invitations")).status).toBe(405);
    expect((await call(sim, "/sales", { method: "POST" })).status).toBe(405);
  });
});

describe("a store without some endpoints (missingEndpoints)", () => {
  it("answers 404 with Laravel's route-not-found body on those, lists and lookups alike, and serves the rest", async () => {
    const partial = await startSimulator({ now: HISTORY_END, clock: new FakeClock(), rateLimit: 0, sales: 50, missingEndpoints: ["licenses", "products"] });
    try {
      const key = listOf((await call(sim, "/licenses?per_page=1")).json).items[0].licence_key as string;
      for (const path of ["/licenses", "/licenses?per_page=100", `/licenses/${key}`, "/products", "/products/prd_x"]) {
        const r = await call(partial, path);
        expect(r.status, path).toBe(404);
        expect(r.json).toEqual({ message: `The route v1/${path.slice(1).split("?")[0]} could not be found.`, data: [], errors: [] });
      }
      expect((await call(partial, "/sales?per_page=5")).status).toBe(200);
      expect((await call(partial, "/customers?per_page=5")).status).toBe(200);
      expect((await call(partial, "/store")).status).toBe(200);
      // At run time: the endpoint appears (say, the merchant's plan changed) and another one goes.
      partial.setMissingEndpoints(["customers"]);
      expect(listOf((await call(partial, "/licenses?per_page=100")).json).items).toHaveLength(partial.truth().licences);
      expect((await call(partial, "/customers")).status).toBe(404);
    } finally {
      await partial.close();
    }
  });
});
