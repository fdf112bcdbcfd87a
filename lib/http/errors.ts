// One mapping from thrown errors to JSON error responses `{ error: { code, message, field? } }`.
// Typed AppErrors keep their status and code; Chariow's spent budget is a 503 saying when it comes back;
// anything else is a 500 whose details stay in the server log.
import "server-only";
import { ChariowBudgetExhaustedError, ChariowRateLimitedError } from "@/lib/chariow/errors";
import { AppError, ThrottledError } from "@/lib/errors";

export type ErrorBody = { error: { code: string; message: string; field?: string; retryAt?: string } };

export function errorResponse(status: number, code: string, message: string, field?: string, init?: ResponseInit): Response {
  const body: ErrorBody = { error: { code, message, ...(field !== undefined ? { field } : {}) } };
  return Response.json(body, { ...init, status, headers: { "Cache-Control": "no-store", ...(init?.headers ?? {}) } });
}

export function responseFromError(error: unknown): Response {
  if (error instanceof ThrottledError) {
    return errorResponse(429, error.code, error.message, undefined, {
      headers: { "Retry-After": String(Math.max(1, Math.ceil(error.retryAfterSeconds))) },
    });
  }
  if (error instanceof AppError) return errorResponse(error.status, error.code, error.message, error.field);
  if (error instanceof ChariowRateLimitedError) return upstreamBudgetResponse(error);
  // Unknown failure: log it for the operator, answer without stack, SQL or configuration.
  console.error("[api] unhandled error", error);
  return errorResponse(500, "internal", "Internal error");
}

/**
 * The Chariow API budget (per key, shared with the sync) is spent: the scheduler failed an interactive
 * call at once rather than hold it until the window reopens, or Chariow answered 429. A 503 — the
 * dashboard is not refusing the caller, Chariow is unavailable for now — with `retryAt` (ISO) and
 * Retry-After, so the page can say when to try again.
 */
function upstreamBudgetResponse(error: ChariowRateLimitedError): Response {
  const retryAt = error instanceof ChariowBudgetExhaustedError ? error.retryAt : Date.now() + error.retryAfterMs;
  const seconds = Math.max(1, Math.ceil((retryAt - Date.now()) / 1000));
  const body: ErrorBody = {
    error: { code: "chariow_rate_limited", message: `The Chariow API budget is spent; it comes back in ${seconds} s`, retryAt: new Date(retryAt).toISOString() },
  };
  return Response.json(body, { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": String(seconds) } });
}
