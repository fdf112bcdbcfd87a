// The attribution window setting on both engines: default 14 days, 1–90 accepted, audited when changed,
// and read by every caller of the attribution — the worklist, the recovery rate, the CSV export and the
// paying sale's reverse link — so a payment 20 days after the failure recovers with 30 days, not with 14.
import { expect, it } from "vitest";
import { listAudit } from "@/lib/audit";
import { ValidationError } from "@/lib/errors";
import { upsertSales } from "@/lib/mirror";
import { keyLabels } from "../../factories/csv-labels";
import { LEAD_EXPORT_COLUMNS, exportLeadsCsv, getRecoveryWindowDays, leadsRecoveredBy, listLeads, recoveryStats, setRecoveryWindowDays } from "@/lib/recovery";
import { saleDetail } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";

const ZONE = "Africa/Abidjan";
const RANGE = { from: "2026-05-01", to: "2026-05-01" };
const owner = { id: "u1", email: "owner@x.test", role: "owner" as const };
const LEAD_MINOR = 9_900;
const PAID_MINOR = 7_900;

describeEachEngine("Recovery attribution window", ({ db }) => {
  async function seed() {
    await upsertSales(
      db().db,
      [
        saleDetail({ id: "lead", status: "failed", originalMinor: LEAD_MINOR, createdAt: "2026-05-01T10:00:00Z", failedAt: "2026-05-01T10:00:00Z", customerId: "cus_1", productId: "prd_1" }),
        // 20 days later, the same customer pays for the same product.
        saleDetail({ id: "day20", status: "completed", originalMinor: PAID_MINOR, createdAt: "2026-05-21T10:00:00Z", completedAt: "2026-05-21T10:00:00Z", customerId: "cus_1", productId: "prd_1" }),
      ],
      { source: "detail", receivedAt: "2026-05-22T00:00:00Z", timeZone: ZONE },
    );
  }
  const recoveredBy = async () => (await listLeads(db().db, RANGE))[0].recovered?.saleId ?? null;
  const csvRecoveredBy = async () => {
    const res = await exportLeadsCsv(db().db, { saleIds: ["lead"], range: RANGE, preset: "standard", timeZone: ZONE, labels: keyLabels(LEAD_EXPORT_COLUMNS), actor: owner });
    const [header, row] = (await res.text()).replace(/^\uFEFF/, "").trim().split(/\r?\n/).map((l) => l.split(","));
    return row[header.indexOf("recoveredBySale")] || null;
  };

  it("defaults to 14 days: a payment at day 20 does not recover the lead anywhere", async () => {
    await seed();
    expect(await getRecoveryWindowDays(db().db)).toBe(14);
    expect(await recoveredBy()).toBeNull();
    expect(recoveryStats(await listLeads(db().db, RANGE)).byCurrency[0]).toMatchObject({ recoveredValue: 0, recoveryRate: 0 });
    expect(await csvRecoveredBy()).toBeNull();
    expect(await leadsRecoveredBy(db().db, "day20")).toEqual([]);
  });

  it("with 30 days the same payment recovers it in the worklist, the rate, the export and the reverse link; back to 14 it does not", async () => {
    await seed();
    expect(await setRecoveryWindowDays(db().db, { days: 30 }, owner)).toEqual({ days: 30, previous: 14, changed: true });
    expect(await recoveredBy()).toBe("day20");
    expect(recoveryStats(await listLeads(db().db, RANGE)).byCurrency[0]).toMatchObject({ atRiskValue: LEAD_MINOR, recoveredValue: PAID_MINOR, recoveryRate: PAID_MINOR / LEAD_MINOR });
    expect(await csvRecoveredBy()).toBe("day20");
    expect((await leadsRecoveredBy(db().db, "day20")).map((l) => l.saleId)).toEqual(["lead"]);

    await setRecoveryWindowDays(db().db, { days: 14 }, owner);
    expect(await recoveredBy()).toBeNull();
    expect(await leadsRecoveredBy(db().db, "day20")).toEqual([]);
  });

  it("audits each change (not a save of the same value) and refuses values outside 1–90", async () => {
    await setRecoveryWindowDays(db().db, { days: 30 }, owner);
    await setRecoveryWindowDays(db().db, { days: 30 }, owner);
    await setRecoveryWindowDays(db().db, { days: 1 }, owner);
    await setRecoveryWindowDays(db().db, { days: 90 }, owner);
    const audit = await listAudit(db().db, { action: "recovery.window_changed" });
    expect(audit.map((e) => [e.actorEmail, e.details])).toEqual([
      ["owner@x.test", { previous: 1, days: 90 }],
      ["owner@x.test", { previous: 30, days: 1 }],
      ["owner@x.test", { previous: 14, days: 30 }],
    ]);
    for (const days of [0, 91, 14.5]) await expect(setRecoveryWindowDays(db().db, { days }, owner)).rejects.toBeInstanceOf(ValidationError);
    expect(await getRecoveryWindowDays(db().db)).toBe(90);
  });
});
