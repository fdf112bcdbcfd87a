// The in-process queue: deliveries are applied one at a time in arrival order, off the request; after
// a crash (stored but never processed, or stuck mid-way) start-up's resume applies them exactly once.
import { expect, it } from "vitest";
import { createPulseQueue, receivePulse } from "@/lib/pulses";
import { salePulsePayload } from "../../factories/chariow-payloads";
import { describeEachEngine } from "../db/engines";
import { chariowJson, pulseRequest, recordingSink } from "./helpers";

describeEachEngine("Pulse queue", ({ db }) => {
  const body = (id: string) => {
    const p = salePulsePayload("successful.sale");
    return chariowJson({ ...p, sale: { ...p.sale, id } });
  };

  it("applies accepted deliveries in arrival order", async () => {
    const sink = recordingSink();
    const queue = createPulseQueue({ db: async () => db().db, sink: async () => sink });
    for (const id of ["sal_a", "sal_b", "sal_c"]) {
      await receivePulse(pulseRequest(body(id), { secret: "s", deliveryId: `d_${id}` }), { db: db().db, secrets: { "*": "s" }, onAccepted: queue.enqueue });
    }
    await queue.idle();
    expect(sink.sales.map((s) => s.sale.id)).toEqual(["sal_a", "sal_b", "sal_c"]);
  });

  it("resume re-processes what a crashed process left, once", async () => {
    // "Crash": stored (200 answered) but never handed to a queue.
    for (const id of ["sal_x", "sal_y"]) {
      await receivePulse(pulseRequest(body(id), { secret: "s", deliveryId: `d_${id}` }), { db: db().db, secrets: { "*": "s" }, onAccepted: () => undefined });
    }
    // One was mid-processing two minutes ago when the process died.
    const old = new Date(Date.now() - 120_000).toISOString();
    await db().db.updateTable("pulse_deliveries").set({ status: "processing", received_at: old }).where("delivery_id", "=", "d_sal_y").execute();
    const sink = recordingSink();
    const queue = createPulseQueue({ db: async () => db().db, sink: async () => sink });
    expect(await queue.resume()).toBe(2);
    await queue.idle();
    expect(sink.sales.map((s) => s.sale.id).sort()).toEqual(["sal_x", "sal_y"]);
    // A second start-up finds nothing left.
    expect(await createPulseQueue({ db: async () => db().db, sink: async () => sink }).resume()).toBe(0);
    const statuses = await db().db.selectFrom("pulse_deliveries").select("status").execute();
    expect(statuses.map((r) => r.status)).toEqual(["processed", "processed"]);
  });
});
