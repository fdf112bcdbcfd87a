// A paid sale through an affiliate, announced by the simulator's successful.sale Pulse (the affiliate sits
// beside the sale in the payload), is attributed to that affiliate in the known list with its revenue.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listKnownAffiliates } from "@/lib/affiliates/queries";
import { createPulseQueue, receivePulse } from "@/lib/pulses";
import { createMirrorSink } from "@/lib/pulses/mirror-sink";
import { startSimulator, type RunningSimulator } from "@/simulator/index";
import { describeEachEngine } from "../db/engines";
import { FakeClock, HISTORY_END, control } from "../simulator/helpers";
import { startPulseEndpoint, until } from "../pulses/helpers";

const SECRET = "whsec_aff_sale";

for (const dialect of ["current", "legacy"] as const) {
  describe(`affiliate sale Pulse (${dialect})`, () => {
    let sim: RunningSimulator;
    let endpoint: { url: string; close(): Promise<void> };
    const notReady = async () => new Response("not ready", { status: 503 });
    let handle: (req: Request) => Promise<Response> = notReady;
    beforeAll(async () => {
      endpoint = await startPulseEndpoint((req) => handle(req));
      sim = await startSimulator({ now: HISTORY_END, clock: new FakeClock(), rateLimit: 0, dialect, pulse: { url: endpoint.url, secret: SECRET, retryDelaysMs: [20, 20, 20] } });
    });
    afterAll(async () => {
      await sim?.close();
      await endpoint?.close();
    });

    describeEachEngine(`affiliate sale Pulse (${dialect})`, ({ db }) => {
      it("attributes the paid sale to CREATOR123 with its amount", async () => {
        try {
          await attributesTheSale();
        } finally {
          // A retry the simulator sends after the test (its endpoint was slow under load) must not reach
          // this engine's database once it is closed.
          handle = notReady;
        }
      });
      async function attributesTheSale() {
        const queue = createPulseQueue({ db: async () => db().db, sink: async () => createMirrorSink(db().db, { timeZone: async () => "UTC" }) });
        handle = (req) => receivePulse(req, { db: db().db, secrets: { "*": SECRET }, onAccepted: queue.enqueue });
        const { json } = await control(sim, "POST", "/checkouts", { affiliate_code: "CREATOR123" });
        const done = await control(sim, "POST", `/sales/${json.sale.id}/complete`);
        expect(done.status).toBeLessThan(300);
        await until(async () => (await db().db.selectFrom("sales").select("id").where("id", "=", json.sale.id).where("status", "=", "completed").execute()).length === 1);
        await queue.idle();
        const sale = await db().db.selectFrom("sales").select(["amount", "currency", "store_affiliate_code"]).where("id", "=", json.sale.id).executeTakeFirstOrThrow();
        expect(sale.store_affiliate_code).toBe("CREATOR123");
        const { affiliates } = await listKnownAffiliates(db().db, {});
        const creator = affiliates.find((a) => a.code === "CREATOR123");
        expect(creator?.salesCount).toBe(1);
        expect(creator?.totals).toEqual([expect.objectContaining({ currency: sale.currency, sales: 1, revenue: sale.amount })]);
      }
    });
  });
}
