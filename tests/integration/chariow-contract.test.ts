// Contract: the Chariow client against the simulator in both dialects — every endpoint and filter,
// errors and faults, and a full pagination walk checked against the simulator's ground truth.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "@/simulator/index";
import {
  ChariowNotFoundError,
  ChariowUnauthorizedError,
  ChariowUpstreamUnavailableError,
  ChariowValidationError,
  PAID_SALE_STATUSES,
  createChariowClient,
  createMemoryBudgetStore,
  createScheduler,
  createVirtualClock,
  paginate,
  walkSalesByDateWindows,
  type ChariowClient,
  type Sale,
  type SchedulerOptions,
} from "@/lib/chariow";

const NOW = new Date("2026-06-01T00:00:00Z");

function clientFor(sim: RunningSimulator, options: SchedulerOptions = {}, extra: { apiKey?: string; timeoutMs?: number } = {}): ChariowClient {
  const clock = options.clock ?? createVirtualClock(); // waits (backoff, Retry-After) cost no real time
  const scheduler = createScheduler({ clock, store: createMemoryBudgetStore({ assumedLimit: 1000 }), ...options });
  return createChariowClient({ baseUrl: sim.baseUrl, apiKey: extra.apiKey ?? sim.apiKey, scheduler, clock, timeoutMs: extra.timeoutMs });
}

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe.each(["current", "legacy"] as const)("client ↔ simulator (%s dialect)", (dialect) => {
  let sim: RunningSimulator;
  let client: ChariowClient;
  let sales: Sale[];

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, seed: 42, dialect, rateLimit: 0, sales: 1500, now: NOW });
    client = clientFor(sim);
    sales = await all(paginate(client.listSales, { per_page: 100 }, { priority: "background" }));
  });
  afterAll(async () => sim?.close());

  it("walks every sale exactly once", () => {
    const truth = sim.truth();
    expect(sales).toHaveLength(truth.totalSales);
    expect(new Set(sales.map((s) => s.id)).size).toBe(truth.totalSales);
    expect(sales.every((s) => s.detail === false)).toBe(true);
  });

  it("matches the ground truth per status and, per currency, to the minor unit", () => {
    const truth = sim.truth();
    const byStatus: Record<string, number> = {};
    for (const s of sales) byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
    for (const [status, n] of Object.entries(truth.byStatus)) expect(byStatus[status] ?? 0).toBe(n);

    const perCurrency = new Map<string, { paidCount: number; paidRevenue: number; original: number; discount: number; count: number }>();
    for (const s of sales) {
      const currency = s.amount!.currency;
      const t = perCurrency.get(currency) ?? { paidCount: 0, paidRevenue: 0, original: 0, discount: 0, count: 0 };
      t.count++;
      if (PAID_SALE_STATUSES.includes(s.status)) {
        t.paidCount++;
        t.paidRevenue += s.amount!.minor;
        t.original += s.originalAmount!.minor;
        t.discount += s.discountAmount!.minor;
      }
      perCurrency.set(currency, t);
    }
    expect([...perCurrency.keys()].sort()).toEqual(Object.keys(truth.byCurrency).sort());
    for (const [currency, expected] of Object.entries(truth.byCurrency)) {
      const got = perCurrency.get(currency)!;
      expect({ currency, ...got }).toEqual({
        currency,
        paidCount: expected!.paidCount,
        paidRevenue: expected!.paidRevenue,
        original: expected!.originalAmount,
        discount: expected!.discountAmount,
        count: expected!.salesCount,
      });
    }
  });

  it("the date-windowed walk yields the same sales", async () => {
    const days = sales.map((s) => s.createdAt!.slice(0, 10)).sort();
    const windowed = await all(walkSalesByDateWindows({ listSales: client.listSales, from: days[0], to: days.at(-1)!, windowDays: 45 }));
    expect(windowed).toHaveLength(sales.length);
    expect(new Set(windowed.map((s) => s.id))).toEqual(new Set(sales.map((s) => s.id)));
  });

  it("filters: status, customer_id, search, start_date/end_date", async () => {
    const truth = sim.truth();
    const failed = await all(paginate(client.listSales, { per_page: 100, status: "failed" }));
    expect(failed).toHaveLength(truth.byStatus.failed);
    expect(failed.every((s) => s.status === "failed" && s.payment?.status !== "success")).toBe(true);

    const customerId = sales[0].customer!.id;
    const mine = await all(paginate(client.listSales, { customer_id: customerId, per_page: 100 }));
    expect(mine.length).toBe(sales.filter((s) => s.customer?.id === customerId).length);
    expect(mine.every((s) => s.customer?.id === customerId)).toBe(true);

    const email = sales[0].customer!.email!;
    const found = (await client.listSales({ search: email, per_page: 100 })).items;
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((s) => s.customer?.email === email)).toBe(true);
    expect((await client.listSales({ search: sales[5].id })).items.map((s) => s.id)).toContain(sales[5].id);

    const month = sales[0].createdAt!.slice(0, 7);
    const inMonth = await all(paginate(client.listSales, { start_date: `${month}-01`, end_date: `${month}-28`, per_page: 100 }));
    const expected = sales.filter((s) => s.createdAt! >= `${month}-01` && s.createdAt! < `${month}-29`);
    expect(inMonth.map((s) => s.id).sort()).toEqual(expected.map((s) => s.id).sort());

    const page = await client.listSales({ per_page: 7 });
    expect(page.items).toHaveLength(7);
    expect(page.hasMore).toBe(true);
  });

  it("sale detail carries channel, fees and settlement in the sale's currency", async () => {
    const settled = sales.find((s) => s.status === "settled")!;
    const detail = await client.getSale(settled.id);
    expect(detail.detail).toBe(true);
    expect(detail.id).toBe(settled.id);
    expect(detail.amount).toEqual(settled.amount);
    expect(detail.channel).not.toBeNull();
    expect(detail.payment?.fee?.currency).toBe(settled.amount!.currency);
    expect(detail.settlement?.amount?.currency).toBe(settled.amount!.currency);
    expect(detail.settlement?.doneAt).not.toBeNull();
    const failed = sales.find((s) => s.status === "failed")!;
    expect((await client.getSale(failed.id)).payment?.failureError?.code).toBeTruthy();
  });

  it("store, customers, products, discounts, licences and pulses", async () => {
    const truth = sim.truth();
    expect((await client.getStore()).id).toMatch(/^(str|store)_/);

    const customers = await all(paginate(client.listCustomers, { per_page: 100 }));
    expect(customers).toHaveLength(truth.customers);
    expect((await client.getCustomer(customers[3].id)).email).toBe(customers[3].email);
    const searched = (await client.listCustomers({ search: customers[3].email! })).items;
    expect(searched.map((c) => c.id)).toContain(customers[3].id);

    const products = await all(paginate(client.listProducts, { per_page: 100 }));
    expect(products).toHaveLength(truth.publishedProducts);
    expect((await client.getProduct(products[0].id)).id).toBe(products[0].id);
    expect((await client.getProduct(products[0].slug!)).id).toBe(products[0].id);
    expect(products.every((p) => p.price !== null)).toBe(true);

    const discounts = await all(paginate(client.listDiscounts, { per_page: 100 }));
    expect(discounts).toHaveLength(truth.discounts);
    const fixed = discounts.find((d) => d.type === "fixed");
    if (fixed) expect((await client.getDiscount(fixed.id)).amountOff).not.toBeNull();
    const pct = discounts.find((d) => d.type === "percentage")!;
    expect(pct.percentOff).toBeGreaterThan(0);

    const licences = await all(paginate(client.listLicenses, { per_page: 100 }));
    expect(licences.length).toBeGreaterThan(0);
    expect((await client.getLicense(licences[0].key!)).id).toBe(licences[0].id);

    expect(Array.isArray(await client.listPulses())).toBe(true);
  });

  it("affiliates by code match the truth, in either shape", async () => {
    for (const expected of sim.truth().affiliates.slice(0, 4)) {
      const a = await client.getAffiliate(expected.code);
      expect(a.code).toBe(expected.code);
      expect(a.status).toBe(expected.status);
      expect(a.accountId).toBe(expected.accountId);
      if (dialect === "current") expect(a.storeAffiliateId).toBe(expected.id);
    }
    await expect(client.getAffiliate("a/b c")).rejects.toBeInstanceOf(ChariowNotFoundError);
  });

  it("invitations: sent, skipped, and 422 with field errors", async () => {
    const existing = sim.truth().affiliates[0].email;
    const fresh = `nouveau.${dialect}@example.com`;
    const r = await client.inviteAffiliates([fresh, existing]);
    expect(r.invitations.map((i) => i.email)).toEqual([fresh]);
    if (r.skipped) expect(r.skipped.alreadyAffiliate).toEqual([existing]);
    else expect(r.notInvited).toEqual([existing]);
    const again = await client.inviteAffiliates([fresh]);
    expect(again.invitations).toHaveLength(0);

    const error = (await client.inviteAffiliates(["ok@example.com", "pas-un-email"]).catch((e: unknown) => e)) as ChariowValidationError;
    expect(error).toBeInstanceOf(ChariowValidationError);
    expect(error.status).toBe(422);
    expect(Object.keys(error.fieldErrors)).toEqual(["emails.1"]);
  });

  it("errors: unknown id → not found, bad key → unauthorized", async () => {
    await expect(client.getSale("sal_does_not_exist")).rejects.toBeInstanceOf(ChariowNotFoundError);
    await expect(client.getCustomer("cus_nope")).rejects.toBeInstanceOf(ChariowNotFoundError);
    const intruder = clientFor(sim, {}, { apiKey: "sk_live_wrong" });
    await expect(intruder.getStore()).rejects.toBeInstanceOf(ChariowUnauthorizedError);
  });

  it("faults: HTML 5xx, timeouts and dropped connections become UpstreamUnavailable after bounded retries", async () => {
    try {
      const before = sim.requestCount();
      sim.setFaults({ htmlRate: 1 });
      await expect(clientFor(sim, { maxAttempts: 3 }).getStore()).rejects.toMatchObject({ constructor: ChariowUpstreamUnavailableError, failure: "server_error" });
      expect(sim.requestCount() - before).toBe(3);
      sim.setFaults({ timeoutRate: 1 });
      await expect(clientFor(sim, { maxAttempts: 2 }, { timeoutMs: 200 }).getStore()).rejects.toMatchObject({ failure: "timeout" });
      sim.setFaults({ dropRate: 1 });
      await expect(clientFor(sim, { maxAttempts: 2 }).getStore()).rejects.toMatchObject({ failure: "network" });
      sim.setFaults({ errorRate: 1 });
      const posts = sim.requestCount();
      await expect(clientFor(sim).inviteAffiliates(["x@example.com"])).rejects.toBeInstanceOf(ChariowUpstreamUnavailableError);
      expect(sim.requestCount() - posts).toBe(1); // POSTs are never retried
    } finally {
      sim.setFaults({});
    }
  });

  it("faults: a 429 storm and schema drift lose no sale", async () => {
    try {
      sim.setFaults({ storm429: 4, stormRetryAfter: 2, drift: true });
      const stormy = clientFor(sim);
      let refused = 0;
      stormy.scheduler.subscribe((e) => {
        if (e.type === "rate_limited") refused++;
      });
      // The sync walks at background priority, which waits out a storm; an interactive call would give up
      // after its 5 s bound (lib/chariow/scheduler.ts), which is for a person waiting, not for the sync.
      const drifted = await all(paginate(stormy.listSales, { per_page: 100 }, { priority: "background" }));
      expect(refused).toBe(4);
      expect(drifted.map((s) => s.id)).toEqual(sales.map((s) => s.id));
      expect(drifted.map((s) => s.amount)).toEqual(sales.map((s) => s.amount));
    } finally {
      sim.setFaults({});
    }
  });
});

