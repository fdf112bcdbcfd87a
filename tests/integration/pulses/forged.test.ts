// Forged Pulses on a real database (both engines). Anyone can POST to /api/pulses: unverified refusals
// are counted apart from the failures behind the "Chariow disables a Pulse after 5 failures" warning,
// which counts only deliveries Chariow really sent that we failed (processing failures, 500s); a wrong
// secret still shows, as refusals since the last verified delivery; and one address's flood is listed at
// most 10 rows an hour, the rest counted in one row, so it never pushes another sender's refusals out.
import { sql } from "kysely";
import { beforeEach, expect, it } from "vitest";
import { listPulseLog, processDelivery, pulseLogSummary, receivePulse, type ReceivePulseDeps } from "@/lib/pulses";
import { iteratePulseLog } from "@/lib/pulses/export-pulse-log";
import { salePulsePayload } from "../../factories/chariow-payloads";
import { describeEachEngine } from "../db/engines";
import { chariowJson, pulseRequest, recordingSink, sign, type RecordingSink } from "./helpers";

const SECRETS = { pulse_sales: "whsec_sales" };
const saleBody = chariowJson(salePulsePayload("successful.sale", { settled: true }));
const CHARIOW = "198.51.100.7";
const FORGER = "203.0.113.9";
const T0 = Date.parse("2026-05-01T00:00:00.000Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

describeEachEngine("forged Pulses", ({ db }) => {
  let accepted: number[];
  let sink: RecordingSink;
  beforeEach(() => {
    accepted = [];
    sink = recordingSink();
  });
  const deps = (from: string, now = at(0)): ReceivePulseDeps => ({ db: db().db, secrets: SECRETS, onAccepted: (id) => accepted.push(id), now: () => now, clientAddress: () => from });
  const processAll = async () => {
    for (const id of accepted.splice(0)) await processDelivery(db().db, id, sink);
  };
  const forged = (i: number) => pulseRequest(saleBody, { signature: null, deliveryId: `forged_${i}` });
  const rows = (source: string) => db().db.selectFrom("pulse_rejections").selectAll().where("source", "=", source).orderBy("id").execute();

  it("counts only Chariow's own failed deliveries as failures; every kind of forgery is counted apart", async () => {
    sink.next = new Error("mirror unavailable");
    await receivePulse(pulseRequest(saleBody, { secret: "whsec_sales", deliveryId: "real_1" }), deps(CHARIOW));
    await processAll();
    const forgeries = [
      pulseRequest(saleBody, { signature: null }), // unsigned
      pulseRequest(saleBody, { signature: "sha256=zz" }), // malformed
      pulseRequest(saleBody, { secret: "whsec_guess" }), // bad signature
      pulseRequest(saleBody, { secret: "whsec_sales", pulseId: "pulse_other" }), // unknown Pulse id
    ];
    for (const [i, req] of forgeries.entries()) expect((await receivePulse(req, deps(`192.0.2.${i + 1}`))).status).toBe(401);
    const big = pulseRequest(chariowJson({ ...salePulsePayload("successful.sale"), padding: "x".repeat(2_000) }), { secret: "whsec_sales" });
    expect((await receivePulse(big, { ...deps("192.0.2.9"), maxBytes: 1_000 })).status).toBe(413);
    expect(await pulseLogSummary(db().db, at(1))).toMatchObject({ failuresLast24h: 1, rejectedLast24h: 5 });
  });

  it("a verified delivery we could not store (answered 500) is a failure Chariow counts", async () => {
    // The delivery table is unavailable: the route answers 500 (Chariow retries, and counts a failure).
    await sql`alter table pulse_deliveries rename to pulse_deliveries_away`.execute(db().db);
    await expect(receivePulse(pulseRequest(saleBody, { secret: "whsec_sales", deliveryId: "real_2" }), deps(CHARIOW))).rejects.toThrow();
    await sql`alter table pulse_deliveries_away rename to pulse_deliveries`.execute(db().db);
    await receivePulse(forged(1), deps(FORGER));
    expect(await pulseLogSummary(db().db, at(1))).toMatchObject({ failuresLast24h: 1, rejectedLast24h: 1 });
    expect((await listPulseLog(db().db, { limit: 10 })).find((e) => e.detail === "server_error")).toMatchObject({ status: "rejected", pulseId: "pulse_sales", source: CHARIOW, count: 1 });
  });

  it("a wrong secret still shows: refusals it would explain since the last verified delivery", async () => {
    await receivePulse(pulseRequest(saleBody, { secret: "whsec_sales", deliveryId: "ok_1" }), deps(CHARIOW, at(0)));
    for (let i = 0; i < 3; i++) await receivePulse(pulseRequest(saleBody, { secret: "whsec_rotated", deliveryId: `d${i}` }), deps(CHARIOW, at(10 + i)));
    await receivePulse(forged(1), deps(FORGER, at(14))); // unsigned: Chariow always signs, not a secret problem
    expect(await pulseLogSummary(db().db, at(20))).toMatchObject({ failuresLast24h: 0, rejectedLast24h: 4, refusedSinceAccepted: 3 });
    // A delivery verified afterwards: whatever was refused before, this Pulse's secret works.
    await receivePulse(pulseRequest(saleBody, { secret: "whsec_sales", deliveryId: "ok_2" }), deps(CHARIOW, at(21)));
    expect(await pulseLogSummary(db().db, at(22))).toMatchObject({ rejectedLast24h: 4, refusedSinceAccepted: 0 });
  });

  it("a flood from one address: 10 rows an hour and one counter row; another sender's refusal is never pushed out", async () => {
    // Chariow's delivery refused for a wrong secret, then 120 hours of forgeries, 12 an hour, from one address.
    await receivePulse(pulseRequest(saleBody, { secret: "whsec_rotated", deliveryId: "chariow_1" }), deps(CHARIOW, at(0)));
    const HOURS = 120;
    for (let i = 0; i < HOURS * 12; i++) expect((await receivePulse(forged(i), deps(FORGER, at(1 + i * 5)))).status).toBe(401);

    expect(await rows(CHARIOW)).toEqual([expect.objectContaining({ reason: "mismatch", pulse_id: "pulse_sales", repeat_count: 1 })]);
    const flood = await rows(FORGER);
    // 11 rows an hour (10 listed, 1 counting 2) would be 1,320: the address keeps its newest 1,000.
    expect(flood).toHaveLength(1_000);
    const lastHour = flood.filter((r) => r.received_at >= at(1 + (HOURS - 1) * 60).toISOString().slice(0, 13));
    expect(lastHour.map((r) => r.repeat_count).sort()).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]);
    // The last 24 hours hold 24 × 12 forgeries, counter rows included; none is a failure.
    expect(await pulseLogSummary(db().db, at(HOURS * 60))).toMatchObject({ failuresLast24h: 0, rejectedLast24h: 24 * 12, refusedSinceAccepted: 0 });
    const [newest] = await listPulseLog(db().db, { limit: 1 });
    expect(newest).toMatchObject({ status: "rejected", detail: "missing_signature", source: FORGER, count: 2 });
    // The CSV export says the same on one line.
    const first = await iteratePulseLog(db().db).next();
    expect(first.value).toMatchObject({ status: "rejected", detail: `missing_signature ×2 (${FORGER})` });
  }, 120_000);

  it("an IPv6 sender is one source per /64, whatever address of it each request uses", async () => {
    for (let i = 0; i < 15; i++) await receivePulse(forged(i), deps(`2001:db8:1:2::${(i + 1).toString(16)}`));
    const all = await db().db.selectFrom("pulse_rejections").selectAll().execute();
    expect(new Set(all.map((r) => r.source))).toEqual(new Set(["2001:db8:1:2::/64"]));
    expect(all.map((r) => r.repeat_count).sort((a, b) => a - b)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 5]);
  });

  it("still verifies and stores real deliveries from an address that floods", async () => {
    for (let i = 0; i < 30; i++) await receivePulse(forged(i), deps(CHARIOW));
    const res = await receivePulse(pulseRequest(saleBody, { signature: sign(saleBody, "whsec_sales"), deliveryId: "real_3" }), deps(CHARIOW));
    expect(await res.json()).toEqual({ received: true, status: "accepted" });
  });
});
