// One HTTP exchange with Chariow: URL building with encoded path segments, auth header, timeout,
// tolerant body reading (HTML 500 pages are not JSON) and rate-limit header extraction.
import "server-only";
import { ChariowAbortedError, ChariowNotFoundError, ChariowUpstreamUnavailableError } from "./errors";

export type HttpMethod = "GET" | "POST";
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface RateLimitHeaders {
  limit: number | null;
  remaining: number | null;
  /** Epoch milliseconds (the header carries Unix seconds, chariow-api.md §2). */
  resetAt: number | null;
}

export interface RawResponse {
  status: number;
  rateLimit: RateLimitHeaders;
  retryAfterMs: number | null;
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  json: unknown;
  isJson: boolean;
}

export interface TransportRequest {
  method: HttpMethod;
  /** Already-encoded path below the base URL, built with `pathWithSegment`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Template for errors and logs, e.g. "GET /sales/{id}". */
  endpoint: string;
}

export interface TransportOptions {
  baseUrl: string;
  apiKey: string;
  fetch?: FetchLike;
  timeoutMs?: number;
  now?: () => number;
}

export type Transport = (request: TransportRequest, signal?: AbortSignal) => Promise<RawResponse>;

/**
 * `prefix` + one untrusted segment, encodeURIComponent'd so a code like "a/b c" stays one segment.
 * "." and ".." would be collapsed by URL normalisation even when percent-encoded, so they (and empty
 * ids) cannot name any resource: not found, and no request is spent on them.
 */
export function pathWithSegment(endpoint: string, prefix: string, segment: string): string {
  if (typeof segment !== "string" || segment === "" || segment === "." || segment === "..") {
    throw new ChariowNotFoundError(`Invalid identifier for ${endpoint}`, endpoint, null);
  }
  return prefix + encodeURIComponent(segment);
}

function headerNumber(headers: Headers, name: string): number | null {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === "") return null;
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

/** Retry-After is seconds (Chariow) or, per HTTP, a date. */
export function parseRetryAfter(raw: string | null, now: number): number | null {
  if (raw === null || raw.trim() === "") return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(raw);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export function readRateLimit(headers: Headers): RateLimitHeaders {
  const reset = headerNumber(headers, "x-ratelimit-reset");
  return {
    limit: headerNumber(headers, "x-ratelimit-limit"),
    remaining: headerNumber(headers, "x-ratelimit-remaining"),
    resetAt: reset === null ? null : reset * 1000,
  };
}

export function createTransport(options: TransportOptions): Transport {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 15_000;
  const now = options.now ?? Date.now;
  const authorization = `Bearer ${options.apiKey}`;

  return async function send(request, signal) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) search.set(key, String(value));
    }
    const qs = search.toString();
    const url = `${baseUrl}${request.path}${qs ? `?${qs}` : ""}`;
    const headers: Record<string, string> = { Accept: "application/json", Authorization: authorization };
    if (request.body !== undefined) headers["Content-Type"] = "application/json";

    // Wall-clock timeout: the network is real even when tests run the scheduler on a virtual clock.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onCallerAbort = () => controller.abort();
    signal?.addEventListener("abort", onCallerAbort, { once: true });
    try {
      if (signal?.aborted) throw new ChariowAbortedError("Request aborted", request.endpoint, null);
      const response = await doFetch(url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: controller.signal,
      });
      // Reading the body can fail too (connection dropped mid-body): same treatment as fetch failing.
      const text = await response.text();
      let json: unknown = undefined;
      let isJson = false;
      if (text.trim() !== "") {
        try {
          json = JSON.parse(text);
          isJson = true;
        } catch {
          isJson = false;
        }
      }
      return {
        status: response.status,
        rateLimit: readRateLimit(response.headers),
        retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), now()),
        json,
        isJson,
      };
    } catch (error) {
      if (error instanceof ChariowAbortedError) throw error;
      if (signal?.aborted) throw new ChariowAbortedError("Request aborted", request.endpoint, null);
      if (timedOut) {
        throw new ChariowUpstreamUnavailableError(`Timed out after ${timeoutMs} ms`, request.endpoint, null, "timeout");
      }
      // Only the error's kind travels on: a fetch error message can embed the URL, never the headers.
      const kind = error instanceof Error ? error.name : "unknown";
      throw new ChariowUpstreamUnavailableError(`Network error (${kind})`, request.endpoint, null, "network");
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onCallerAbort);
    }
  };
}
