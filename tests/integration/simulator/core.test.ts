// Core behaviour of the simulator over real HTTP: determinism, envelope, errors, sales list and detail
// in both dialects, and every documented /sales filter checked against the ground truth.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../../simulator/index";
import { FakeClock, HISTORY_END, call, listOf, type RawJson } from "./helpers";

let sim: RunningSimulator;
const clock = new FakeClock();

beforeAll(async () => {
  sim = await startSimulator({ seed: 42, now: HISTORY_END, clock, rateLimit: 0, apiKey: "sk_test_core" });
});
afterAll(() => sim.close());

async function walk(path: string): Promise<RawJson[]> {
  const all: RawJson[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const r = await call(sim, `${path}${sep}per_page=100${cursor ? `&cursor=${cursor}` : ""}`);
    expect(r.status).toBe(200);
    const { items, pagination } = listOf(r.json);
    all.push(...items);
    cursor = pagination.next_cursor;
  } while (cursor);
  return all;
}

describe("determinism", () => {
  it("two instances with the same seed and clock answer byte-identically", async () => {
    const other = await startSimulator({ seed: 42, now: HISTORY_END, clock, rateLimit: 0, apiKey: "sk_test_core" });
    const third = await startSimulator({ seed: 43, now: HISTORY_END, clock, rateLimit: 0, apiKey: "sk_test_core" });
    try {
      const list = await call(sim, "/sales?per_page=100&status=settled");
      const id = listOf(list.json).items[7].id;
      for (const path of ["/sales?per_page=100", `/sales/${id}`, "/customers?per_page=50", "/products", "/affiliates/JOHN25", "/licenses?per_page=20"]) {
        const a = await call(sim, path);
        const b = await call(other, path);
        expect(a.status).toBe(200);
        expect(b.text).toBe(a.text);
      }
      const c = await call(third, "/sales?per_page=100");
      expect(c.text).not.toBe((await call(sim, "/sales?per_page=100")).text);
    } finally {
      await other.close();
      await third.close();
    }
  });
});

