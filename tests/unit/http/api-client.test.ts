// apiFetch, the browser's helper for our own routes: an error answer becomes an ApiError with its code,
// field, Retry-After and the whole JSON (a 409's `caseId` links the existing case); 204 is undefined.
// `fetch` is stubbed: the edge this test is not about.
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, apiFetch } from "@/lib/http/api-client";

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  vi.stubGlobal("fetch", vi.fn(async () => new Response(body === null ? null : JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } })));
}

describe("apiFetch", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("keeps the whole answer of an error, so a 409 can name the case already open", async () => {
    answer(409, { error: { code: "case_already_open", message: "This sale already has a case" }, caseId: "c-42" });
    const error = (await apiFetch("/api/payment-cases", { method: "POST", body: { saleId: "s" } }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: "case_already_open", body: { caseId: "c-42" } });
  });

  it("reads the field of a 400 and the Retry-After of a 429", async () => {
    answer(400, { error: { code: "invalid_input", message: "note: Too long", field: "note" } });
    await expect(apiFetch("/x", { method: "PATCH", body: {} })).rejects.toMatchObject({ status: 400, field: "note" });
    answer(429, { error: { code: "throttled", message: "Too many" } }, { "Retry-After": "30" });
    await expect(apiFetch("/x")).rejects.toMatchObject({ status: 429, retryAfterSeconds: 30 });
  });

  it("answers undefined for 204 and the JSON otherwise", async () => {
    answer(204, null);
    expect(await apiFetch("/x", { method: "DELETE" })).toBeUndefined();
    answer(200, { ok: 1 });
    expect(await apiFetch("/x")).toEqual({ ok: 1 });
  });
});
