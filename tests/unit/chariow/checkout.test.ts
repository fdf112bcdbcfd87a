// POST /checkout through the client: the body in Chariow's names, validated before a request is spent; the
// answer's three steps; and, since the call makes a sale, one request whatever goes wrong — no retry on a
// 5xx, a timeout, a dropped connection or a 429 — while a GET under the same failure is retried.
import { describe, expect, it } from "vitest";
import { ChariowMalformedResponseError, ChariowRateLimitedError, ChariowUpstreamUnavailableError, ChariowValidationError } from "@/lib/chariow/errors";
import { errorBody, itemEnvelope } from "../../factories/chariow-payloads";
import { testClient } from "./test-client";

const params = { product_id: "prd_1", email: "awa@example.com", first_name: "Awa", last_name: "Koné", custom_metadata: { lead_id: "sal_lead" } };
const paymentBody = itemEnvelope({
  step: "payment",
  purchase: { id: "sal_new", status: "awaiting_payment", amount: { value: 4900, currency: "XOF" }, created_at: "2026-06-01T10:00:00+00:00" },
  payment: { checkout_url: "https://shop.mychariow.com/checkout/pay/sal_new", transaction_id: null },
});

describe("createCheckout", () => {
  it("sends the body in Chariow's names and reads the payment step, with the purchase as a sale", async () => {
    const { client, calls } = testClient(() => ({ body: paymentBody }));
    const r = await client.createCheckout({ ...params, phone: { number: "0701020304", country_code: "CI" }, discount_code: "SAVE20", redirect_url: "https://x.test/merci" });
    expect(calls).toHaveLength(1);
    expect(calls[0].method).toBe("POST");
    expect(calls[0].url).toBe("https://api.test/v1/checkout");
    expect(JSON.parse(calls[0].body!)).toEqual({ ...params, phone: { number: "0701020304", country_code: "CI" }, discount_code: "SAVE20", redirect_url: "https://x.test/merci" });
    expect(r).toMatchObject({ step: "payment", saleId: "sal_new", checkoutUrl: "https://shop.mychariow.com/checkout/pay/sal_new", transactionId: null });
    expect(r.sale).toMatchObject({ id: "sal_new", status: "awaiting_payment", amount: { minor: 4900, currency: "XOF" } });
  });

  it("reads completed and already_purchased (no link), and the older docs' awaiting_payment as payment", async () => {
    const reply = (data: unknown) => testClient(() => ({ body: itemEnvelope(data) })).client.createCheckout(params);
    expect(await reply({ step: "completed", purchase: { id: "sal_free", status: "completed" }, payment: null })).toMatchObject({ step: "completed", saleId: "sal_free", checkoutUrl: null });
    expect(await reply({ step: "already_purchased", purchase: null, payment: null })).toMatchObject({ step: "already_purchased", saleId: null, checkoutUrl: null, sale: null });
    expect(await reply({ step: "awaiting_payment", purchase: { id: "sal_x" }, payment: { checkout_url: "https://pay.chariow.com/x" } })).toMatchObject({ step: "payment", checkoutUrl: "https://pay.chariow.com/x" });
    // A purchase that is not a whole sale still gives its id.
    expect((await reply({ step: "payment", purchase: { id: "sal_y" }, payment: { checkout_url: "https://pay.chariow.com/y" } })).sale).toBeNull();
  });

  it("refuses a payment step without an https link, and an unknown step", async () => {
    const run = (data: unknown) => testClient(() => ({ body: itemEnvelope(data) })).client.createCheckout(params);
    await expect(run({ step: "payment", purchase: { id: "s" }, payment: { checkout_url: "http://pay.chariow.com/x" } })).rejects.toBeInstanceOf(ChariowMalformedResponseError);
    await expect(run({ step: "payment", purchase: { id: "s" }, payment: null })).rejects.toBeInstanceOf(ChariowMalformedResponseError);
    await expect(run({ step: "refunded" })).rejects.toBeInstanceOf(ChariowMalformedResponseError);
  });

  it("validates the body before spending a request: e-mail, names, ≤ 10 metadata keys of scalars, the redirect URL", async () => {
    const { client, calls } = testClient(() => ({ body: paymentBody }));
    const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, k) => [`k${k}`, k]));
    for (const bad of [
      { ...params, email: "nope" },
      { ...params, first_name: " " },
      { ...params, custom_metadata: eleven },
      { ...params, custom_metadata: { nested: { a: 1 } } as unknown as Record<string, string> },
      { ...params, redirect_url: "javascript:alert(1)" },
      { ...params, phone: { number: "12", country_code: "CI" } },
    ]) {
      const e = await client.createCheckout(bad).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ChariowValidationError);
      expect((e as ChariowValidationError).status).toBeNull();
    }
    expect(calls).toHaveLength(0);
  });

  it("maps Chariow's 422 to a validation error naming its fields", async () => {
    const { client } = testClient(() => ({ status: 422, body: { message: "The given data was invalid.", data: [], errors: { discount_code: ["The selected discount code is invalid."] } } }));
    const e = (await client.createCheckout(params).catch((x: unknown) => x)) as ChariowValidationError;
    expect(e).toBeInstanceOf(ChariowValidationError);
    expect(e.fieldErrors).toEqual({ discount_code: ["The selected discount code is invalid."] });
  });
});

