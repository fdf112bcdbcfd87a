// The mirror's reads for the sync engine and the freshness UI (which sales to refresh or enrich, counts
// for reconciliation, enrichment coverage), and the affiliate, invitation and licence writes.
import { expect, it } from "vitest";
import type { Sale } from "@/lib/chariow";
import {
  enrichmentCoverage,
  listSaleIdsNeedingDetail,
  listSaleIdsNeedingRefresh,
  mirrorCountsByStatusAndMonth,
  recordInvitations,
  upsertAffiliate,
  upsertSaleLicences,
  upsertSales,
  type SaleSource,
} from "@/lib/mirror";
import { describeEachEngine } from "../db/engines";
import { saleDetail, saleSummary } from "../../factories/sales";

const NOW = "2025-04-10T12:00:00.000Z";
const day = (d: number) => `2025-04-${String(d).padStart(2, "0")}T10:00:00.000Z`;

describeEachEngine("mirror bookkeeping", ({ db }) => {
  const put = (sales: Sale[], source: SaleSource, receivedAt = NOW) => upsertSales(db().db, sales, { source, receivedAt, timeZone: "Africa/Abidjan" });

  it("picks the sales whose status can still change: due payouts first, then the least recently read", async () => {
    await put([saleSummary({ id: "await", status: "awaiting_payment", createdAt: day(9), completedAt: null })], "list");
    await put([saleSummary({ id: "done", status: "settled", createdAt: day(8) }), saleSummary({ id: "failed", status: "failed", createdAt: day(8) })], "list");
    await put([saleDetail({ id: "due", status: "completed", createdAt: day(1), settlementNetMinor: 4500, settlementDueAt: day(4) })], "detail", "2025-04-09T00:00:00.000Z");
    await put([saleDetail({ id: "upcoming", status: "completed", createdAt: day(8), settlementNetMinor: 4500, settlementDueAt: day(11) })], "detail", "2025-04-09T00:00:00.000Z");
    await put([saleDetail({ id: "just-read", status: "completed", createdAt: day(9) })], "detail", "2025-04-10T11:55:00.000Z");
    expect(await listSaleIdsNeedingRefresh(db().db, { limit: 10, now: NOW })).toEqual(["due", "await", "upcoming"]);
    expect(await listSaleIdsNeedingRefresh(db().db, { limit: 2, now: NOW })).toEqual(["due", "await"]);
    expect(await listSaleIdsNeedingRefresh(db().db, { limit: 0, now: NOW })).toEqual([]);
  });

  it("picks sales for detail: never-detailed recent payouts first, newest first, then affiliates, older held payouts, the rest", async () => {
    await put(
      [
        saleSummary({ id: "c-held", status: "completed", createdAt: "2025-01-15T10:00:00.000Z" }),
        saleSummary({ id: "c-old", status: "completed", createdAt: day(1) }),
        saleSummary({ id: "c-new", status: "completed", createdAt: day(9) }),
        saleSummary({ id: "s-recent", status: "settled", createdAt: day(5) }),
        saleSummary({ id: "s-old", status: "settled", createdAt: "2024-12-01T10:00:00.000Z" }),
        saleSummary({ id: "f", status: "failed", createdAt: day(9) }),
      ],
      "list",
    );
    await put([saleDetail({ id: "c-detailed", status: "completed", createdAt: day(9) })], "detail");
    expect(await listSaleIdsNeedingDetail(db().db, { limit: 10, now: NOW })).toEqual(["c-new", "s-recent", "c-old", "c-held", "s-old", "f"]);
    expect(await listSaleIdsNeedingDetail(db().db, { limit: 3, now: NOW })).toEqual(["c-new", "s-recent", "c-old"]);
    // A detailed sale that a later list read moved on (completed → settled) needs its settlement read.
    await put([saleSummary({ id: "c-detailed", status: "settled", createdAt: day(9) })], "list", "2025-04-10T13:00:00.000Z");
    expect(await listSaleIdsNeedingDetail(db().db, { limit: 10, now: NOW })).toContain("c-detailed");
  });

  it("counts per UTC month and status, and enrichment coverage of paid sales", async () => {
    await put(
      [
        saleSummary({ id: "a", status: "completed", createdAt: "2025-03-31T23:59:59.000Z" }),
        saleSummary({ id: "b", status: "completed", createdAt: "2025-04-01T00:00:00.000Z" }),
        saleSummary({ id: "c", status: "failed", createdAt: "2025-04-02T00:00:00.000Z" }),
        saleSummary({ id: "d", status: "settled", createdAt: "2025-04-02T00:00:00.000Z" }),
      ],
      "list",
    );
    await put([saleDetail({ id: "d", status: "settled", createdAt: "2025-04-02T00:00:00.000Z", gatewayFeeMinor: 100, settlementNetMinor: 4000, serviceFeeMinor: 200 })], "detail");
    expect(await mirrorCountsByStatusAndMonth(db().db)).toEqual([
      { month: "2025-03", status: "completed", count: 1 },
      { month: "2025-04", status: "completed", count: 1 },
      { month: "2025-04", status: "failed", count: 1 },
      { month: "2025-04", status: "settled", count: 1 },
    ]);
    expect(await enrichmentCoverage(db().db)).toEqual({ paidSales: 3, settlementKnown: 1, feesKnown: 1, channelKnown: 1 });
  });

  it("an empty mirror has zero coverage, not null", async () => {
    expect(await enrichmentCoverage(db().db)).toEqual({ paidSales: 0, settlementKnown: 0, feesKnown: 0, channelKnown: 0 });
    expect(await mirrorCountsByStatusAndMonth(db().db)).toEqual([]);
  });

  it("learns an affiliate from a sale, then a lookup by code fills it in without duplicating it", async () => {
    const sale = { ...saleDetail({ id: "sal_aff", channel: "affiliate" }), storeAffiliate: { id: "saff_1", code: null } };
    await put([sale], "detail");
    let rows = await db().db.selectFrom("affiliates").selectAll().execute();
    expect(rows).toMatchObject([{ key: "saff_1", id: "saff_1", source: "sale", code: null }]);
    const looked = {
      id: "saff_1", storeAffiliateId: "saff_1", accountId: "aff_9", code: "JOHN25", name: "John", email: "John@Example.com", pseudo: null, country: null, phone: null,
      status: "active" as const, source: "invitation" as const, commissionRatePercent: 15, totalVisits: 10, totalReferrals: null, totalSales: 3,
      totalEarnings: { minor: 1500, currency: "XOF" }, firstVisitAt: null, lastVisitAt: null, suspendedAt: null, suspendedReason: null, joinedAt: "2025-01-01T00:00:00.000Z", createdAt: null, updatedAt: null,
    };
    await upsertAffiliate(db().db, looked, "lookup", "2025-04-10T13:00:00.000Z");
    await upsertAffiliate(db().db, { ...looked, name: null, totalSales: null }, "pulse", "2025-04-10T14:00:00.000Z");
    rows = await db().db.selectFrom("affiliates").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ key: "JOHN25", code: "JOHN25", id: "saff_1", account_id: "aff_9", name: "John", email: "john@example.com", source: "pulse", total_sales: 3, total_earnings: 1500, commission_rate_percent: 15 });
    // A later sale naming it does not demote what the lookup said.
    await put([{ ...saleDetail({ id: "sal_aff2" }), storeAffiliate: { id: "saff_1", code: "JOHN25" } }], "detail");
    expect(await db().db.selectFrom("affiliates").select(["key", "source", "name"]).execute()).toEqual([{ key: "JOHN25", source: "pulse", name: "John" }]);
  });

  it("records invitations and skipped emails once each, and licences per sale keeping known fields", async () => {
    const round = {
      invitations: [{ id: "affinv_1", email: "A@x.com", status: "pending" as const, expiresAt: "2025-05-10T00:00:00.000Z", createdAt: NOW }],
      skipped: { alreadyAffiliate: ["b@x.com"], alreadyInvited: [] },
      notInvited: [],
    };
    await recordInvitations(db().db, round, { sentBy: "u1", at: NOW });
    await recordInvitations(db().db, round, { sentBy: "u2", at: "2025-04-11T00:00:00.000Z" });
    const inv = await db().db.selectFrom("affiliate_invitations").select(["id", "email", "result", "sent_by"]).orderBy("id").execute();
    expect(inv).toEqual([
      { id: "affinv_1", email: "a@x.com", result: "sent", sent_by: "u2" },
      { id: "already_affiliate:b@x.com", email: "b@x.com", result: "already_affiliate", sent_by: "u2" },
    ]);

    await upsertSaleLicences(db().db, "sal_1", [{ id: "lic_1", key: "K-1", status: "active", activations: 1, maxActivations: 3, expiresAt: null }]);
    await upsertSaleLicences(db().db, "sal_1", [{ id: "lic_1", key: null, status: "revoked", activations: null, maxActivations: null, expiresAt: null }]);
    expect(await db().db.selectFrom("sale_licences").select(["licence_id", "licence_key", "status", "activations", "max_activations"]).execute()).toEqual([
      { licence_id: "lic_1", licence_key: "K-1", status: "revoked", activations: 1, max_activations: 3 },
    ]);
  });
});
