// Pulses applied to the real mirror (both engines): settlement and recovery link land on the sale, an
// older version arriving late is ignored (mirror keeps the newer), affiliate.joined records the
// affiliate, licence events update the sale's licences.
import { beforeEach, expect, it } from "vitest";
import { getMirrorSale, upsertSales } from "@/lib/mirror";
import { processDelivery, receivePulse } from "@/lib/pulses";
import { createMirrorSink } from "@/lib/pulses/mirror-sink";
import { affiliateJoinedPulsePayload, licensePulsePayload, salePulsePayload } from "../../factories/chariow-payloads";
import { saleSummary } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";
import { chariowJson, pulseRequest } from "./helpers";

const SECRET = "whsec_mirror";

describeEachEngine("Pulses into the mirror", ({ db }) => {
  let n = 0;
  beforeEach(() => {
    n = 0;
  });
  /** Receives and processes one delivery the way the route and the queue do; returns its final status. */
  async function deliver(payload: unknown) {
    const ids: number[] = [];
    const res = await receivePulse(pulseRequest(chariowJson(payload), { secret: SECRET, deliveryId: `pdlv_${++n}` }), { db: db().db, secrets: { "*": SECRET }, onAccepted: (id) => ids.push(id) });
    expect(res.status).toBe(200);
    return processDelivery(db().db, ids[0], createMirrorSink(db().db, { timeZone: async () => "Africa/Abidjan" }));
  }

  it("a successful.sale Pulse writes the sale with its settlement and service fee", async () => {
    expect(await deliver(salePulsePayload("successful.sale", { settled: true }))).toBe("processed");
    expect(await getMirrorSale(db().db, "sal_pulse1")).toMatchObject({
      status: "completed", currency: "XOF", amount: 4900, settlement_net: 4606, service_fee: 147, settlement_due_at: "2025-01-18T00:00:00.000Z",
      customer_email: "ama@example.com", product_name: "Formation Excel", source: "pulse", local_day: "2025-01-15",
    });
  });

  it("a failed sale keeps its recovery checkout link", async () => {
    await deliver(salePulsePayload("failed.sale"));
    expect((await getMirrorSale(db().db, "sal_pulse1"))?.checkout_url).toBe("https://boutique.mychariow.com/checkout/prefilled?sale=sal_pulse1");
  });

  it("out of order: an older abandoned.sale arriving after successful.sale is ignored", async () => {
    expect(await deliver(salePulsePayload("successful.sale", { settled: true }))).toBe("processed");
    // Its abandoned_at (11:30) is later than completed_at (10:32) in the factory: make it the older one.
    const late = salePulsePayload("abandoned.sale");
    expect(await deliver({ ...late, sale: { ...late.sale, abandoned_at: "2025-01-15T10:31:00+00:00" } })).toBe("stale");
    const sale = await getMirrorSale(db().db, "sal_pulse1");
    expect(sale).toMatchObject({ status: "completed", settlement_net: 4606 });
  });

  it("out of order: a completed Pulse after the sync saw the sale settled leaves it settled", async () => {
    await upsertSales(db().db, [saleSummary({ id: "sal_pulse1", status: "settled", createdAt: "2025-01-15T10:30:00.000Z", completedAt: "2025-01-15T10:32:00.000Z" })], {
      source: "list", receivedAt: "2025-01-20T00:00:00.000Z", timeZone: "Africa/Abidjan",
    });
    expect(await deliver(salePulsePayload("successful.sale", { settled: true }))).toBe("stale");
    expect((await getMirrorSale(db().db, "sal_pulse1"))?.status).toBe("settled");
  });

  it("affiliate.joined records the affiliate", async () => {
    expect(await deliver(affiliateJoinedPulsePayload())).toBe("processed");
    const row = await db().db.selectFrom("affiliates").selectAll().where("code", "=", "CREATOR123").executeTakeFirst();
    expect(row).toMatchObject({ id: "saff_xyz789abc", email: "jean@example.com", status: "active", source: "pulse" });
  });

  it("licence events update the sale's licences", async () => {
    const withSale = (p: ReturnType<typeof licensePulsePayload>, activations: number) => ({ ...p, license: { ...p.license, activations }, sale: { id: "sal_lic" } });
    await deliver(withSale(licensePulsePayload("license.issued"), 0));
    await deliver(withSale(licensePulsePayload("license.activated"), 1));
    const rows = await db().db.selectFrom("sale_licences").selectAll().where("sale_id", "=", "sal_lic").execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ licence_id: "lic_1", licence_key: "ABC-123-XYZ", status: "active", activations: 1, max_activations: 3 });
    await deliver(withSale(licensePulsePayload("license.revoked"), 1));
    expect((await db().db.selectFrom("sale_licences").select("status").where("sale_id", "=", "sal_lic").executeTakeFirst())?.status).toBe("revoked");
  });
});
