// POST /v1/checkout in the simulator (chariow-api-addendum-2026-12.md §1.1): each step — payment (a new
// awaiting_payment sale on the api channel with a hosted link on an allowed host), completed (free product),
// already_purchased (no new sale) — custom_metadata echoed on the sale (detail, list) and on its Pulse, the
// validation errors, the rate limit, and the control route that pays a link.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../../simulator/index";
import { FakeClock, HISTORY_END, call, control, listOf, type RawJson } from "./helpers";

const ALLOWED_HOSTS = ["chariow.com", "mychariow.com", "chariow.shop", "moneroo.io"];
const PRODUCT = "prd_7dk2lq9w3m"; // Formation Marketing Digital en Afrique, 25 000 F CFA
const FREE_PRODUCT = "prd_5fr3gx8cb1";

let sim: RunningSimulator | null = null;
let rx: Server | null = null;
afterEach(async () => {
  await sim?.close();
  await new Promise<void>((r) => (rx ? rx.close(() => r()) : r()));
  sim = null;
  rx = null;
});

/** A Pulse receiver that keeps each body. */
async function pulseReceiver(): Promise<{ url: string; bodies: RawJson[] }> {
  const bodies: RawJson[] = [];
  rx = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      bodies.push(JSON.parse(raw));
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => rx!.listen(0, "127.0.0.1", () => r()));
  return { url: `http://127.0.0.1:${(rx.address() as AddressInfo).port}/pulses`, bodies };
}

