// Recovery end to end with the simulator in live mode and the real Pulse path into the mirror (both
// engines): a failed sale arrives by its Pulse and shows in the worklist with its category, recovery link
// and a WhatsApp-ready phone; the same customer later pays for the same product and the lead turns
// recovered by itself; the recovery rate is checked against the amounts the simulator's API reports.
import { afterEach, expect, it } from "vitest";
import { createPulseQueue, receivePulse } from "@/lib/pulses";
import { createMirrorSink } from "@/lib/pulses/mirror-sink";
import { getLeadContact, internationalPhone, isOpenLead, listLeads, MIRROR_ONLY_LINKS, recoveryStats, setRecoveryWindowDays } from "@/lib/recovery";
import { localDay } from "@/lib/time";
import { startSimulator, type RunningSimulator } from "../../../simulator/index";
import { describeEachEngine } from "../db/engines";
import { startPulseEndpoint, until } from "../pulses/helpers";
import { FakeClock, HISTORY_END, call, control } from "../simulator/helpers";

const SECRET = "whsec_sim_recovery";
const ZONE = "Africa/Abidjan";
let sim: RunningSimulator | null = null;
let endpoint: { url: string; close(): Promise<void> } | null = null;

afterEach(async () => {
  await sim?.close();
  await endpoint?.close();
  sim = null;
  endpoint = null;
});

describeEachEngine("Recovery from simulator Pulses", ({ db }) => {
  async function setUp() {
    const queue = createPulseQueue({ db: async () => db().db, sink: async () => createMirrorSink(db().db, { timeZone: async () => ZONE }) });
    endpoint = await startPulseEndpoint((req) => receivePulse(req, { db: db().db, secrets: { pulse_demo: SECRET }, onAccepted: queue.enqueue }));
    const clock = new FakeClock();
    // Live mode on (the engine is started), with ticks far apart so only this test's sales exist.
    sim = await startSimulator({ now: HISTORY_END, clock, rateLimit: 0, live: { intervalMs: 3_600_000 }, pulse: { url: endpoint.url, secret: SECRET, retryDelaysMs: [20, 20, 20, 20] } });
    const range = { from: localDay(new Date(clock.now() - 86_400_000).toISOString(), ZONE), to: localDay(new Date(clock.now() + 30 * 86_400_000).toISOString(), ZONE) };
    return { queue, sim, clock, range };
  }
  const delivered = async (n: number) => until(async () => (await db().db.selectFrom("pulse_deliveries").select("id").execute()).length >= n);
  const amountOf = async (s: RunningSimulator, id: string) => {
    const r = await call(s, `/sales/${id}`);
    const a = r.json.data.amount;
    return { minor: Math.round(Number(a.value) * (a.currency === "XOF" ? 1 : 100)), currency: a.currency as string };
  };

  it("a failed sale becomes a lead, then turns recovered when the same customer pays for the same product", async () => {
    const { queue, sim, clock, range } = await setUp();
    const failed = await control(sim, "POST", "/checkouts", {});
    const { customer_id: customerId, product_id: productId } = failed.json.sale;
    await control(sim, "POST", `/sales/${failed.json.sale.id}/fail`, { code: "insufficient_funds" });
    await delivered(1);
    await queue.idle();

    const before = await listLeads(db().db, range);
    expect(before).toHaveLength(1);
    const lead = before[0];
    expect(lead).toMatchObject({ saleId: failed.json.sale.id, status: "failed", category: "insufficient_funds", state: "open", recovered: null, productId });
    expect(isOpenLead(lead)).toBe(true);
    expect(lead.checkoutUrl).toMatch(/\/checkout\/.+email=/);
    // The phone comes from the Pulse and is WhatsApp-ready.
    const contact = await getLeadContact(db().db, lead.saleId, MIRROR_ONLY_LINKS);
    expect(contact).toMatchObject({ checkoutUrl: lead.checkoutUrl, linkSource: "pulse" });
    const phone = internationalPhone(contact?.phone ?? null, contact?.country ?? null);
    expect(phone.ok && phone.digits).toBe(contact?.phone?.replace(/\D/g, ""));

    // Two days later another customer buys the product (not a recovery), then the same customer pays.
    clock.advance(2 * 86_400_000);
    const other = await control(sim, "POST", "/checkouts", { product_id: productId });
    expect(other.json.sale.customer_id).not.toBe(customerId);
    await control(sim, "POST", `/sales/${other.json.sale.id}/complete`);
    clock.advance(3_600_000);
    const retry = await control(sim, "POST", "/checkouts", { customer_id: customerId, product_id: productId });
    await control(sim, "POST", `/sales/${retry.json.sale.id}/complete`);
    await delivered(3);
    await queue.idle();

    const after = await listLeads(db().db, range);
    expect(after).toHaveLength(1);
    expect(after[0].recovered?.saleId).toBe(retry.json.sale.id);
    expect(isOpenLead(after[0])).toBe(false);

    // Independent truth: the amounts as the simulator's API reports them.
    const lost = await amountOf(sim, failed.json.sale.id);
    const paid = await amountOf(sim, retry.json.sale.id);
    const stats = recoveryStats(after);
    expect(stats.byCurrency).toEqual([{ currency: lost.currency, leads: 1, recoveredLeads: 1, atRiskValue: lost.minor, recoveredValue: paid.minor, recoveryRate: paid.minor / lost.minor }]);
    expect(stats.medianHoursToRecover).toBeCloseTo(49, 0);
    expect(stats.byCategory).toEqual([{ key: "insufficient_funds", leads: 1, recovered: 1 }]);
  });

  it("a payment after the window does not recover the lead", async () => {
    const { queue, sim, clock, range } = await setUp();
    const failed = await control(sim, "POST", "/checkouts", {});
    await control(sim, "POST", `/sales/${failed.json.sale.id}/abandon`);
    clock.advance(15 * 86_400_000);
    const late = await control(sim, "POST", "/checkouts", { customer_id: failed.json.sale.customer_id, product_id: failed.json.sale.product_id });
    await control(sim, "POST", `/sales/${late.json.sale.id}/complete`);
    await delivered(2);
    await queue.idle();
    const leads = await listLeads(db().db, range);
    expect(leads.map((l) => [l.saleId, l.status, l.recovered])).toEqual([[failed.json.sale.id, "abandoned", null]]);
    // With a 30-day window the same payment counts — passed explicitly, or as the owners' setting.
    expect((await listLeads(db().db, range, { windowDays: 30 }))[0].recovered?.saleId).toBe(late.json.sale.id);
    await setRecoveryWindowDays(db().db, { days: 30 }, { id: "u1", email: "owner@x.test", role: "owner" });
    expect((await listLeads(db().db, range))[0].recovered?.saleId).toBe(late.json.sale.id);
  });
});
