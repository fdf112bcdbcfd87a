// Turns a raw HTTP answer into a typed error or a parsed domain value. Success is decided by the HTTP
// status, never by Chariow's `message` text (chariow-api.md §1).
import "server-only";
import type { z } from "zod";
import {
  ChariowBadRequestError,
  ChariowMalformedResponseError,
  ChariowNotFoundError,
  ChariowRateLimitedError,
  ChariowUnauthorizedError,
  ChariowUpstreamUnavailableError,
  ChariowValidationError,
} from "./errors";
import type { RawResponse } from "./transport";

function bodyMessage(raw: RawResponse, fallback: string): string {
  const message = (raw.json as { message?: unknown } | null | undefined)?.message;
  // Chariow's own text is kept short; it never echoes the key.
  return typeof message === "string" && message.trim() !== "" ? message.slice(0, 300) : fallback;
}

/** 422 `errors` → `{ field: ["message", …] }`, tolerating single strings. */
export function fieldErrorsOf(raw: RawResponse): Record<string, string[]> {
  const errors = (raw.json as { errors?: unknown } | null | undefined)?.errors;
  const out: Record<string, string[]> = {};
  if (errors && typeof errors === "object" && !Array.isArray(errors)) {
    for (const [field, value] of Object.entries(errors)) {
      const list = Array.isArray(value) ? value : [value];
      out[field] = list.filter((m): m is string => typeof m === "string");
    }
  }
  return out;
}

export function throwForStatus(endpoint: string, raw: RawResponse): void {
  const { status } = raw;
  if (status >= 200 && status < 300) return;
  if (status === 401 || status === 403) {
    throw new ChariowUnauthorizedError(bodyMessage(raw, "Unauthorized"), endpoint, status);
  }
  if (status === 404) throw new ChariowNotFoundError(bodyMessage(raw, "Not found"), endpoint, status);
  if (status === 422) {
    throw new ChariowValidationError(bodyMessage(raw, "The given data was invalid."), endpoint, fieldErrorsOf(raw));
  }
  if (status === 429) {
    throw new ChariowRateLimitedError(bodyMessage(raw, "Rate limit exceeded"), endpoint, raw.retryAfterMs ?? 60_000);
  }
  if (status >= 500) {
    throw new ChariowUpstreamUnavailableError(`Chariow answered HTTP ${status}`, endpoint, status, "server_error");
  }
  throw new ChariowBadRequestError(bodyMessage(raw, `HTTP ${status}`), endpoint, status);
}

export function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join(".");
}

/** Parses a JSON value with a schema; any failure is a ChariowMalformedResponseError naming the field. */
export function parseWith<T extends z.ZodType>(endpoint: string, schema: T, value: unknown, status: number | null = null): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ChariowMalformedResponseError(endpoint, issuePath(issue?.path ?? []), issue?.message ?? "invalid", status);
}

export function parseBody<T extends z.ZodType>(endpoint: string, schema: T, raw: RawResponse): z.output<T> {
  if (!raw.isJson) throw new ChariowMalformedResponseError(endpoint, "", "body is not JSON", raw.status);
  return parseWith(endpoint, schema, raw.json, raw.status);
}
