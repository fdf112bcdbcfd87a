// Browser-side helper for calling our own /api routes: JSON in, JSON out, and the error body
// `{error:{code,message,field}}` turned into a typed ApiError. Same-origin fetches carry Sec-Fetch-Site.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** From a 429's Retry-After: seconds until the caller may try again. */
    readonly retryAfterSeconds?: number,
    /** The whole JSON answer, for the rare route that says more than the error (a 409's existing id). */
    readonly body?: unknown,
  ) {
    super(message);
  }
}

/**
 * A change asked for while the browser knows it is offline is refused here, with the code "offline"
 * (messages Errors.offline): never sent later behind the member's back (docs/offline.md). A change that
 * fails on the way (a dropped or timed-out connection) rejects with fetch's TypeError: code "network".
 */
export function refuseOfflineChange(method: string): void {
  if (method !== "GET" && method !== "HEAD" && typeof navigator !== "undefined" && navigator.onLine === false) {
    throw new ApiError(0, "offline", "Offline: the change was not sent");
  }
}

/** `keepalive`: the request outlives the page (sent as a link opens a chat or the mail client). */
export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown; keepalive?: boolean } = {}): Promise<T> {
  const method = init.method ?? "GET";
  refuseOfflineChange(method);
  const res = await fetch(path, {
    method,
    keepalive: init.keepalive,
    headers: init.body !== undefined ? { "Content-Type": "application/json" } : undefined,
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    credentials: "same-origin",
  });
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; field?: string } } | null;
  if (!res.ok) {
    const retryAfter = Number(res.headers.get("Retry-After") ?? Number.NaN);
    throw new ApiError(res.status, data?.error?.code ?? "unknown", data?.error?.message ?? res.statusText, data?.error?.field, Number.isFinite(retryAfter) ? retryAfter : undefined, data ?? undefined);
  }
  return data as T;
}
