// Sales in both dialects and depths parse to the same domain values; unknown stays null, never 0.
import { describe, expect, it } from "vitest";
import { ChariowMalformedResponseError } from "@/lib/chariow/errors";
import {
  itemEnvelope,
  listEnvelope,
  saleDetailPayload,
  saleSummaryPayload,
  type Dialect,
} from "../../factories/chariow-payloads";
import { testClient } from "./test-client";

const dialects: Dialect[] = ["current", "legacy"];

describe.each(dialects)("sales list (%s dialect)", (dialect) => {
  it("parses summaries to minor units and ISO UTC timestamps", async () => {
    const items = [
      saleSummaryPayload({ id: "sal_1", currency: "USD", originalMinor: 9900, discountMinor: 1980, discountCode: "SAVE20", createdAt: "2025-01-15T10:30:00Z" }, dialect),
      saleSummaryPayload({ id: "sal_2", currency: "XOF", originalMinor: 4900, status: "failed" }, dialect),
    ];
    const { client } = testClient(() => ({ body: listEnvelope(items, dialect, { nextCursor: "eyJpZCI6NTB9" }) }));
    const page = await client.listSales({ per_page: 2 });

    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).toBe("eyJpZCI6NTB9");
    expect(page.hasMore).toBe(true);
    const [usd, xof] = page.items;
    expect(usd.amount).toEqual({ minor: 7920, currency: "USD" });
    expect(usd.originalAmount).toEqual({ minor: 9900, currency: "USD" });
    expect(usd.discountAmount).toEqual({ minor: 1980, currency: "USD" });
    expect(usd.discount?.code).toBe("SAVE20");
    expect(usd.createdAt).toBe("2025-01-15T10:30:00.000Z");
    expect(usd.payment?.exchangeRate).toBe(1);
    expect(xof.amount).toEqual({ minor: 4900, currency: "XOF" });
    expect(xof.payment?.failureError?.code).toBe("insufficient_funds");
  });

  it("leaves what a summary does not carry as null (unknown), not zero", async () => {
    const { client } = testClient(() => ({ body: listEnvelope([saleSummaryPayload({}, dialect)], dialect) }));
    const [sale] = (await client.listSales()).items;
    expect(sale.detail).toBe(false);
    expect(sale.channel).toBeNull();
    expect(sale.settlement).toBeNull();
    expect(sale.payment?.fee).toBeNull();
    expect(sale.payment?.feeRatePercent).toBeNull();
    expect(sale.campaign).toBeNull();
  });

  it("parses the detail object with fees, settlement and channel", async () => {
    const body = itemEnvelope(
      saleDetailPayload(
        { id: "sal_abc", currency: "USD", originalMinor: 9900, discountMinor: 1980, gatewayFeeMinor: 237, serviceFeeMinor: 396, channel: "affiliate", settlementDoneAt: "2025-02-01T10:15:00Z" },
        dialect,
      ),
    );
    const { client } = testClient(() => ({ body }));
    const sale = await client.getSale("sal_abc");
    expect(sale.detail).toBe(true);
    expect(sale.channel).toBe("affiliate");
    expect(sale.payment?.fee).toEqual({ minor: 237, currency: "USD" });
    expect(sale.payment?.feeRatePercent).toBe(3);
    expect(sale.payment?.method).toEqual(dialect === "legacy" ? { id: "card", name: "Credit/Debit Card" } : { id: "mobile_money", name: null });
    expect(sale.settlement?.amount).toEqual({ minor: 7524, currency: "USD" }); // the seed's 75.24 net
    expect(sale.settlement?.serviceFee).toEqual({ minor: 396, currency: "USD" });
    expect(sale.settlement?.doneAt).toBe("2025-02-01T10:15:00.000Z");
    expect(sale.shipping?.country?.code).toBe(dialect === "legacy" ? "CI" : "SN");
    expect(sale.rating?.value).toBe(dialect === "legacy" ? 5 : 4);
    expect(sale.storeAffiliate?.code).toBe("JEAN25");
    expect(sale.affiliateCommission?.currency).toBe("USD");
    expect(sale.postPurchase?.files[0].downloadUrl).toMatch(/^https:/);
    expect(sale.postPurchase?.licences[0]).toMatchObject({ key: "ABC-123", activations: 2, maxActivations: 5, expiresAt: null });
    expect(sale.updatedAt).toBe("2025-01-16T08:00:00.000Z");
  });
});

