// Migration 0015 on both engines: sales mirrored before it keep their checkout's custom_metadata in
// raw_json only; the migration fills `custom_metadata` and `recovery_lead_id` from it (a sale payload or a
// Pulse body around one), leaves sales without metadata alone, and a second run changes nothing.
import { expect, it } from "vitest";
import { fillCheckoutMetadata } from "@/lib/db/migrations/0015-recovery-checkout-links";
import { upsertSales } from "@/lib/mirror";
import { saleDetail } from "../../factories/sales";
import { describeEachEngine } from "./engines";

describeEachEngine("migration 0015", ({ db }) => {
  it("fills custom_metadata and the lead it names from the stored payloads", async () => {
    const k = db().db;
    const ids = ["sal_link", "sal_pulse", "sal_other_key", "sal_empty", "sal_none"];
    await upsertSales(k, ids.map((id) => saleDetail({ id, status: "completed", currency: "XOF" })), { source: "detail", receivedAt: "2026-06-01T00:00:00.000Z", timeZone: "Africa/Abidjan" });
    // As a mirror written before 0015 holds them: the metadata only in raw_json.
    const raw: Record<string, unknown> = {
      sal_link: { id: "sal_link", custom_metadata: { lead_id: "sal_lead1", source: "dashboard" } },
      sal_pulse: { event: "successful.sale", sale: { id: "sal_pulse", custom_metadata: { lead_id: "sal_lead2" } } },
      sal_other_key: { id: "sal_other_key", custom_metadata: { order_ref: "A-12" } },
      sal_empty: { id: "sal_empty", custom_metadata: [] },
      sal_none: { id: "sal_none" },
    };
    for (const id of ids) await k.updateTable("sales").set({ raw_json: JSON.stringify(raw[id]), custom_metadata: null, recovery_lead_id: null }).where("id", "=", id).execute();
    await fillCheckoutMetadata(k);
    await fillCheckoutMetadata(k);
    const rows = await k.selectFrom("sales").select(["id", "custom_metadata", "recovery_lead_id"]).orderBy("id").execute();
    expect(rows).toEqual([
      { id: "sal_empty", custom_metadata: null, recovery_lead_id: null },
      { id: "sal_link", custom_metadata: JSON.stringify({ lead_id: "sal_lead1", source: "dashboard" }), recovery_lead_id: "sal_lead1" },
      { id: "sal_none", custom_metadata: null, recovery_lead_id: null },
      { id: "sal_other_key", custom_metadata: JSON.stringify({ order_ref: "A-12" }), recovery_lead_id: null },
      { id: "sal_pulse", custom_metadata: JSON.stringify({ lead_id: "sal_lead2" }), recovery_lead_id: "sal_lead2" },
    ]);
  });
});
