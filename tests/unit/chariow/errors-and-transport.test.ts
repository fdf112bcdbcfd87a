// HTTP statuses map to typed errors, bodies that are not JSON never crash, the key never leaks, and
// path segments and parameters are encoded and validated before a request is spent.
import { describe, expect, it } from "vitest";
import {
  ChariowBadRequestError,
  ChariowError,
  ChariowMalformedResponseError,
  ChariowNotFoundError,
  ChariowRateLimitedError,
  ChariowUnauthorizedError,
  ChariowUpstreamUnavailableError,
  ChariowValidationError,
} from "@/lib/chariow/errors";
import { errorBody, invitationsData, itemEnvelope, listEnvelope } from "../../factories/chariow-payloads";
import { sequence } from "./fake-fetch";
import { TEST_KEY, testClient } from "./test-client";

const noRetry = { maxAttempts: 1, maxRateLimitRetries: 0 };

describe("status → typed error", () => {
  it.each([
    [401, ChariowUnauthorizedError, errorBody("API key is missing. Please provide a valid API key.")],
    [403, ChariowUnauthorizedError, errorBody("Access denied")],
    [404, ChariowNotFoundError, errorBody("No query results for model [App\\Models\\Sale].")],
    [400, ChariowBadRequestError, errorBody("Licence already revoked")],
    [500, ChariowUpstreamUnavailableError, errorBody("Server Error")],
    [503, ChariowUpstreamUnavailableError, "<html><body>Service Unavailable</body></html>"],
  ])("%i → %o", async (status, cls, body) => {
    const { client } = testClient(() => ({ status, body }), noRetry);
    const error = await client.getSale("sal_1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(cls);
    expect(error).toBeInstanceOf(ChariowError);
    expect((error as ChariowError).status).toBe(status);
    expect((error as ChariowError).endpoint).toBe("GET /sales/{id}");
  });

  it("422 carries the field errors", async () => {
    const body = errorBody("The given data was invalid.", { emails: ["The emails.1 must be a valid email address."], "emails.1": "invalid" });
    const { client } = testClient(() => ({ status: 422, body }));
    const error = (await client.inviteAffiliates(["a@example.com", "nope"]).catch((e: unknown) => e)) as ChariowValidationError;
    expect(error).toBeInstanceOf(ChariowValidationError);
    expect(error.fieldErrors).toEqual({ emails: ["The emails.1 must be a valid email address."], "emails.1": ["invalid"] });
  });

  it("a 429 on a POST is not retried and carries Retry-After", async () => {
    const { client, calls } = testClient(() => ({ status: 429, body: errorBody("Trop de requêtes. Veuillez réessayer plus tard."), headers: { "retry-after": "42" } }));
    const error = (await client.inviteAffiliates(["a@example.com"]).catch((e: unknown) => e)) as ChariowRateLimitedError;
    expect(error).toBeInstanceOf(ChariowRateLimitedError);
    expect(error.retryAfterMs).toBe(42_000);
    expect(calls).toHaveLength(1);
  });

  it("decides success by status, not by `message`", async () => {
    const body = itemEnvelope({ id: "store_1", name: "Boutique" }, "Erreur inattendue");
    const { client } = testClient(() => ({ status: 200, body }));
    await expect(client.getStore()).resolves.toMatchObject({ id: "store_1", name: "Boutique" });
    const { client: c2 } = testClient(() => ({ status: 404, body: { message: "success" } }));
    await expect(c2.getStore()).rejects.toBeInstanceOf(ChariowNotFoundError);
  });

  it("a 200 with an HTML body is a malformed response, not a crash", async () => {
    const { client } = testClient(() => ({ status: 200, body: "<!DOCTYPE html><html>Oops</html>" }));
    const error = await client.listSales().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChariowMalformedResponseError);
    expect((error as ChariowMalformedResponseError).message).toContain("not JSON");
  });

  it("an empty 200 body is malformed", async () => {
    const { client } = testClient(() => ({ status: 200, body: "" }));
    await expect(client.getStore()).rejects.toBeInstanceOf(ChariowMalformedResponseError);
  });
});