function checkout(s: RunningSimulator, body: unknown) {
  return call(s, "/checkout", { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
}

const buyer = { email: "awa.kone@example.com", first_name: "Awa", last_name: "Koné", phone: { number: "0701020304", country_code: "CI" } };

describe("POST /v1/checkout", () => {
  it("step payment: an awaiting_payment sale on the api channel, its hosted link on an allowed host, metadata on the sale and its Pulse", async () => {
    const receiver = await pulseReceiver();
    const clock = new FakeClock();
    sim = await startSimulator({ now: HISTORY_END, clock, rateLimit: 0, pulse: { url: receiver.url, secret: "whsec_checkout" } });
    const before = sim.truth().totalSales;
    const res = await checkout(sim, { ...buyer, product_id: PRODUCT, discount_code: "SAVE20", custom_metadata: { lead_id: "sal_lead123", source: "dashboard" }, redirect_url: "https://shop.example/merci" });
    expect(res.status).toBe(200);
    const data = res.json.data;
    expect(data.step).toBe("payment");
    const url = new URL(data.payment.checkout_url);
    expect(url.protocol).toBe("https:");
    expect(ALLOWED_HOSTS.some((h) => url.hostname === h || url.hostname.endsWith(`.${h}`))).toBe(true);
    expect(sim.truth().totalSales).toBe(before + 1);

    const detail = (await call(sim, `/sales/${data.purchase.id}`)).json.data;
    expect(detail).toMatchObject({ status: "awaiting_payment", channel: { value: "api" }, customer: { email: buyer.email, name: "Awa Koné" }, discount: { code: "SAVE20" } });
    expect(detail.custom_metadata).toEqual({ lead_id: "sal_lead123", source: "dashboard" });
    // 25 000 − 20 % = 20 000 F CFA (the customer is in Côte d'Ivoire: XOF).
    expect(detail.amount).toMatchObject({ value: 20000, currency: "XOF" });
    const listed = listOf((await call(sim, `/sales?search=${data.purchase.id}`)).json).items;
    expect(listed.map((s: RawJson) => [s.id, s.custom_metadata])).toEqual([[data.purchase.id, { lead_id: "sal_lead123", source: "dashboard" }]]);
    // Another sale carries PHP's empty array, as Pulses do.
    const other = listOf((await call(sim, "/sales?status=settled&per_page=1")).json).items[0];
    expect(other.custom_metadata).toEqual([]);

    // Live mode leaves it alone; the customer pays through the link.
    clock.advance(600_000);
    await control(sim, "POST", "/tick");
    expect((await call(sim, `/sales/${data.purchase.id}`)).json.data.status).toBe("awaiting_payment");
    const paid = await control(sim, "POST", "/checkout/pay", { url: data.payment.checkout_url });
    expect(paid.json.sale).toMatchObject({ id: data.purchase.id, status: "completed", payment_status: "success" });
    await new Promise((r) => setTimeout(r, 200));
    const pulse = receiver.bodies.find((b) => b.event === "successful.sale" && b.sale.id === data.purchase.id);
    expect(pulse?.sale.custom_metadata).toEqual({ lead_id: "sal_lead123", source: "dashboard" });
    expect((await control(sim, "POST", "/checkout/pay", { url: data.payment.checkout_url })).status).toBe(409);
  });

  it("an existing customer is found by e-mail; a failed payment of the link is a failed.sale Pulse with the metadata", async () => {
    const receiver = await pulseReceiver();
    sim = await startSimulator({ now: HISTORY_END, clock: new FakeClock(), rateLimit: 0, pulse: { url: receiver.url, secret: "whsec_checkout" } });
    const known = listOf((await call(sim, "/sales?status=failed&per_page=1")).json).items[0];
    const owned = listOf((await call(sim, `/sales?customer_id=${known.customer.id}&per_page=100`)).json).items
      .filter((s: RawJson) => s.status === "completed" || s.status === "settled")
      .map((s: RawJson) => s.product.id);
    const product = ["prd_9xw1bc5tz4", "prd_2mv6rt8hy1", "prd_6tg9ym1ar5"].find((p) => !owned.includes(p))!;
    const res = await checkout(sim, { email: known.customer.email.toUpperCase(), first_name: "X", last_name: "Y", product_id: product, custom_metadata: { lead_id: known.id } });
    expect(res.json.data.step).toBe("payment");
    expect(res.json.data.purchase.customer).toEqual(known.customer);
    const failed = await control(sim, "POST", "/checkout/pay", { sale_id: res.json.data.purchase.id, outcome: "failed", code: "insufficient_funds" });
    expect(failed.json.sale).toMatchObject({ status: "failed", payment_status: "failed" });
    await new Promise((r) => setTimeout(r, 200));
    expect(receiver.bodies.find((b) => b.event === "failed.sale")?.sale.custom_metadata).toEqual({ lead_id: known.id });
  });

  it("step completed: a free product is a completed sale at once, with its successful.sale Pulse", async () => {
    const receiver = await pulseReceiver();
    sim = await startSimulator({ now: HISTORY_END, clock: new FakeClock(), rateLimit: 0, pulse: { url: receiver.url, secret: "whsec_checkout" } });
    const res = await checkout(sim, { ...buyer, product_id: FREE_PRODUCT, custom_metadata: { lead_id: "sal_x" } });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ step: "completed", payment: null, purchase: { status: "completed", amount: { value: 0 } } });
    await new Promise((r) => setTimeout(r, 200));
    const pulse = receiver.bodies.find((b) => b.event === "successful.sale");
    expect(pulse?.sale).toMatchObject({ id: res.json.data.purchase.id, status: "completed", custom_metadata: { lead_id: "sal_x" } });
  });

  it("step already_purchased: the customer already paid for the product, and no sale is made", async () => {
    sim = await startSimulator({ now: HISTORY_END, clock: new FakeClock(), rateLimit: 0 });
    const paid = listOf((await call(sim, "/sales?status=settled&per_page=1")).json).items[0];
    const before = sim.truth().totalSales;
    const res = await checkout(sim, { email: paid.customer.email, first_name: "A", last_name: "B", product_id: paid.product.id });
    expect(res.status).toBe(200);
    expect(res.json.data.step).toBe("already_purchased");
    expect(res.json.data.payment).toBeNull();
    expect(sim.truth().totalSales).toBe(before);
    // The same e-mail for a product bought by nobody: a payment.
    expect((await checkout(sim, { ...buyer, email: "new.buyer@example.com", product_id: PRODUCT })).json.data.step).toBe("payment");
  });

  it("validation: 422 naming each field, 400 for an archived product, 405 for GET; no sale is made", async () => {
    sim = await startSimulator({ now: HISTORY_END, clock: new FakeClock(), rateLimit: 0 });
    const before = sim.truth().totalSales;
    const errorsOf = async (body: unknown) => {
      const r = await checkout(sim!, body);
      expect(r.status).toBe(422);
      expect(r.json.message).toBe("The given data was invalid.");
      return Object.keys(r.json.errors).sort();
    };
    expect(await errorsOf({})).toEqual(["email", "first_name", "last_name", "product_id"]);
    expect(await errorsOf("not json")).toEqual(["email", "first_name", "last_name", "product_id"]);
    const ok = { ...buyer, product_id: PRODUCT };
    expect(await errorsOf({ ...ok, email: "not-an-email" })).toEqual(["email"]);
    expect(await errorsOf({ ...ok, product_id: "prd_nope" })).toEqual(["product_id"]);
    expect(await errorsOf({ ...ok, discount_code: "NOPE" })).toEqual(["discount_code"]);
    expect(await errorsOf({ ...ok, campaign_id: "cmp_nope" })).toEqual(["campaign_id"]);
    expect(await errorsOf({ ...ok, affiliate_code: "NOBODY" })).toEqual(["affiliate_code"]);
    expect(await errorsOf({ ...ok, redirect_url: "javascript:alert(1)" })).toEqual(["redirect_url"]);
    expect(await errorsOf({ ...ok, phone: { number: "12", country_code: "CIV" } })).toEqual(["phone.country_code", "phone.number"]);
    const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, k) => [`k${k}`, "v"]));
    expect(await errorsOf({ ...ok, custom_metadata: eleven })).toEqual(["custom_metadata"]);
    expect(await errorsOf({ ...ok, custom_metadata: ["a", "b"] })).toEqual(["custom_metadata"]);
    expect(await errorsOf({ ...ok, custom_metadata: { nested: { a: 1 } } })).toEqual(["custom_metadata.nested"]);
    expect(await errorsOf({ ...ok, custom_metadata: { long: "x".repeat(501) } })).toEqual(["custom_metadata.long"]);
    // Ten keys are allowed.
    const ten = Object.fromEntries(Array.from({ length: 10 }, (_, k) => [`k${k}`, k]));
    expect((await checkout(sim, { ...ok, custom_metadata: ten })).json.data.step).toBe("payment");

    const archived = await checkout(sim, { ...ok, product_id: "prd_2lf8ud4xa7" });
    expect(archived.status).toBe(400);
    expect(archived.json).toEqual({ message: "This product is not available for purchase.", data: [], errors: [] });
    expect((await call(sim, "/checkout")).status).toBe(405);
    expect(sim.truth().totalSales).toBe(before + 1);
  });

  it("counts against the rate limit like any call: over the limit a 429 makes no sale", async () => {
    sim = await startSimulator({ now: HISTORY_END, clock: new FakeClock(), rateLimit: 2 });
    const before = sim.truth().totalSales;
    expect((await call(sim, "/store")).status).toBe(200);
    const first = await checkout(sim, { ...buyer, product_id: PRODUCT });
    expect(first.status).toBe(200);
    expect(first.headers.get("x-ratelimit-remaining")).toBe("0");
    const refused = await checkout(sim, { ...buyer, email: "second@example.com", product_id: PRODUCT });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBeTruthy();
    expect(sim.truth().totalSales).toBe(before + 1);
  });

  it("the pay control route refuses what is not a checkout made through the API", async () => {
    sim = await startSimulator({ now: HISTORY_END, clock: new FakeClock(), rateLimit: 0 });
    const created = (await checkout(sim, { ...buyer, product_id: PRODUCT })).json.data;
    expect((await control(sim, "POST", "/checkout/pay", { url: created.payment.checkout_url + "x" })).status).toBe(404);
    const generated = listOf((await call(sim, "/sales?status=settled&per_page=1")).json).items[0];
    expect((await control(sim, "POST", "/checkout/pay", { sale_id: generated.id })).status).toBe(404);
    expect((await control(sim, "POST", "/checkout/pay", { url: created.payment.checkout_url, outcome: "refunded" })).status).toBe(422);
    expect((await control(sim, "POST", "/checkout/pay", { url: created.payment.checkout_url }, null)).status).toBe(401);
  });
});
