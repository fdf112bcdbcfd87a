// Enrichment endpoints, affiliates in both shapes, and invitations in both shapes → one domain type each.
import { describe, expect, it } from "vitest";
import { ChariowMalformedResponseError, ChariowNotFoundError } from "@/lib/chariow/errors";
import { amount, currentAffiliatePayload, errorBody, invitationsData, itemEnvelope, listEnvelope, seedsAffiliatePayload } from "../../factories/chariow-payloads";
import { type RecordedCall } from "./fake-fetch";
import { testClient } from "./test-client";

describe("affiliates", () => {
  it("parses the seeds' aff_ shape with stats", async () => {
    const { client } = testClient(() => ({ body: itemEnvelope(seedsAffiliatePayload("JOHN25"), "Affiliate retrieved successfully") }));
    const a = await client.getAffiliate("JOHN25");
    expect(a).toMatchObject({
      id: "aff_abc123xyz",
      accountId: "aff_abc123xyz",
      storeAffiliateId: null,
      code: "JOHN25",
      name: "Jean Dupont",
      commissionRatePercent: 15,
      status: "active",
      totalReferrals: 45,
      totalSales: 32,
      totalVisits: null,
      totalEarnings: { minor: 125000, currency: "EUR" },
      createdAt: "2025-01-15T09:00:00.000Z",
    });
  });

  it("parses the current saff_ shape and keeps the looked-up code", async () => {
    const { client, calls } = testClient(() => ({ body: itemEnvelope(currentAffiliatePayload("suspended")) }));
    const a = await client.getAffiliate("AWA10");
    expect(calls[0].url).toBe("https://api.test/v1/affiliates/AWA10");
    expect(a).toMatchObject({
      id: "saff_xyz789",
      storeAffiliateId: "saff_xyz789",
      accountId: "aff_abc123def",
      code: "AWA10",
      name: "Awa Ndiaye",
      email: "awa@example.com",
      pseudo: "studio_creatif",
      country: { code: "SN", name: null },
      status: "suspended",
      source: "invitation",
      totalVisits: 120,
      totalSales: 8,
      totalReferrals: null,
      totalEarnings: { minor: 60000, currency: "XOF" },
      suspendedReason: "fraude",
    });
  });

  it("404 for an unknown code", async () => {
    const { client } = testClient(() => ({ status: 404, body: errorBody("No query results for model [App\\Models\\StoreAffiliate].") }));
    await expect(client.getAffiliate("NOPE")).rejects.toBeInstanceOf(ChariowNotFoundError);
  });
});

describe("invitations", () => {
  it("parses the seeds' shape with skipped emails", async () => {
    const data = invitationsData(["a@example.com", "b@example.com"], "seeds", { affiliate: ["c@example.com"], invited: ["d@example.com"] });
    const { client } = testClient(() => ({ status: 201, body: itemEnvelope(data, "2 invitations sent successfully") }));
    const r = await client.inviteAffiliates(["a@example.com", "b@example.com", "c@example.com", "d@example.com"]);
    expect(r.invitations.map((i) => i.email)).toEqual(["a@example.com", "b@example.com"]);
    expect(r.invitations[0]).toMatchObject({ status: "pending", expiresAt: "2026-02-10T10:30:00.000Z" });
    expect(r.skipped).toEqual({ alreadyAffiliate: ["c@example.com"], alreadyInvited: ["d@example.com"] });
    expect(r.notInvited).toEqual([]);
  });

  it("parses the plain-array shape and lists what was not invited", async () => {
    const { client } = testClient(() => ({ status: 201, body: itemEnvelope(invitationsData(["a@example.com"], "array")) }));
    const r = await client.inviteAffiliates(["a@example.com", "B@example.com"]);
    expect(r.invitations).toHaveLength(1);
    expect(r.skipped).toBeNull();
    expect(r.notInvited).toEqual(["B@example.com"]);
  });
});

