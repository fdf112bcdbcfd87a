// POST /api/pulses' logic on a real database (both engines): HMAC over the raw bytes with each Pulse's
// secret (401 and nothing stored otherwise), dedupe by delivery id and by (event, object), test
// deliveries recorded but not processed, unknown events ignored, failures visible in the log.
import { beforeEach, describe, expect, it } from "vitest";
import { listPulseLog, processDelivery, pulseLogSummary, receivePulse, type ReceivePulseDeps } from "@/lib/pulses";
import { affiliateJoinedPulsePayload, licensePulsePayload, salePulsePayload } from "../../factories/chariow-payloads";
import { describeEachEngine } from "../db/engines";
import { chariowJson, pulseRequest, recordingSink, sign, type RecordingSink } from "./helpers";

const SECRETS = { pulse_sales: "whsec_sales", pulse_aff: "whsec_aff" };
const saleBody = chariowJson(salePulsePayload("successful.sale", { settled: true }));

describeEachEngine("Pulse ingestion", ({ db }) => {
  let accepted: number[];
  let sink: RecordingSink;
  let deps: () => ReceivePulseDeps;
  beforeEach(() => {
    accepted = [];
    sink = recordingSink();
    deps = () => ({ db: db().db, secrets: SECRETS, onAccepted: (id) => accepted.push(id) });
  });
  const deliveries = () => db().db.selectFrom("pulse_deliveries").selectAll().orderBy("id").execute();
  const rejections = () => db().db.selectFrom("pulse_rejections").selectAll().orderBy("id").execute();
  const processAll = async () => {
    const out = [];
    for (const id of accepted.splice(0)) out.push(await processDelivery(db().db, id, sink));
    return out;
  };

  it("stores a correctly signed delivery byte for byte, answers 200 and processes it once", async () => {
    expect(saleBody).toContain("\\/"); // PHP escaping: re-serialised JSON would not verify
    const res = await receivePulse(pulseRequest(saleBody, { secret: "whsec_sales", event: "successful.sale" }), deps());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true, status: "accepted" });
    const [row] = await deliveries();
    expect(row).toMatchObject({ delivery_id: "pdlv_1", pulse_id: "pulse_sales", event: "successful.sale", status: "received", body: saleBody });
    expect(await processAll()).toEqual(["processed"]);
    expect(sink.sales).toHaveLength(1);
    expect(sink.sales[0].sale).toMatchObject({ id: "sal_pulse1", status: "completed" });
    expect((await deliveries())[0]).toMatchObject({ status: "processed", object_id: "sal_pulse1" });
  });

  describe("refused with 401 and nothing stored but the refusal's metadata", () => {
    const cases: Array<[string, Request, string]> = [
      ["forged (another secret)", pulseRequest(saleBody, { secret: "whsec_attacker" }), "mismatch"],
      ["tampered body", pulseRequest(saleBody.replace("4900", "4901"), { signature: sign(saleBody, "whsec_sales") }), "mismatch"],
      ["re-serialised JSON", pulseRequest(JSON.stringify(JSON.parse(saleBody)), { signature: sign(saleBody, "whsec_sales") }), "mismatch"],
      ["signed with another Pulse's secret", pulseRequest(saleBody, { secret: "whsec_aff", pulseId: "pulse_sales" }), "mismatch"],
      ["an unknown Pulse id", pulseRequest(saleBody, { secret: "whsec_sales", pulseId: "pulse_other" }), "unknown_pulse"],
      ["no signature", pulseRequest(saleBody, { signature: null }), "missing_signature"],
      ["a malformed signature", pulseRequest(saleBody, { signature: "sha256=nothex" }), "malformed_signature"],
    ];
    for (const [name, make, reason] of cases) {
      it(name, async () => {
        const res = await receivePulse(make.clone(), deps());
        expect(res.status).toBe(401);
        expect((await res.json()).error.code).toBe("invalid_signature");
        expect(await deliveries()).toEqual([]);
        expect(accepted).toEqual([]);
        const [rejection] = await rejections();
        expect(rejection).toMatchObject({ reason, pulse_id: make.headers.get("x-pulse-id") });
        expect(Object.values(rejection).join(" ")).not.toContain("sal_pulse1"); // never the body
      });
    }

    it("with no secret configured at all", async () => {
      const res = await receivePulse(pulseRequest(saleBody), { ...deps(), secrets: {} });
      expect(res.status).toBe(401);
      expect((await rejections())[0].reason).toBe("no_secret");
    });
  });

  it("one unscoped secret ('*') verifies every Pulse id", async () => {
    const res = await receivePulse(pulseRequest(saleBody, { secret: "whsec_one", pulseId: "anything" }), { ...deps(), secrets: { "*": "whsec_one" } });
    expect(res.status).toBe(200);
  });

  it("refuses a body over the size limit with 413, without storing it", async () => {
    const big = chariowJson({ ...salePulsePayload("successful.sale"), padding: "x".repeat(2_000) });
    const res = await receivePulse(pulseRequest(big, { secret: "whsec_sales" }), { ...deps(), maxBytes: 1_000 });
    expect(res.status).toBe(413);
    expect(await deliveries()).toEqual([]);
    expect((await rejections())[0].reason).toBe("too_large");
  });

  it("a retry of the same delivery id is recorded as a duplicate and processed once", async () => {
    for (let i = 0; i < 3; i++) expect((await receivePulse(pulseRequest(saleBody, { secret: "whsec_sales" }), deps())).status).toBe(200);
    // Two more arriving at the same moment (as two instances would see them).
    const racing = await Promise.all([1, 2].map(() => receivePulse(pulseRequest(saleBody, { secret: "whsec_sales" }), deps())));
    expect(racing.map((r) => r.status)).toEqual([200, 200]);
    expect(accepted).toHaveLength(1);
    await processAll();
    expect(sink.sales).toHaveLength(1);
    const rows = await deliveries();
    expect(rows.map((r) => r.status)).toEqual(["processed", "duplicate", "duplicate", "duplicate", "duplicate"]);
    expect(rows.filter((r) => r.body !== null)).toHaveLength(1);
  });

  it("a manual replay (new delivery id, same event and sale) is skipped", async () => {
    await receivePulse(pulseRequest(saleBody, { secret: "whsec_sales", deliveryId: "pdlv_a" }), deps());
    await processAll();
    await receivePulse(pulseRequest(saleBody, { secret: "whsec_sales", deliveryId: "pdlv_b" }), deps());
    expect(await processAll()).toEqual(["duplicate"]);
    expect(sink.sales).toHaveLength(1);
    expect((await deliveries())[1]).toMatchObject({ delivery_id: "pdlv_b", status: "duplicate", detail: "replay" });
    // A different event for the same sale is not a replay.
    const failed = chariowJson({ ...salePulsePayload("failed.sale") });
    await receivePulse(pulseRequest(failed, { secret: "whsec_sales", deliveryId: "pdlv_c" }), deps());
    expect(await processAll()).toEqual(["processed"]);
  });

  it("an older version than the mirror's is recorded as stale, not as a failure", async () => {
    sink.next = "stale";
    await receivePulse(pulseRequest(saleBody, { secret: "whsec_sales" }), deps());
    expect(await processAll()).toEqual(["stale"]);
    expect((await pulseLogSummary(db().db)).failuresLast24h).toBe(0);
  });

  it("a test delivery (no delivery id, a note) is recorded and shown, never processed or counted", async () => {
    const body = chariowJson(salePulsePayload("successful.sale", { test: true }));
    const res = await receivePulse(pulseRequest(body, { secret: "whsec_sales", deliveryId: null }), deps());
    expect(await res.json()).toEqual({ received: true, status: "test" });
    expect(accepted).toEqual([]);
    expect(sink.sales).toEqual([]);
    const [entry] = await listPulseLog(db().db, { limit: 10 });
    expect(entry.status).toBe("test");
    expect(await pulseLogSummary(db().db)).toMatchObject({ processedLast24h: 0, failuresLast24h: 0, pending: 0 });
  });

  it("affiliate.joined records the affiliate; licence events reach the licences (repeated activations too)", async () => {
    await receivePulse(pulseRequest(chariowJson(affiliateJoinedPulsePayload()), { secret: "whsec_aff", pulseId: "pulse_aff", deliveryId: "d1" }), deps());
    const issued = { ...licensePulsePayload("license.issued"), sale: { id: "sal_lic" } };
    const activated1 = { ...licensePulsePayload("license.activated"), sale: { id: "sal_lic" } };
    const activated2 = { ...activated1, license: { ...activated1.license, activations: 2 } };
    let n = 2;
    for (const p of [issued, activated1, activated2, activated2]) await receivePulse(pulseRequest(chariowJson(p), { secret: "whsec_sales", deliveryId: `d${n++}` }), deps());
    expect(await processAll()).toEqual(["processed", "processed", "processed", "processed", "duplicate"]);
    expect(sink.affiliates.map((a) => a.id)).toEqual(["saff_xyz789abc"]);
    expect(sink.licences.map((l) => [l.saleId, l.licence.status, l.licence.activations])).toEqual([
      ["sal_lic", "pending_activation", 1],
      ["sal_lic", "active", 1],
      ["sal_lic", "active", 2],
    ]);
  });

  it("unknown events answer 200 and are recorded as ignored; malformed ones as failed", async () => {
    await receivePulse(pulseRequest(chariowJson({ event: "product.updated", product: {} }), { secret: "whsec_sales", deliveryId: "u1" }), deps());
    await receivePulse(pulseRequest(chariowJson({ event: "successful.sale", sale: { id: 5 } }), { secret: "whsec_sales", deliveryId: "u2" }), deps());
    await receivePulse(pulseRequest("not json", { secret: "whsec_sales", deliveryId: "u3" }), deps());
    expect(await processAll()).toEqual(["ignored", "failed", "failed"]);
    const log = await listPulseLog(db().db, { limit: 10 });
    expect(log.find((e) => e.deliveryId === "u2")?.detail).toMatch(/status/);
  });

  it("a processing error is kept with its message, counted in the last 24 h (a forged one apart), and a replay may retry it", async () => {
    sink.next = new Error("mirror unavailable");
    await receivePulse(pulseRequest(saleBody, { secret: "whsec_sales", deliveryId: "f1" }), deps());
    expect(await processAll()).toEqual(["failed"]);
    await receivePulse(pulseRequest(saleBody, { secret: "whsec_attacker" }), deps());
    const summary = await pulseLogSummary(db().db);
    expect(summary).toMatchObject({ failuresLast24h: 1, rejectedLast24h: 1 });
    const log = await listPulseLog(db().db, { limit: 10 });
    expect(log.map((e) => e.status)).toEqual(["rejected", "failed"]);
    expect(log[1].detail).toContain("mirror unavailable");
    await receivePulse(pulseRequest(saleBody, { secret: "whsec_sales", deliveryId: "f2" }), deps());
    expect(await processAll()).toEqual(["processed"]);
  });
});