describe("createCheckout is sent once", () => {
  it("a 503 is one request (a GET under the same answer is tried 4 times)", async () => {
    const { client, calls } = testClient(() => ({ status: 503, body: errorBody("Service Unavailable") }), { backoffBaseMs: 1 });
    const e = await client.createCheckout(params).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ChariowUpstreamUnavailableError);
    expect((e as ChariowUpstreamUnavailableError).failure).toBe("server_error");
    expect(calls.filter((c) => c.method === "POST")).toHaveLength(1);
    await client.getStore().catch(() => undefined);
    expect(calls.filter((c) => c.method === "GET")).toHaveLength(4);
  });

  it("a timeout is one request, reported as a timeout (the outcome is unknown)", async () => {
    // Never answers; gives up when the transport aborts the request at its timeout.
    const hang = (_: unknown, init: RequestInit) => new Promise<never>((_resolve, reject) => init.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
    const { client, calls } = testClient(hang, { backoffBaseMs: 1 }, 30);
    const e = await client.createCheckout(params).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ChariowUpstreamUnavailableError);
    expect((e as ChariowUpstreamUnavailableError).failure).toBe("timeout");
    expect(calls).toHaveLength(1);
  });

  it("a dropped connection is one request", async () => {
    const { client, calls } = testClient(() => Promise.reject(new TypeError("socket hang up")), { backoffBaseMs: 1 });
    const e = await client.createCheckout(params).catch((x: unknown) => x);
    expect((e as ChariowUpstreamUnavailableError).failure).toBe("network");
    expect(calls).toHaveLength(1);
  });

  it("a 429 is one request: a ChariowRateLimitedError, not a queued re-send", async () => {
    const { client, calls } = testClient(() => ({ status: 429, body: errorBody("Rate limit exceeded."), headers: { "retry-after": "1" } }));
    await expect(client.createCheckout(params)).rejects.toBeInstanceOf(ChariowRateLimitedError);
    expect(calls).toHaveLength(1);
  });

  it("the scheduler never re-sends a request marked sendOnce, even a GET", async () => {
    const { scheduler } = testClient(() => ({ body: {} }), { backoffBaseMs: 1 });
    let sent = 0;
    const failing = { status: 503, rateLimit: { limit: null, remaining: null, resetAt: null }, retryAfterMs: null, json: undefined, isJson: false };
    const once = await scheduler.run({ method: "GET", endpoint: "GET /x", sendOnce: true, send: async () => (sent++, failing) });
    expect(once.status).toBe(503);
    expect(sent).toBe(1);
    sent = 0;
    await scheduler.run({ method: "GET", endpoint: "GET /x", send: async () => (sent++, failing) });
    expect(sent).toBe(4);
  });
});
