// One mapping from thrown errors to JSON error responses `{ error: { code, message, field? } }`.
// Typed AppErrors keep their status and code; anything else is a 500 whose details stay in the server log.
import "server-only";
import { AppError, ThrottledError } from "@/lib/errors";

export type ErrorBody = { error: { code: string; message: string; field?: string } };

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
  // Unknown failure: log it for the operator, answer without stack, SQL or configuration.
  console.error("[api] unhandled error", error);
  return errorResponse(500, "internal", "Internal error");
}
