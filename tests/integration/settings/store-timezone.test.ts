// The store time zone setting: an unknown zone is refused, a change is audited and recomputes every
// sale's local day (a sale at 23:30 UTC is the next day in Paris in summer).
import { expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { getMirrorSale, upsertSales } from "@/lib/mirror";
import { changeStoreTimeZone } from "@/lib/settings/change-store-timezone";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { saleSummary } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";

const actor = { id: "u1", email: "owner@x.test", role: "owner" as const };

describeEachEngine("store time zone", ({ db }) => {
  it("saves a zone, audits it, and recomputes local days", async () => {
    await db().db.insertInto("app_settings").values({ key: "store_timezone", value: "Africa/Abidjan", updated_at: "2026-01-01T00:00:00.000Z" }).execute();
    await upsertSales(db().db, [saleSummary({ id: "sal_late", createdAt: "2025-06-10T23:30:00.000Z" })], { source: "list", receivedAt: "2025-06-11T00:00:00.000Z", timeZone: "Africa/Abidjan" });
    expect((await getMirrorSale(db().db, "sal_late"))?.local_day).toBe("2025-06-10");

    expect(await changeStoreTimeZone(db().db, "Europe/Paris", actor)).toEqual({ timeZone: "Europe/Paris", rebuilt: true });
    expect(await getStoreTimeZone(db().db)).toBe("Europe/Paris");
    expect((await getMirrorSale(db().db, "sal_late"))?.local_day).toBe("2025-06-11");
    const audit = await db().db.selectFrom("audit_log").selectAll().where("action", "=", "settings.timezone_changed").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_email: "owner@x.test", target: "Europe/Paris" });

    // Saving the same zone again changes nothing.
    expect(await changeStoreTimeZone(db().db, "Europe/Paris", actor)).toEqual({ timeZone: "Europe/Paris", rebuilt: false });
  });

  it("refuses an unknown zone", async () => {
    await expect(changeStoreTimeZone(db().db, "Mars/Olympus", actor)).rejects.toBeInstanceOf(ValidationError);
  });
});
