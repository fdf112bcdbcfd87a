// Typed errors of the Chariow client: callers branch on the class, never on Chariow's `message` text.
// No error ever carries the API key, the Authorization header or a full request object.
import "server-only";

export type ChariowErrorCode =
  | "unauthorized"
  | "not_found"
  | "validation"
  | "rate_limited"
  | "upstream_unavailable"
  | "malformed_response"
  | "bad_request"
  | "aborted";

export abstract class ChariowError extends Error {
  abstract readonly code: ChariowErrorCode;
  /** e.g. "GET /sales/{id}" — a template, so ids and codes are not repeated in logs. */
  readonly endpoint: string;
  readonly status: number | null;

  constructor(message: string, endpoint: string, status: number | null, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.endpoint = endpoint;
    this.status = status;
  }
}

/** 401 (key missing/invalid) or 403 (access denied). */
export class ChariowUnauthorizedError extends ChariowError {
  readonly code = "unauthorized";
}

/** 404: unknown id, or a resource of another store (chariow-api.md §1). */
export class ChariowNotFoundError extends ChariowError {
  readonly code = "not_found";
}

/** 422 with per-field messages, e.g. `{ emails: ["…"] }`. */
export class ChariowValidationError extends ChariowError {
  readonly code = "validation";
  readonly fieldErrors: Record<string, string[]>;
  /** status is null when the client refused invalid parameters before spending a request. */
  constructor(message: string, endpoint: string, fieldErrors: Record<string, string[]>, status: number | null = 422) {
    super(message, endpoint, status);
    this.fieldErrors = fieldErrors;
  }
}

/** 400 and other 4xx Chariow answers with a message (e.g. licence already revoked). */
export class ChariowBadRequestError extends ChariowError {
  readonly code = "bad_request";
}

/** 429 that the scheduler did not absorb (POSTs, or too many 429s in a row). */
export class ChariowRateLimitedError extends ChariowError {
  readonly code = "rate_limited";
  readonly retryAfterMs: number;
  constructor(message: string, endpoint: string, retryAfterMs: number) {
    super(message, endpoint, 429);
    this.retryAfterMs = retryAfterMs;
  }
}

/**
 * The key's budget is spent and an interactive call could not be sent within its bound (the scheduler's
 * `interactiveMaxWaitMs`, 5 s by default): it fails at once instead of queueing for the next window, and
 * no request was sent. A rate-limited error (callers that handle a 429 handle this), with `retryAt`: when
 * the budget comes back (epoch ms, the scheduler's clock).
 */
export class ChariowBudgetExhaustedError extends ChariowRateLimitedError {
  readonly retryAt: number;
  constructor(endpoint: string, retryAt: number, now: number) {
    const waitMs = Math.max(0, retryAt - now);
    super(`The Chariow API budget is spent; it comes back in ${Math.max(1, Math.ceil(waitMs / 1000))} s`, endpoint, waitMs);
    this.retryAt = retryAt;
  }
}

export type UpstreamFailure = "server_error" | "network" | "timeout";

/** 5xx, network failure, dropped connection or timeout — after the retries allowed for the method. */
export class ChariowUpstreamUnavailableError extends ChariowError {
  readonly code = "upstream_unavailable";
  readonly failure: UpstreamFailure;
  constructor(message: string, endpoint: string, status: number | null, failure: UpstreamFailure, options?: { cause?: unknown }) {
    super(message, endpoint, status, options);
    this.failure = failure;
  }
}

/** A 2xx body the client cannot understand; `path` names the offending field ("data.data.3.amount"). */
export class ChariowMalformedResponseError extends ChariowError {
  readonly code = "malformed_response";
  readonly path: string;
  constructor(endpoint: string, path: string, detail: string, status: number | null = null) {
    super(`Malformed response from ${endpoint} at ${path || "(root)"}: ${detail}`, endpoint, status);
    this.path = path;
  }
}

/** The caller's AbortSignal fired before an answer arrived. */
export class ChariowAbortedError extends ChariowError {
  readonly code = "aborted";
}

export function isChariowError(error: unknown): error is ChariowError {
  return error instanceof ChariowError;
}

/** What an answer means when the endpoint itself is absent for this key, not the API being down. */
const ENDPOINT_ABSENT_STATUSES: ReadonlySet<number> = new Set([403, 404, 501]);

/**
 * Chariow answered that this endpoint is not there for this store: 404 on a route (Laravel's "The route
 * … could not be found.", chariow-api.md §1), 403 (the key may not read it), 501 (not implemented). For
 * a call that names no id (a list, GET /store) this is a fact about the store, not an outage: callers
 * reading optional endpoints (licences, products, customers, store) degrade instead of alarming.
 * Only for answers the server gave (`status` set): a refused id checked client-side has status null.
 */
export function isEndpointUnavailable(error: unknown): boolean {
  return error instanceof ChariowError && error.status !== null && ENDPOINT_ABSENT_STATUSES.has(error.status);
}
