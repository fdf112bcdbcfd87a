// Exact recovery links end to end on both engines, with the simulator as Chariow: one POST /checkout per
// lead (asked again, or twice at once: one request), audited; the link paid — read back through the API or
// arriving by Pulse — recovers its lead "by link" even outside the window and for another amount, while a
// payment within the window says "window"; a lost answer (timeout, 5xx) is one request, stored as unknown
// and never re-sent by itself; refusals keep nothing; already_purchased marks the lead won; a free product
// is recovered at once.
import type { Kysely } from "kysely";
import { afterEach, beforeEach, expect, it } from "vitest";
import { createChariowClient, createMemoryBudgetStore, createScheduler, createVirtualClock, type ChariowClient } from "@/lib/chariow";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { upsertSales } from "@/lib/mirror";
import { createPulseQueue, receivePulse } from "@/lib/pulses";
import { createMirrorSink } from "@/lib/pulses/mirror-sink";
import { createExactRecoveryLink, getLead, leadsRecoveredBy, listLeads, recoveryStats } from "@/lib/recovery";
import type { Actor } from "@/lib/audit";
import { localDay } from "@/lib/time";
import { startSimulator, type RunningSimulator } from "@/simulator/index";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";
import { startPulseEndpoint, until } from "../pulses/helpers";
import { FakeClock, HISTORY_END, call, control } from "../simulator/helpers";

const ZONE = "Africa/Abidjan";
const SECRET = "whsec_exact_link";
const FREE_PRODUCT = "prd_5fr3gx8cb1";
const DAY = 86_400_000;

let sim: RunningSimulator | null = null;
let endpoint: { url: string; close(): Promise<void> } | null = null;
afterEach(async () => {
  await sim?.close();
  await endpoint?.close();
  sim = null;
  endpoint = null;
});