describe("enrichment endpoints", () => {
  const route = (call: RecordedCall) => {
    const path = new URL(call.url).pathname.replace("/v1", "");
    if (path === "/store") return { body: itemEnvelope({ id: "store_1", name: "Boutique", url: "https://b.mychariow.com", logo: null, extra: 1 }) };
    if (path === "/customers") return { body: listEnvelope([{ id: "cus_1", email: "ama@example.com", first_name: "Ama", last_name: "Koffi", phone: { country_code: "CI", formatted: "+225 07 00 00 00" }, country: "ci" }], "current") };
    if (path === "/customers/cus_1") return { body: itemEnvelope({ id: "cus_1", email: "ama@example.com", name: "Ama Koffi", created_at: "2025-01-01T00:00:00.000000Z" }) };
    if (path === "/products") return { body: listEnvelope([{ id: "prd_1", name: "Cours", slug: "cours", type: "course", pricing: { price: amount(15000, "XOF", "current"), current_price: amount(9900, "XOF", "current") } }], "legacy") };
    if (path === "/products/cours-excel") return { body: itemEnvelope({ id: "prd_2", name: "Excel", slug: "cours-excel", pricing: { price: amount(2500, "EUR", "legacy") } }) };
    if (path === "/discounts") return { body: listEnvelope([{ id: "dis_1", code: "TABASKI", type: "percentage", value_off: 20, usage_count: 3, usage_limit: null }], "current") };
    if (path === "/discounts/dis_2") return { body: itemEnvelope({ id: "dis_2", code: "MOINS1000", type: "fixed", value_off: amount(1000, "XOF", "current"), usage_count: 0 }) };
    if (path === "/licenses") return { body: listEnvelope([{ id: "lic_1", key: "K-1", status: "pending_activation", activations: 0, max_activations: 3 }], "legacy") };
    if (path === "/licenses/K-1%2F2") return { body: itemEnvelope({ id: "lic_2", licence_key: "K-1/2", status: "revoked", expires_at: "2026-01-01T00:00:00+00:00" }) };
    if (path === "/pulses") return { body: itemEnvelope([{ id: "pulse_1", url: "https://dash.example.com/api/pulses", events: ["successful.sale"], status: "active" }]) };
    return { status: 404, body: errorBody("not found") };
  };

  it("store", async () => {
    const { client } = testClient(route);
    expect(await client.getStore()).toEqual({ id: "store_1", name: "Boutique", slug: null, url: "https://b.mychariow.com", logoUrl: null });
  });

  it("customers: list and detail, names and phone normalised", async () => {
    const { client } = testClient(route);
    const [c] = (await client.listCustomers({ search: "ama", start_date: "2025-01-01" })).items;
    expect(c).toMatchObject({ id: "cus_1", name: "Ama Koffi", phone: "+225 07 00 00 00", country: { code: "CI", name: null }, createdAt: null });
    expect(await client.getCustomer("cus_1")).toMatchObject({ name: "Ama Koffi", createdAt: "2025-01-01T00:00:00.000Z" });
  });

  it("products: pricing in either money format, lookup by slug", async () => {
    const { client } = testClient(route);
    const [p] = (await client.listProducts()).items;
    expect(p).toMatchObject({ price: { minor: 15000, currency: "XOF" }, currentPrice: { minor: 9900, currency: "XOF" } });
    expect(await client.getProduct("cours-excel")).toMatchObject({ id: "prd_2", price: { minor: 2500, currency: "EUR" }, currentPrice: null });
  });

  it("discounts: percentage and fixed value_off", async () => {
    const { client } = testClient(route);
    const [d] = (await client.listDiscounts()).items;
    expect(d).toMatchObject({ type: "percentage", percentOff: 20, amountOff: null, usageCount: 3, usageLimit: null });
    expect(await client.getDiscount("dis_2")).toMatchObject({ type: "fixed", percentOff: null, amountOff: { minor: 1000, currency: "XOF" } });
  });

  it("licences: both key spellings, key encoded in the path", async () => {
    const { client } = testClient(route);
    const [l] = (await client.listLicenses({ status: "pending_activation" })).items;
    expect(l).toMatchObject({ key: "K-1", status: "pending_activation", maxActivations: 3, expiresAt: null });
    expect(await client.getLicense("K-1/2")).toMatchObject({ key: "K-1/2", status: "revoked" });
  });

  it("pulses: configured webhooks (no secret)", async () => {
    const { client } = testClient(route);
    expect(await client.listPulses()).toEqual([
      { id: "pulse_1", name: null, url: "https://dash.example.com/api/pulses", events: ["successful.sale"], active: true, createdAt: null },
    ]);
  });

  it("a licence with an unknown status is a malformed response naming the field", async () => {
    const { client } = testClient(() => ({ body: listEnvelope([{ id: "lic_1", key: "K", status: "zombie" }], "current") }));
    await expect(client.listLicenses()).rejects.toMatchObject({ constructor: ChariowMalformedResponseError, path: "data.data.0.status" });
  });
});
