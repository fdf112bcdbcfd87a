// CSV exports of the invitations and the known affiliates on both engines: rows as the lists give them,
// money in the currency's units per preset, and an audit entry with who, the filter and the row count.
import { expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import type { Affiliate } from "@/lib/chariow";
import { AFFILIATE_EXPORT_COLUMNS, INVITATION_EXPORT_COLUMNS, exportInvitationsCsv, exportKnownAffiliatesCsv } from "@/lib/affiliates/export";
import { keyLabels } from "../../factories/csv-labels";
import { recordInvitations, upsertAffiliate, affiliateFromSale } from "@/lib/mirror/affiliates";
import { upsertSales } from "@/lib/mirror";
import { saleDetail } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";

const ACTOR = { id: "usr_m", email: "m@example.com", role: "marketing" as const };
const NOW = new Date("2026-06-15T00:00:00Z");

async function rowsOf(res: Response, delimiter: string): Promise<string[][]> {
  const text = (await res.text()).replace(/^\uFEFF/, "");
  return parse(text, { delimiter }) as string[][];
}

describeEachEngine("affiliate exports", ({ db }) => {
  it("invitations: filtered rows, derived status, audited", async () => {
    await recordInvitations(db().db, {
      invitations: [
        { id: "affinv_1", email: "a@example.com", status: "pending", expiresAt: "2026-07-10T10:30:00.000Z", createdAt: "2026-06-10T10:30:00.000Z" },
        { id: "affinv_2", email: "b@example.com", status: "pending", expiresAt: "2026-06-01T10:30:00.000Z", createdAt: "2026-05-01T10:30:00.000Z" },
      ],
      skipped: { alreadyAffiliate: ["c@example.com"], alreadyInvited: [] },
    }, { sentBy: ACTOR.email, at: "2026-06-10T10:30:00.000Z" });
    const all = await rowsOf(await exportInvitationsCsv(db().db, {}, { preset: "standard", timeZone: "UTC", labels: keyLabels(INVITATION_EXPORT_COLUMNS), actor: ACTOR, now: NOW }), ",");
    expect(all[0]).toEqual(["email", "status", "acceptedVia", "affiliateCode", "sentAt (UTC)", "expiresAt (UTC)", "sentBy", "recordedAt (UTC)"]);
    expect(all.slice(1).map((r) => [r[0], r[1]]).sort()).toEqual([["a@example.com", "pending"], ["b@example.com", "expired"], ["c@example.com", "already_affiliate"]]);
    const pending = await rowsOf(await exportInvitationsCsv(db().db, { status: "pending" }, { preset: "excel-fr", timeZone: "UTC", labels: keyLabels(INVITATION_EXPORT_COLUMNS), actor: ACTOR, now: NOW }), ";");
    expect(pending.slice(1).map((r) => r[0])).toEqual(["a@example.com"]);
    const audit = await db().db.selectFrom("audit_log").selectAll().where("action", "=", "affiliates.invitations.export").orderBy("id").execute();
    expect(audit.map((a) => JSON.parse(a.details!))).toEqual([
      { filter: {}, rows: 3, completed: true },
      { filter: { status: "pending" }, rows: 1, completed: true },
    ]);
    expect(audit[0].actor_email).toBe(ACTOR.email);
  });

  it("known affiliates: one line per affiliate and currency, money per preset, audited", async () => {
    const looked: Affiliate = { ...affiliateFromSale({ id: "saff_1", code: "JOHN25" }), name: "Jean Dupont", status: "active", commissionRatePercent: 15 };
    await upsertAffiliate(db().db, looked, "lookup", NOW.toISOString());
    await upsertSales(db().db, [
      { ...saleDetail({ id: "s1", currency: "EUR", originalMinor: 12_345, createdAt: "2026-06-01T10:00:00.000Z", completedAt: "2026-06-01T10:01:00.000Z" }), storeAffiliate: { id: "saff_1", code: "JOHN25" } as never },
    ], { source: "detail", receivedAt: NOW.toISOString(), timeZone: "UTC" });
    const res = await exportKnownAffiliatesCsv(db().db, {}, { preset: "excel-fr", timeZone: "UTC", labels: keyLabels(AFFILIATE_EXPORT_COLUMNS), actor: ACTOR });
    const rows = await rowsOf(res, ";");
    expect(rows[0]).toEqual(["code", "name", "email", "status", "source", "joinedAt (UTC)", "commissionRatePercent", "currency", "paidSales", "revenue", "commission"]);
    expect(rows.slice(1)).toEqual([["JOHN25", "Jean Dupont", "", "active", "lookup", "", "15", "EUR", "1", "123,45", ""]]);
    const [audit] = await db().db.selectFrom("audit_log").selectAll().where("action", "=", "affiliates.export").execute();
    expect(JSON.parse(audit.details!)).toEqual({ filter: {}, rows: 1, completed: true });
  });
});