describeEachEngine("Exact recovery links", ({ db }) => {
  let k: Kysely<Database>;
  let actor: Actor;
  let clock: FakeClock;
  let s: RunningSimulator;
  let client: ChariowClient;
  let queue: ReturnType<typeof createPulseQueue>;

  // Before the database goes: no Pulse still on its way to it.
  afterEach(async () => {
    await sim?.close();
    sim = null;
    await queue.idle();
  });

  beforeEach(async () => {
    k = db().db;
    actor = (await makeMember(k, "support")).actor;
    await k.insertInto("app_settings").values({ key: "store_timezone", value: ZONE, updated_at: new Date().toISOString() }).execute();
    queue = createPulseQueue({ db: async () => k, sink: async () => createMirrorSink(k, { timeZone: async () => ZONE }) });
    endpoint = await startPulseEndpoint((req) => receivePulse(req, { db: k, secrets: { pulse_demo: SECRET }, onAccepted: queue.enqueue }));
    clock = new FakeClock();
    s = sim = await startSimulator({ now: HISTORY_END, clock, rateLimit: 0, sales: 600, pulse: { url: endpoint.url, secret: SECRET, retryDelaysMs: [20, 20, 20, 20] } });
    client = clientFor(s);
  });

  function clientFor(target: RunningSimulator, timeoutMs?: number): ChariowClient {
    const vclock = createVirtualClock();
    const scheduler = createScheduler({ clock: vclock, store: createMemoryBudgetStore({ assumedLimit: 100_000 }), backoffBaseMs: 1 });
    return createChariowClient({ baseUrl: target.baseUrl, apiKey: target.apiKey, scheduler, clock: vclock, ...(timeoutMs ? { timeoutMs } : {}) });
  }
  /** Reads sales through the API into the mirror, as the sync does. */
  async function mirror(...ids: string[]) {
    const sales = await Promise.all(ids.map((id) => client.getSale(id)));
    await upsertSales(k, sales, { source: "detail", receivedAt: new Date(clock.now()).toISOString(), timeZone: ZONE });
  }
  const posts = () => s.requestCount();
  const audit = async (action: string) => k.selectFrom("audit_log").selectAll().where("action", "=", action).orderBy("id").execute();
  const codeOf = (e: unknown) => (e instanceof AppError ? [e.status, e.code, e.field] : e);
  const create = (leadId: string, body: { discountCode?: string; retryUnknown?: boolean } = {}, c: ChariowClient | null = client) =>
    createExactRecoveryLink(k, leadId, body, actor, { client: c, now: () => new Date(clock.now()) });
  const rangeOf = async (leadId: string) => {
    const at = (await k.selectFrom("sales").select("created_at").where("id", "=", leadId).executeTakeFirstOrThrow()).created_at!;
    return { from: localDay(at, ZONE), to: localDay(at, ZONE) };
  };
  /** Failed leads whose customer never paid for that product (before or after): only our link can recover them. */
  async function plainLeads(n: number): Promise<string[]> {
    const out: string[] = [];
    for (const lead of (await client.listSales({ status: "failed", per_page: 100 })).items) {
      const theirs = await client.listSales({ customer_id: lead.customer!.id, per_page: 100 });
      if (!theirs.items.some((x) => x.product?.id === lead.product?.id && (x.status === "completed" || x.status === "settled"))) out.push(lead.id);
      if (out.length === n) return out;
    }
    throw new Error("not enough plain leads");
  }

  it("makes the lead's link once — a sale on the api channel naming the lead, audited — and gives it back without a second request", async () => {
    const [leadId] = await plainLeads(1);
    await mirror(leadId);
    const lead = (await getLead(k, leadId))!;
    const before = { requests: posts(), sales: s.truth().totalSales };
    const first = await create(leadId, { discountCode: "SAVE20" });
    expect(first).toMatchObject({ created: true, leadMarkedWon: false, link: { leadId, status: "created", step: "payment", discountCode: "SAVE20", attempts: 1, createdBy: actor.id } });
    expect(new URL(first.link.url!).hostname).toMatch(/(^|\.)mychariow\.com$/);
    expect(posts()).toBe(before.requests + 1);
    expect(s.truth().totalSales).toBe(before.sales + 1);
    const sale = (await call(s, `/sales/${first.link.saleId}`)).json.data;
    expect(sale).toMatchObject({ status: "awaiting_payment", channel: { value: "api" }, customer: { email: lead.customerEmail }, product: { id: lead.productId }, discount: { code: "SAVE20" }, custom_metadata: { lead_id: leadId } });
    // The sale Chariow made is in the mirror at once, naming its lead.
    expect(await k.selectFrom("sales").select(["recovery_lead_id", "channel", "status"]).where("id", "=", first.link.saleId!).executeTakeFirst()).toMatchObject({ recovery_lead_id: leadId, status: "awaiting_payment" });
    const entries = await audit("recovery.checkout_link");
    expect(entries.map((e) => [e.target, e.actor_user_id, JSON.parse(e.details!)])).toEqual([[leadId, actor.id, { outcome: "payment", saleId: first.link.saleId, discountCode: "SAVE20", attempt: 1 }]]);

    const requests = posts();
    const again = await create(leadId, { discountCode: "OTHER" });
    expect(again).toEqual({ ...first, created: false });
    expect(posts()).toBe(requests);
    expect(await audit("recovery.checkout_link")).toHaveLength(1);
  });

  it("waits for the API budget a little longer than a read (the member asked for it), then makes the link", async () => {
    const [leadId] = await plainLeads(1);
    await mirror(leadId);
    // The key's budget is spent until 12 s from now: beyond a read's 5 s wait, within the link's.
    const vclock = createVirtualClock();
    const store = createMemoryBudgetStore({ assumedLimit: 100 });
    await store.block(vclock.now() + 12_000);
    const scheduler = createScheduler({ clock: vclock, store, backoffBaseMs: 1 });
    const slow = createChariowClient({ baseUrl: s.baseUrl, apiKey: s.apiKey, scheduler, clock: vclock });
    const requests = posts();
    const made = await create(leadId, {}, slow);
    expect(made).toMatchObject({ created: true, link: { status: "created", step: "payment" } });
    expect(posts()).toBe(requests + 1);
  });

  it("two requests at once make one Chariow request and give the same link", async () => {
    const [leadId] = await plainLeads(1);
    await mirror(leadId);
    const before = { requests: posts(), sales: s.truth().totalSales };
    const [a, b] = await Promise.all([create(leadId), create(leadId)]);
    expect(posts()).toBe(before.requests + 1);
    expect(s.truth().totalSales).toBe(before.sales + 1);
    expect(a.link.url).toBe(b.link.url);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await k.selectFrom("recovery_checkout_links").selectAll().execute()).toHaveLength(1);
  });

  it("paid 40 days later with a discount, by Pulse or read back, the link recovers its lead by link; a payment within the window says window", async () => {
    const [leadId] = await plainLeads(1);
    // A lead recovered by its customer within the window, in the same mirror.
    const windowTruth = s.recoveryTruth({ fromSec: 0, toSec: HISTORY_END.getTime() / 1000, windowDays: 14 });
    const [windowLead, { saleId: windowPayment }] = Object.entries(windowTruth.recoveries)[0];
    await mirror(leadId, windowLead, windowPayment);
    const link = await create(leadId, { discountCode: "SAVE20" });
    clock.advance(40 * DAY);
    await control(s, "POST", "/checkout/pay", { url: link.link.url });
    // The successful.sale Pulse carries the metadata: the mirror learns the lead from it, with no API read.
    await until(async () => (await k.selectFrom("sales").select("status").where("id", "=", link.link.saleId!).executeTakeFirst())?.status === "completed");
    expect(await k.selectFrom("sales").select(["recovery_lead_id", "custom_metadata"]).where("id", "=", link.link.saleId!).executeTakeFirst()).toEqual({ recovery_lead_id: leadId, custom_metadata: JSON.stringify({ lead_id: leadId }) });

    const [lead] = await listLeads(k, await rangeOf(leadId), { windowDays: 14 });
    expect(lead).toMatchObject({ saleId: leadId, recoveredBy: "link", recovered: { saleId: link.link.saleId } });
    // 20 % off: the recovering payment is not the amount that failed.
    expect(lead.recovered!.amount).toBe(Math.round(lead.amount! * 0.8));
    const [inWindow] = await listLeads(k, await rangeOf(windowLead), { windowDays: 14 });
    expect(inWindow).toMatchObject({ saleId: windowLead, recoveredBy: "window", recovered: { saleId: windowPayment } });
    expect(recoveryStats([lead, inWindow]).recoveredBy).toEqual({ link: 1, window: 1 });
    // The paying sale's page names the lead it recovered, and how.
    expect(await leadsRecoveredBy(k, link.link.saleId!, { windowDays: 14 })).toMatchObject([{ saleId: leadId, by: "link" }]);
    // Read back through the API (the sync's way) it stays so.
    await mirror(link.link.saleId!);
    expect((await listLeads(k, await rangeOf(leadId), { windowDays: 14 }))[0].recoveredBy).toBe("link");
    // A recovered lead gets no new link, but its stored one is still given back.
    expect((await create(leadId)).created).toBe(false);
  });

  for (const fault of [{ name: "a timeout", faults: { timeoutRate: 1 }, failure: "timeout" }, { name: "a 503", faults: { errorRate: 1 }, failure: "server_error" }] as const) {
    it(`${fault.name}: one request seen by the simulator, stored as unknown, never re-sent by itself; an explicit retry makes the link`, async () => {
      const [leadId] = await plainLeads(1);
      await mirror(leadId);
      const slow = clientFor(s, 200);
      s.setFaults(fault.faults);
      const before = posts();
      expect(codeOf(await create(leadId, {}, slow).catch((e: unknown) => e))).toEqual([502, "checkout_outcome_unknown", undefined]);
      expect(posts()).toBe(before + 1);
      expect(await k.selectFrom("recovery_checkout_links").select(["status", "failure", "attempts"]).where("lead_id", "=", leadId).executeTakeFirst()).toEqual({ status: "unknown", failure: fault.failure, attempts: 1 });
      // Asked again: the stored outcome, no request.
      expect(codeOf(await create(leadId, {}, slow).catch((e: unknown) => e))).toEqual([409, "checkout_outcome_unknown", undefined]);
      expect(posts()).toBe(before + 1);
      // The member checked Chariow and asks for a new link.
      s.setFaults({});
      const retried = await create(leadId, { retryUnknown: true }, slow);
      expect(retried.link).toMatchObject({ status: "created", step: "payment", attempts: 2, failure: null });
      expect(posts()).toBe(before + 2);
      expect((await audit("recovery.checkout_link")).map((e) => JSON.parse(e.details!).outcome)).toEqual(["unknown", "payment"]);
    });
  }

  it("Chariow refuses the discount code: 400 naming discountCode, nothing kept; without the code the link is made", async () => {
    const [leadId] = await plainLeads(1);
    await mirror(leadId);
    expect(codeOf(await create(leadId, { discountCode: "NOPE" }).catch((e: unknown) => e))).toEqual([400, "discount_code_refused", "discountCode"]);
    expect(await k.selectFrom("recovery_checkout_links").selectAll().execute()).toEqual([]);
    expect(JSON.parse((await audit("recovery.checkout_link"))[0].details!)).toMatchObject({ outcome: "refused", code: "validation", status: 422 });
    expect((await create(leadId)).link.step).toBe("payment");
  });

  it("already_purchased: the customer owns the product, the lead is told so and marked won", async () => {
    // A lead whose customer paid for the product later (that payment is not in this mirror).
    const t = s.recoveryTruth({ fromSec: 0, toSec: HISTORY_END.getTime() / 1000, windowDays: 14 });
    const [leadId] = Object.keys(t.recoveries);
    await mirror(leadId);
    const before = s.truth().totalSales;
    const r = await create(leadId);
    expect(r).toMatchObject({ created: true, leadMarkedWon: true, link: { status: "created", step: "already_purchased", url: null } });
    expect(s.truth().totalSales).toBe(before);
    expect(await k.selectFrom("recovery_leads").select(["state", "updated_by"]).where("sale_id", "=", leadId).executeTakeFirst()).toEqual({ state: "won", updated_by: actor.id });
    expect(JSON.parse((await audit("recovery.lead_updated"))[0].details!)).toEqual({ state: "won", previousState: "open", reason: "already_purchased" });
  });

  it("completed: a free product's lead is recovered by its link at once", async () => {
    const made = await control(s, "POST", "/checkouts", { product_id: FREE_PRODUCT });
    await control(s, "POST", `/sales/${made.json.sale.id}/fail`, { code: "timeout" });
    const leadId = made.json.sale.id as string;
    await mirror(leadId);
    const r = await create(leadId);
    expect(r.link).toMatchObject({ status: "created", step: "completed", url: null });
    const [lead] = await listLeads(k, await rangeOf(leadId), { windowDays: 14 });
    expect(lead).toMatchObject({ recoveredBy: "link", recovered: { saleId: r.link.saleId, amount: 0 } });
  });

  it("refuses without a request: an unknown lead (404), a lead already recovered or won (409), no API key (503)", async () => {
    const t = s.recoveryTruth({ fromSec: 0, toSec: HISTORY_END.getTime() / 1000, windowDays: 14 });
    const [recoveredLead, { saleId: payment }] = Object.entries(t.recoveries)[0];
    const [plain] = await plainLeads(1);
    await mirror(recoveredLead, payment, plain);
    const before = posts();
    expect(codeOf(await create("sal_nope").catch((e: unknown) => e))).toEqual([404, "lead_not_found", undefined]);
    expect(codeOf(await create(payment).catch((e: unknown) => e))).toEqual([404, "lead_not_found", undefined]);
    expect(codeOf(await create(recoveredLead).catch((e: unknown) => e))).toEqual([409, "lead_not_recoverable", undefined]);
    await k.insertInto("recovery_leads").values({ sale_id: plain, state: "won", updated_at: new Date().toISOString() }).execute();
    expect(codeOf(await create(plain).catch((e: unknown) => e))).toEqual([409, "lead_not_recoverable", undefined]);
    await k.updateTable("recovery_leads").set({ state: "open" }).where("sale_id", "=", plain).execute();
    expect(codeOf(await create(plain, {}, null).catch((e: unknown) => e))).toEqual([503, "not_connected", undefined]);
    expect(posts()).toBe(before);
    expect(await k.selectFrom("recovery_checkout_links").selectAll().execute()).toEqual([]);
  });
});