describe("sale variants", () => {
  it("reads `{}` settlement as unknown and a missing created_at as null", async () => {
    const detail = { ...saleDetailPayload({ status: "awaiting_payment" }, "current"), created_at: undefined };
    const { client } = testClient(() => ({ body: itemEnvelope(detail) }));
    const sale = await client.getSale("sal_x");
    expect(sale.settlement).toBeNull();
    expect(sale.createdAt).toBeNull();
  });

  it("reads a store affiliate's code from its account (the current shape), else leaves it unknown", async () => {
    const detail = (storeAffiliate: unknown) => ({ ...saleDetailPayload({ channel: "affiliate" }, "current"), store_affiliate: storeAffiliate });
    const read = async (storeAffiliate: unknown) => {
      const { client } = testClient(() => ({ body: itemEnvelope(detail(storeAffiliate)) }));
      return (await client.getSale("sal_x")).storeAffiliate;
    };
    expect(await read({ id: "saff_1", status: "active", account: { id: "aff_1", code: "CREATOR123", pseudo: "creator" } })).toEqual({ id: "saff_1", code: "CREATOR123" });
    expect(await read({ id: "saff_1", code: "JOHN25", account: { code: "OTHER" } })).toEqual({ id: "saff_1", code: "JOHN25" });
    expect(await read({ id: "saff_2", status: "active" })).toEqual({ id: "saff_2", code: null });
  });

  it("ignores unknown extra fields anywhere", async () => {
    const base = saleSummaryPayload({ currency: "EUR", originalMinor: 1500 }, "current");
    const summary = { ...base, amount: { ...base.amount, raw: 15, extra: true }, brand_new_field: { x: 1 } };
    const body = { ...listEnvelope([summary], "current", { laravelExtras: true }), meta: { v: 2 } };
    const { client } = testClient(() => ({ body }));
    const [sale] = (await client.listSales()).items;
    expect(sale.amount).toEqual({ minor: 1500, currency: "EUR" });
    expect(sale).not.toHaveProperty("brand_new_field");
  });

  it("accepts Laravel-style flat pagination and stops on has_more false", async () => {
    const body = listEnvelope([saleSummaryPayload({}, "legacy")], "legacy", { nextCursor: "abc", hasMore: false, laravelExtras: true });
    const { client } = testClient(() => ({ body }));
    const page = await client.listSales();
    expect(page.hasMore).toBe(false);
    expect(page.perPage).toBe(100);
  });

  it("names the endpoint and the field path when a sale cannot be understood", async () => {
    const broken = saleSummaryPayload({}, "current");
    const items = [saleSummaryPayload({}, "current"), { ...broken, amount: { value: "lots", currency: "XOF" } }];
    const { client } = testClient(() => ({ body: listEnvelope(items, "current") }));
    const error = await client.listSales().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChariowMalformedResponseError);
    expect((error as ChariowMalformedResponseError).endpoint).toBe("GET /sales");
    expect((error as ChariowMalformedResponseError).path).toMatch(/^data\.data\.1\.amount/);
  });

  it("rejects an unknown sale status with the field path", async () => {
    const { client } = testClient(() => ({ body: listEnvelope([{ ...saleSummaryPayload({}, "legacy"), status: "refunded" }], "legacy") }));
    await expect(client.listSales()).rejects.toMatchObject({ name: "ChariowMalformedResponseError", path: "data.0.status" });
  });

  it("rejects sub-minor precision in money (79.255 USD)", async () => {
    const s = saleSummaryPayload({ currency: "USD" }, "current");
    const { client } = testClient(() => ({ body: listEnvelope([{ ...s, amount: { value: 79.255, currency: "USD" } }], "current") }));
    await expect(client.listSales()).rejects.toMatchObject({ path: "data.data.0.amount" });
  });

  it("handles a body that is not an envelope at all", async () => {
    const { client } = testClient(() => ({ body: { hello: "world" } }));
    await expect(client.listSales()).rejects.toBeInstanceOf(ChariowMalformedResponseError);
  });
});