describe("scheduler against the rate-limited simulator (shared virtual clock)", () => {
  it("at 10/min walks a 5,000-sale store in exactly 50 list requests with zero 429s", async () => {
    const clock = createVirtualClock(Date.UTC(2026, 5, 1, 9, 0, 0));
    const sim = await startSimulator({ port: 0, seed: 7, dialect: "current", rateLimit: 10, sales: 5000, now: NOW, clock });
    try {
      const scheduler = createScheduler({ clock }); // default budget: assumes 10/min until headers say otherwise
      const client = createChariowClient({ baseUrl: sim.baseUrl, apiKey: sim.apiKey, scheduler, clock });
      let rateLimited = 0;
      scheduler.subscribe((e) => {
        if (e.type === "rate_limited") rateLimited++;
      });
      const before = sim.requestCount();
      const t0 = clock.now();
      const walked = await all(paginate(client.listSales, { per_page: 100 }, { priority: "background" }));
      expect(walked).toHaveLength(5000);
      expect(new Set(walked.map((s) => s.id)).size).toBe(5000);
      expect(sim.requestCount() - before).toBe(50);
      expect(rateLimited).toBe(0);
      // 50 requests at 10 per window: four full waits, so between 4 and 5 minutes of virtual time.
      expect(clock.now() - t0).toBeGreaterThanOrEqual(4 * 60_000 - 60_000);
      expect(clock.now() - t0).toBeLessThan(5 * 60_000 + 5_000);
      expect(scheduler.state()).toMatchObject({ limit: 10, queued: { interactive: 0, background: 0 }, inFlight: 0 });
    } finally {
      await sim.close();
    }
  });
});