describe("the API key", () => {
  it("is sent as a Bearer token with JSON headers", async () => {
    const { client, calls } = testClient(() => ({ status: 201, body: itemEnvelope(invitationsData(["a@example.com"], "seeds")) }));
    await client.inviteAffiliates(["a@example.com"]);
    expect(calls[0].headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    expect(calls[0].headers.accept).toBe("application/json");
    expect(calls[0].headers["content-type"]).toBe("application/json");
    expect(JSON.parse(calls[0].body ?? "")).toEqual({ emails: ["a@example.com"] });
  });

  it("never appears in an error, whatever the failure", async () => {
    const failures = [
      () => ({ status: 401, body: errorBody("Invalid API key") }),
      () => ({ status: 500, body: "<html>boom</html>" }),
      () => {
        throw new TypeError(`fetch failed for Bearer ${TEST_KEY}`);
      },
      () => ({ status: 200, body: { data: { id: 3, name: { x: TEST_KEY } } } }),
    ];
    for (const failure of failures) {
      const { client } = testClient(failure, noRetry);
      const error = await client.getStore().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ChariowError);
      const dump = JSON.stringify(error) + String(error) + String((error as Error).stack) + String((error as Error).cause ?? "");
      expect(dump).not.toContain(TEST_KEY);
    }
  });
});

describe("paths and parameters", () => {
  it("encodes path segments so a code cannot alter the path", async () => {
    const { client, calls } = testClient(() => ({ status: 404, body: errorBody("Not found") }));
    await client.getAffiliate("a/b c?x=1#y").catch(() => undefined);
    expect(calls[0].url).toBe("https://api.test/v1/affiliates/a%2Fb%20c%3Fx%3D1%23y");
  });

  it("refuses '.' and '..' ids without spending a request", async () => {
    const { client, calls } = testClient(() => ({ body: {} }));
    await expect(client.getSale("..")).rejects.toBeInstanceOf(ChariowNotFoundError);
    await expect(client.getCustomer("")).rejects.toBeInstanceOf(ChariowNotFoundError);
    expect(calls).toHaveLength(0);
  });

  it("sends list filters as query parameters", async () => {
    const { client, calls } = testClient(() => ({ body: listEnvelope([], "current") }));
    await client.listSales({ per_page: 100, status: "settled", customer_id: "cus_1", search: "ama@example.com", start_date: "2025-01-01", end_date: "2025-01-31", cursor: "eyJpZCI6NTB9" });
    const url = new URL(calls[0].url);
    expect(url.pathname).toBe("/v1/sales");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      per_page: "100",
      status: "settled",
      customer_id: "cus_1",
      search: "ama@example.com",
      start_date: "2025-01-01",
      end_date: "2025-01-31",
      cursor: "eyJpZCI6NTB9",
    });
  });

  it.each([
    [{ per_page: 0 }, "per_page"],
    [{ per_page: 101 }, "per_page"],
    [{ status: "refunded" }, "status"],
    [{ start_date: "01/02/2025" }, "start_date"],
    [{ start_date: "2025-02-01", end_date: "2025-01-01" }, "end_date"],
    [{ sort: "created_at" }, "params"],
  ])("rejects %o locally", async (params, field) => {
    const { client, calls } = testClient(() => ({ body: listEnvelope([], "current") }));
    const error = (await client.listSales(params as never).catch((e: unknown) => e)) as ChariowValidationError;
    expect(error).toBeInstanceOf(ChariowValidationError);
    expect(error.status).toBeNull();
    expect(Object.keys(error.fieldErrors)).toContain(field);
    expect(calls).toHaveLength(0);
  });

  it("refuses 0 or 26 invitation emails locally", async () => {
    const { client, calls } = testClient(sequence({ status: 201, body: itemEnvelope([]) }));
    await expect(client.inviteAffiliates([])).rejects.toBeInstanceOf(ChariowValidationError);
    const many = Array.from({ length: 26 }, (_, i) => `p${i}@example.com`);
    await expect(client.inviteAffiliates(many)).rejects.toBeInstanceOf(ChariowValidationError);
    expect(calls).toHaveLength(0);
  });
});
