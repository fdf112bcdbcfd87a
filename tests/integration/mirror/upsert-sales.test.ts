// upsertSales on both engines: idempotent per id, newer version wins whatever the arrival order, a
// summary never erases what a detail or Pulse taught, replays change nothing, raw payload kept safely.
import { expect, it } from "vitest";
import { getMirrorSale, upsertSales, type SaleSource } from "@/lib/mirror";
import type { Sale } from "@/lib/chariow";
import { describeEachEngine } from "../db/engines";
import { saleDetail, salePulse, saleSummary } from "../../factories/sales";

const TZ = "Africa/Abidjan";
const at = (n: number) => new Date(Date.UTC(2025, 2, 20, 12, 0, n)).toISOString();

describeEachEngine("mirror upsertSales", ({ db }) => {
  const put = (sales: Sale[], source: SaleSource = "list", n = 0, extra: { raw?: unknown[]; checkoutUrls?: (string | null)[] } = {}) =>
    upsertSales(db().db, sales, { source, receivedAt: at(n), timeZone: TZ, ...extra });

  it("inserts, then a replay of the same page changes nothing", async () => {
    const page = [saleSummary({ id: "sal_1" }), saleSummary({ id: "sal_2", status: "failed" }), saleSummary({ id: "sal_3", status: "awaiting_payment" })];
    expect(await put(page)).toEqual({ inserted: 3, updated: 0, unchanged: 0, skippedStale: 0 });
    const before = await getMirrorSale(db().db, "sal_1");
    expect(await put(page, "list", 5)).toEqual({ inserted: 0, updated: 0, unchanged: 3, skippedStale: 0 });
    expect(await getMirrorSale(db().db, "sal_1")).toEqual(before);
    const count = await db().db.selectFrom("sales").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);
  });

  it("stores every field in columns, money in minor units, unknown as null", async () => {
    await put([saleDetail({ id: "sal_d", currency: "USD", originalMinor: 9900, discountMinor: 1980, gatewayFeeMinor: 237, serviceFeeMinor: 396, settlementNetMinor: 7524, settlementDueAt: "2025-03-13T10:05:00.000Z", discountCode: "WELCOME20", channel: "affiliate", campaignId: "cmp_1" })], "detail", 1);
    await put([saleSummary({ id: "sal_s", currency: "XOF" })], "list", 1);
    const d = await getMirrorSale(db().db, "sal_d");
    expect(d).toMatchObject({
      status: "completed", currency: "USD", original_amount: 9900, amount: 7920, discount_amount: 1980,
      gateway_fee: 237, service_fee: 396, settlement_net: 7524, settlement_due_at: "2025-03-13T10:05:00.000Z", settlement_done_at: null,
      channel: "affiliate", discount_code: "WELCOME20", campaign_id: "cmp_1", payment_method_id: "mobile_money", payment_gateway: "cinetpay",
      context_country: "CI", local_day: "2025-03-10", paid_local_day: "2025-03-10", settled: 0, source: "detail", detail_at: at(1),
    });
    const s = await getMirrorSale(db().db, "sal_s");
    expect(s).toMatchObject({ channel: null, gateway_fee: null, service_fee: null, settlement_net: null, detail_at: null, source: "list" });
    expect(typeof s?.amount).toBe("number"); // bigint on PG comes back as a number
  });

  it("a list summary after a detail keeps the detail-only fields and takes the newer status", async () => {
    await put([saleDetail({ id: "sal_1", gatewayFeeMinor: 147, serviceFeeMinor: 245, settlementNetMinor: 4508, channel: "widget" })], "detail", 1);
    const r = await put([saleSummary({ id: "sal_1", status: "settled" })], "list", 2);
    expect(r).toEqual({ inserted: 0, updated: 1, unchanged: 0, skippedStale: 0 });
    expect(await getMirrorSale(db().db, "sal_1")).toMatchObject({ status: "settled", settled: 1, channel: "widget", gateway_fee: 147, settlement_net: 4508, source: "list", detail_at: at(1) });
    // The same summary again: nothing to learn.
    expect(await put([saleSummary({ id: "sal_1", status: "settled" })], "list", 3)).toMatchObject({ unchanged: 1 });
  });

  it("an older version never overwrites a newer one, whatever the arrival order", async () => {
    await put([saleSummary({ id: "sal_1", status: "settled" })], "list", 1);
    expect(await put([saleSummary({ id: "sal_1", status: "completed" })], "list", 2)).toMatchObject({ skippedStale: 1 });
    expect(await put([saleSummary({ id: "sal_1", status: "awaiting_payment", completedAt: null })], "pulse", 3)).toMatchObject({ skippedStale: 1 });
    expect((await getMirrorSale(db().db, "sal_1"))?.status).toBe("settled");

    await put([saleDetail({ id: "sal_2", status: "completed", updatedAt: "2025-03-10T10:05:00.000Z" })], "detail", 1);
    // Same status order but an older updated_at: stale; a newer updated_at wins even at equal rank.
    expect(await put([saleDetail({ id: "sal_2", status: "failed", updatedAt: "2025-03-10T10:01:00.000Z" })], "detail", 2)).toMatchObject({ skippedStale: 1 });
    expect(await put([saleDetail({ id: "sal_2", status: "completed", updatedAt: "2025-03-12T08:00:00.000Z", settlementNetMinor: 4500, serviceFeeMinor: 400 })], "detail", 3)).toMatchObject({ updated: 1 });
    expect(await getMirrorSale(db().db, "sal_2")).toMatchObject({ status: "completed", updated_at: "2025-03-12T08:00:00.000Z", settlement_net: 4500 });
  });

  it("a Pulse then a list summary: settlement, fees and checkout link survive; channel stays unknown until a detail", async () => {
    await put([salePulse({ id: "sal_p", status: "failed", gatewayFeeMinor: null })], "pulse", 1, { checkoutUrls: ["https://chariow.test/checkout/abc"] });
    await put([saleSummary({ id: "sal_p", status: "failed" })], "list", 2);
    expect(await getMirrorSale(db().db, "sal_p")).toMatchObject({ status: "failed", checkout_url: "https://chariow.test/checkout/abc", failure_code: "insufficient_funds", channel: null });

    await put([salePulse({ id: "sal_q", status: "completed", gatewayFeeMinor: 147, serviceFeeMinor: 245, settlementNetMinor: 4508 })], "pulse", 1);
    expect(await put([saleSummary({ id: "sal_q", status: "completed" })], "list", 2)).toMatchObject({ unchanged: 1 });
    expect(await getMirrorSale(db().db, "sal_q")).toMatchObject({ source: "pulse", gateway_fee: 147, service_fee: 245, settlement_net: 4508, channel: null });
  });

  it("one id twice in a page ends as the newer version and counts one insert", async () => {
    const r = await put([saleSummary({ id: "sal_1", status: "settled" }), saleSummary({ id: "sal_1", status: "completed" })]);
    expect(r).toEqual({ inserted: 1, updated: 0, unchanged: 0, skippedStale: 1 });
    expect((await getMirrorSale(db().db, "sal_1"))?.status).toBe("settled");
  });

  it("keeps the raw payload without signed download links, and marks detail reads", async () => {
    const raw = { id: "sal_r", status: "completed", post_purchase: { files: [{ id: "fil_1", name: "ebook.pdf", download_url: "https://cdn.test/x?sig=SECRET", expires_at: "2025-03-10T11:00:00Z" }] }, invoice_download_url: "https://cdn.test/inv?sig=SECRET2" };
    await put([saleDetail({ id: "sal_r" })], "detail", 1, { raw: [raw] });
    const row = await getMirrorSale(db().db, "sal_r");
    expect(row?.raw_json).not.toContain("SECRET");
    expect(JSON.parse(row?.raw_json ?? "null")).toMatchObject({ id: "sal_r", post_purchase: { files: [{ id: "fil_1", name: "ebook.pdf" }] } });
    // A replayed detail changes no data but records the read, so enrichment does not pick it again.
    expect(await put([saleDetail({ id: "sal_r" })], "detail", 9)).toMatchObject({ unchanged: 1 });
    expect((await getMirrorSale(db().db, "sal_r"))?.detail_at).toBe(at(9));
  });

  it("an empty page is a no-op and misaligned raw items are refused", async () => {
    expect(await put([])).toEqual({ inserted: 0, updated: 0, unchanged: 0, skippedStale: 0 });
    await expect(put([saleSummary({ id: "sal_1" })], "list", 0, { raw: [] })).rejects.toThrow(/aligned/);
    expect(await getMirrorSale(db().db, "sal_1")).toBeNull();
  });

  it("learns products, customers and discounts from sales, keeping known names", async () => {
    await put([saleSummary({ id: "sal_1", customerId: "cus_9", email: " Kofi@Example.com ", discountCode: "TEN", createdAt: "2025-03-10T10:00:00.000Z" })]);
    await put([saleSummary({ id: "sal_0", customerId: "cus_9", email: "kofi@example.com", createdAt: "2025-01-02T10:00:00.000Z" })]);
    const customer = await db().db.selectFrom("customers").selectAll().where("id", "=", "cus_9").executeTakeFirstOrThrow();
    expect(customer).toMatchObject({ email: "kofi@example.com", first_seen_at: "2025-01-02T10:00:00.000Z" });
    expect((await getMirrorSale(db().db, "sal_1"))?.customer_email).toBe("kofi@example.com");
    const discount = await db().db.selectFrom("discounts").selectAll().where("id", "=", "dis_TEN").executeTakeFirstOrThrow();
    expect(discount.code).toBe("TEN");
  });
});