describe("auth and errors", () => {
  it("401 with the documented body for a missing or wrong key", async () => {
    const missing = await call(sim, "/sales", { key: null });
    expect(missing.status).toBe(401);
    expect(missing.json).toEqual({ message: "API key is missing. Please provide a valid API key.", data: [], errors: [] });
    const wrong = await call(sim, "/sales", { key: "sk_live_nope" });
    expect(wrong.status).toBe(401);
    expect(wrong.json.data).toEqual([]);
    expect(wrong.json.message).toMatch(/Invalid API key/);
    const controlTokenAsKey = await call(sim, "/store", { key: sim.controlToken });
    expect(controlTokenAsKey.status).toBe(401);
  });

  it("404 Laravel-style for unknown ids", async () => {
    const r = await call(sim, "/sales/sal_doesnotexist");
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ message: "No query results for model [App\\Models\\Sale].", data: [], errors: [] });
    expect((await call(sim, "/customers/cus_0000000000")).json.message).toBe("No query results for model [App\\Models\\Customer].");
    expect((await call(sim, "/products/nope")).status).toBe(404);
    expect((await call(sim, "/discounts/dis_nope")).status).toBe(404);
    expect((await call(sim, "/licenses/ABCD-12345-67890")).status).toBe(404);
    expect((await call(sim, "/affiliates/NOPE99")).status).toBe(404);
    expect((await call(sim, "/unknown")).status).toBe(404);
  });

  it("400 for invalid filter values and cursors", async () => {
    for (const q of ["status=paid", "start_date=2025-13-01", "end_date=01/02/2025", "start_date=2025-02-30", "per_page=abc", "per_page=0", "cursor=%%%", "cursor=bm90LWpzb24", "start_date=2025-03-01&end_date=2025-02-01"]) {
      const r = await call(sim, `/sales?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.json.data).toEqual([]);
      expect(r.json.errors).toEqual([]);
    }
  });
});

describe("sales in the current dialect", () => {
  it("nested list with summaries only, default 15 per page, clamp at 100", async () => {
    const r = await call(sim, "/sales");
    expect(r.json.message).toBe("success");
    expect(r.json.errors).toEqual([]);
    const { items, pagination } = listOf(r.json);
    expect(items).toHaveLength(15);
    expect(pagination).toMatchObject({ has_more: true, prev_cursor: null, per_page: 15 });
    expect(JSON.parse(Buffer.from(pagination.next_cursor, "base64").toString())).toHaveProperty("id");
    for (const s of items) {
      expect(s).not.toHaveProperty("channel");
      expect(s).not.toHaveProperty("settlement");
      expect(s.payment).not.toHaveProperty("fee");
      expect(s.amount).toEqual({ value: expect.any(Number), formatted: expect.any(String), short: expect.any(String), currency: expect.any(String) });
    }
    const times = items.map((s: { created_at: string }) => Date.parse(s.created_at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(listOf((await call(sim, "/sales?per_page=500")).json).items).toHaveLength(100);
  });

  it("detail has channel, settlement, fees, timestamps; amounts in major units", async () => {
    const settled = listOf((await call(sim, "/sales?status=settled&per_page=100")).json).items;
    const usd = settled.find((s: { amount: { currency: string } }) => s.amount.currency === "USD" || s.amount.currency === "EUR");
    const d = (await call(sim, `/sales/${usd.id}`)).json.data;
    expect(d.channel.value).toMatch(/^(store|affiliate|discover|widget|api)$/);
    expect(d.settlement.done_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
    expect(Date.parse(d.settlement.due_at)).toBeGreaterThan(Date.parse(d.completed_at));
    expect(d.payment).toMatchObject({ status: "success", gateway: expect.any(String), fee_rate: 3 });
    expect(d.payment.method).toEqual({ id: expect.any(String), name: expect.any(String) });
    expect(d.shipping === null || typeof d.shipping.country.code === "string").toBe(true);
    expect(d.context.country.code).toMatch(/^[A-Z]{2}$/);
    for (const k of ["created_at", "updated_at", "awaiting_payment_at", "completed_at", "failed_at", "abandoned_at", "campaign", "store_affiliate", "affiliate_commission", "download", "post_purchase", "custom_fields_values"]) expect(d).toHaveProperty(k);
    // Two-decimal currency: value is major units and formatted agrees with it.
    const cents = Math.round(d.amount.value * 100);
    expect(d.amount.formatted.replace(/[^0-9]/g, "")).toBe(String(cents));
  });
});

describe("legacy dialect", () => {
  it("flat list, minor-unit amounts, the seeds' pagination loop walks everything", async () => {
    sim.setDialect("legacy");
    try {
      const truth = sim.truth();
      const r = await call(sim, "/sales?per_page=100");
      expect(Array.isArray(r.json.data)).toBe(true);
      expect(r.json.pagination).toHaveProperty("next_cursor");
      const s = r.json.data[0];
      expect(Object.keys(s.amount).sort()).toEqual(["amount", "currency", "formatted"]);
      expect(Number.isInteger(s.amount.amount)).toBe(true);
      // The seeds' loop, verbatim apart from base URL, key and per_page.
      let cursor: string | null = null;
      let allSales: { id: string }[] = [];
      do {
        const url: string = cursor ? `${sim.baseUrl}/sales?per_page=100&cursor=${cursor}` : `${sim.baseUrl}/sales?per_page=100`;
        const response = await fetch(url, { headers: { Authorization: `Bearer ${sim.apiKey}` } });
        const result = await response.json();
        allSales = [...allSales, ...result.data];
        cursor = result.pagination.next_cursor;
      } while (cursor);
      expect(allSales).toHaveLength(truth.totalSales);
      expect(new Set(allSales.map((x) => x.id)).size).toBe(truth.totalSales);
      const detail = (await call(sim, `/sales/${allSales.find((x: RawJson) => x.status === "settled")!.id}`)).json.data;
      expect(detail.payment.fee_rate).toBe("3.00%");
      expect(Number.isInteger(detail.settlement.amount.amount)).toBe(true);
    } finally {
      sim.setDialect("current");
    }
  });
});

describe("filters", () => {
  it("status filter returns exactly the ground-truth count per status", async () => {
    const truth = sim.truth();
    for (const status of ["awaiting_payment", "completed", "failed", "abandoned"] as const) {
      const all = await walk(`/sales?status=${status}`);
      expect(all.length, status).toBe(truth.byStatus[status]);
      expect(all.every((s) => s.status === status)).toBe(true);
    }
  });

  it("date range is inclusive, on created_at in UTC, and matches truth per month", async () => {
    const truth = sim.truth();
    const month = Object.keys(truth.byMonth).sort()[5];
    const [y, m] = month.split("-").map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const all = await walk(`/sales?start_date=${month}-01&end_date=${month}-${String(last).padStart(2, "0")}`);
    const expected = Object.values(truth.byMonth[month]).reduce((a, b) => a + b, 0);
    expect(all.length).toBe(expected);
    expect(all.every((s) => s.created_at.startsWith(month))).toBe(true);
    const oneDay = await walk(`/sales?start_date=${month}-10&end_date=${month}-10`);
    expect(oneDay.every((s) => s.created_at.startsWith(`${month}-10`))).toBe(true);
  });

  it("customer_id returns that customer's sales; search by email, name and sale id", async () => {
    const all = await walk("/sales");
    const counts = new Map<string, number>();
    for (const s of all) counts.set(s.customer.id, (counts.get(s.customer.id) ?? 0) + 1);
    const [returning, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    expect(n).toBeGreaterThan(1); // customers who buy again exist
    const mine = await walk(`/sales?customer_id=${returning}`);
    expect(mine).toHaveLength(n);
    const email: string = mine[0].customer.email;
    const byEmail = await walk(`/sales?search=${encodeURIComponent(email.toUpperCase())}`);
    expect(byEmail.map((s) => s.id).sort()).toEqual(mine.map((s) => s.id).sort());
    const name: string = mine[0].customer.name;
    const byName = await walk(`/sales?search=${encodeURIComponent(name.toLowerCase())}`);
    expect(byName.length).toBe(all.filter((s) => s.customer.name === name).length);
    const bySaleId = await walk(`/sales?search=${all[123].id}`);
    expect(bySaleId.map((s) => s.id)).toContain(all[123].id);
    expect((await walk("/sales?customer_id=cus_unknown")).length).toBe(0);
  });

  it("combined filters intersect", async () => {
    const all = await walk("/sales?status=failed&start_date=2026-01-01&end_date=2026-03-31");
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((s) => s.status === "failed" && s.created_at >= "2026-01-01" && s.created_at < "2026-04-01")).toBe(true);
    expect(all.every((s) => s.payment.failure_error === null || typeof s.payment.failure_error.code === "string")).toBe(true);
  });
});
