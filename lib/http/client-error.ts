// Errors in the member's language, by code: an API error body `{ error: { code, field?, message } }`
// (lib/http/errors.ts), an ApiError thrown by apiFetch, or a failed fetch becomes messages `Errors.<code>`
// — never the server's English `message`, which stays for logs and API clients. Safe on the client, and
// zod-free: nearly every island imports it, and zod would cost each page ~30 KB of first-load JavaScript
// (issue 15; tests/unit/client-bundle.test.ts).
import { ApiError } from "@/lib/http/api-client";

/** The codes with their own words in messages/<locale>/errors.json; anything else reads `Errors.generic`. */
export const ERROR_CODES = [
  "invalid_input",
  "validation_error",
  "unauthorized",
  "forbidden",
  "csrf",
  "not_found",
  "conflict",
  "throttled",
  "payload_too_large",
  "internal",
  "network",
  "offline",
  "chariow_rate_limited",
  "chariow_unavailable",
  "not_connected",
  "affiliate_not_found",
  "invite_email_mismatch",
  "password_too_short",
  "password_too_long",
  "password_common",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What the interface needs of a failure: its code, and the field it names when there is one. */
export type ClientError = { code: string; field?: string; status?: number; retryAfterSeconds?: number };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The `{ error: { code, field? } }` of an error body (lib/http/errors.ts), or null for anything else. */
function errorBody(value: unknown): { code: string; field?: string } | null {
  if (!isRecord(value) || !isRecord(value.error)) return null;
  const { code, field } = value.error;
  if (typeof code !== "string" || (field !== undefined && typeof field !== "string")) return null;
  return field === undefined ? { code } : { code, field };
}

/**
 * The code of anything a call can throw or answer: an ApiError, an error body, a network failure
 * (`fetch` rejects with a TypeError: "network"), or anything else ("unknown").
 */
export function clientError(error: unknown): ClientError {
  if (error instanceof ApiError) {
    return { code: error.code, status: error.status, ...(error.field !== undefined ? { field: error.field } : {}), ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}) };
  }
  const body = errorBody(error);
  if (body) return body;
  if (error instanceof TypeError) return { code: "network" };
  return { code: "unknown" };
}

const KNOWN: ReadonlySet<string> = new Set(ERROR_CODES);

/**
 * The message key (namespace `Errors`) for a code: the code itself when it has words, Chariow's own
 * failures (`chariow_<code>`, lib/affiliates/service.ts) as "Chariow cannot answer", else "generic".
 */
export function errorMessageKey(code: string): ErrorCode | "generic" {
  if (KNOWN.has(code)) return code as ErrorCode;
  if (code.startsWith("chariow_") || code === "upstream_unavailable") return "chariow_unavailable";
  return "generic";
}

/** The translator of namespace `Errors` (useTranslations("Errors") or getTranslations("Errors")). */
export type ErrorsTranslator = (key: string) => string;

/** The message for `error` in the translator's language. */
export function errorMessage(t: ErrorsTranslator, error: unknown): string {
  return t(errorMessageKey(clientError(error).code));
}
