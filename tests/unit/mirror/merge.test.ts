// The version and merge rules the mirror relies on under retries, replays and out-of-order arrivals
// (issue 4: compare updated_at / status order, never arrival order; null means "not given").
import { describe, expect, it } from "vitest";
import { compareVersions, mergeSaleData, saleToData, stripSignedUrls, type SaleData } from "@/lib/mirror";
import { saleDetail, salePulse, saleSummary, type SaleFacts } from "../../factories/sales";

const data = (f: SaleFacts, kind: "summary" | "detail" | "pulse" = "summary"): SaleData =>
  saleToData(kind === "detail" ? saleDetail(f) : kind === "pulse" ? salePulse(f) : saleSummary(f), null);

describe("compareVersions", () => {
  it("orders by status when updated_at is missing: awaiting < completed < settled", () => {
    expect(compareVersions(data({ id: "s", status: "completed" }), data({ id: "s", status: "awaiting_payment" }))).toBe("newer");
    expect(compareVersions(data({ id: "s", status: "settled" }), data({ id: "s", status: "completed" }))).toBe("newer");
    expect(compareVersions(data({ id: "s", status: "completed" }), data({ id: "s", status: "settled" }))).toBe("stale");
    expect(compareVersions(data({ id: "s", status: "awaiting_payment" }), data({ id: "s", status: "failed" }))).toBe("stale");
    expect(compareVersions(data({ id: "s", status: "completed" }), data({ id: "s", status: "completed" }))).toBe("same");
  });

  it("uses updated_at when both versions carry different ones", () => {
    const older = data({ id: "s", status: "completed", updatedAt: "2025-03-10T10:00:00.000Z" }, "detail");
    const newer = data({ id: "s", status: "failed", updatedAt: "2025-03-11T10:00:00.000Z" }, "detail");
    expect(compareVersions(newer, older)).toBe("newer");
    expect(compareVersions(older, newer)).toBe("stale");
  });

  it("never lets a settled sale go back, even with a later updated_at", () => {
    const settled = data({ id: "s", status: "settled", updatedAt: "2025-03-10T10:00:00.000Z" }, "detail");
    const completed = data({ id: "s", status: "completed", updatedAt: "2025-03-12T10:00:00.000Z" }, "detail");
    expect(compareVersions(completed, settled)).toBe("stale");
  });

  it("between two final statuses of equal rank, the one reached later wins; unknown keeps the existing", () => {
    const failed = data({ id: "s", status: "failed", failedAt: "2025-03-10T10:00:00.000Z" });
    const completed = data({ id: "s", status: "completed", completedAt: "2025-03-10T10:30:00.000Z" });
    expect(compareVersions(completed, failed)).toBe("newer");
    expect(compareVersions(failed, completed)).toBe("stale");
    const unknownWhen = data({ id: "s", status: "abandoned", abandonedAt: null });
    unknownWhen.abandoned_at = null;
    expect(compareVersions(unknownWhen, completed)).toBe("stale");
  });
});

describe("mergeSaleData", () => {
  it("keeps detail-only fields a summary does not carry, and takes what the summary does say", () => {
    const detail = data({ id: "s", channel: "affiliate", gatewayFeeMinor: 147, settlementNetMinor: 4508, serviceFeeMinor: 245, campaignId: "cmp_1" }, "detail");
    const summary = data({ id: "s", status: "settled" });
    const merged = mergeSaleData(detail, summary);
    expect(merged).toMatchObject({ status: "settled", channel: "affiliate", gateway_fee: 147, settlement_net: 4508, service_fee: 245, campaign_id: "cmp_1", payment_method_id: "mobile_money", context_country: "CI" });
  });

  it("a Pulse adds settlement and fees but leaves the channel alone", () => {
    const detail = data({ id: "s", channel: "widget" }, "detail");
    const pulse = data({ id: "s", status: "settled", settlementNetMinor: 4508, serviceFeeMinor: 245, gatewayFeeMinor: 147, settlementDoneAt: "2025-03-14T00:00:00.000Z" }, "pulse");
    expect(pulse.channel).toBeNull();
    expect(mergeSaleData(detail, pulse)).toMatchObject({ channel: "widget", settlement_net: 4508, settlement_done_at: "2025-03-14T00:00:00.000Z" });
  });

  it("maps unknown money to null, never 0", () => {
    const summary = data({ id: "s" });
    expect(summary).toMatchObject({ gateway_fee: null, service_fee: null, settlement_net: null, channel: null, amount: 4900, discount_amount: 0 });
  });
});

describe("stripSignedUrls", () => {
  it("drops every download link at any depth and keeps the rest", () => {
    const raw = { id: "s", invoice_download_url: "x", post_purchase: { files: [{ id: "f", download_url: "https://x?sig=1", expires_at: "t" }] } };
    expect(stripSignedUrls(raw)).toEqual({ id: "s", post_purchase: { files: [{ id: "f", expires_at: "t" }] } });
  });
});
