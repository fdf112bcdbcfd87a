// Typed errors of the Chariow client: callers branch on the class, never on Chariow's `message` text.
// No error ever carries the API key, the Authorization header or a full request object.
// `instanceof` works across copies of this module: a production build can bundle lib/chariow once per
// server chunk, and an error thrown by one copy's client reaching another copy's check (the route
// wrapper's error mapping) failed plain `instanceof` — a spent budget answered 500 instead of 503.
// Each class declares a stable `brand` (minifiers rename classes); instances carry their classes' brands.
import "server-only";

const BRANDS = Symbol.for("chariow-dashboard.chariow-error.brands");

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
  /** The class's stable name; every subclass declares its own (checked by a unit test). */
  static readonly brand: string = "ChariowError";
  abstract readonly code: ChariowErrorCode;
  /** e.g. "GET /sales/{id}" — a template, so ids and codes are not repeated in logs. */
  readonly endpoint: string;
  readonly status: number | null;

  constructor(message: string, endpoint: string, status: number | null, options?: { cause?: unknown }) {
    super(message, options);
    const brands: string[] = [];
    for (let c: unknown = new.target; typeof c === "function" && c !== Error; c = Object.getPrototypeOf(c)) {
      if (Object.hasOwn(c, "brand")) brands.push((c as unknown as { brand: string }).brand);
    }
    Object.defineProperty(this, BRANDS, { value: brands });
    this.name = brands[0] ?? "ChariowError";
    this.endpoint = endpoint;
    this.status = status;
  }

  /** `error instanceof ChariowXError` by brand, whichever copy of this module made the error. */
  static [Symbol.hasInstance](value: unknown): boolean {
    if (typeof value !== "object" || value === null) return false;
    const brands = (value as { [BRANDS]?: unknown })[BRANDS];
    if (Array.isArray(brands) && Object.hasOwn(this, "brand")) return brands.includes((this as unknown as { brand: string }).brand);
    return Function.prototype[Symbol.hasInstance].call(this, value);
  }
}

/** 401 (key missing/invalid) or 403 (access denied). */
export class ChariowUnauthorizedError extends ChariowError {
  static readonly brand: string = "ChariowUnauthorizedError";
  readonly code = "unauthorized";
}

/** 404: unknown id, or a resource of another store (chariow-api.md §1). */
export class ChariowNotFoundError extends ChariowError {
  static readonly brand: string = "ChariowNotFoundError";
  readonly code = "not_found";
}

/** 422 with per-field messages, e.g. `{ emails: ["…"] }`. */
export class ChariowValidationError extends ChariowError {
  static readonly brand: string = "ChariowValidationError";
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
  static readonly brand: string = "ChariowBadRequestError";
  readonly code = "bad_request";
}

/** 429 that the scheduler did not absorb (POSTs, or too many 429s in a row). */
export class ChariowRateLimitedError extends ChariowError {
  static readonly brand: string = "ChariowRateLimitedError";
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
  static readonly brand: string = "ChariowBudgetExhaustedError";
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
  static readonly brand: string = "ChariowUpstreamUnavailableError";
  readonly code = "upstream_unavailable";
  readonly failure: UpstreamFailure;
  constructor(message: string, endpoint: string, status: number | null, failure: UpstreamFailure, options?: { cause?: unknown }) {
    super(message, endpoint, status, options);
    this.failure = failure;
  }
}

/** A 2xx body the client cannot understand; `path` names the offending field ("data.data.3.amount"). */
export class ChariowMalformedResponseError extends ChariowError {
  static readonly brand: string = "ChariowMalformedResponseError";
  readonly code = "malformed_response";
  readonly path: string;
  constructor(endpoint: string, path: string, detail: string, status: number | null = null) {
    super(`Malformed response from ${endpoint} at ${path || "(root)"}: ${detail}`, endpoint, status);
    this.path = path;
  }
}

/** The caller's AbortSignal fired before an answer arrived. */
export class ChariowAbortedError extends ChariowError {
  static readonly brand: string = "ChariowAbortedError";
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
