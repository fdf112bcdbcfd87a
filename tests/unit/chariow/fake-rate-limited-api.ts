// A fake Chariow endpoint with a fixed-window rate limit on a virtual clock, for scheduler tests.
import { errorBody, itemEnvelope, rateLimitHeaders } from "../../factories/chariow-payloads";
import { type FakeHandler, type FakeReply, type RecordedCall } from "./fake-fetch";

export interface FakeApiLog {
  at: number;
  url: string;
  method: string;
  status: number;
}

/** Fixed 60 s windows aligned on the minute; headers on every answer; 429 + Retry-After beyond the limit. */
export function rateLimitedApi(clock: { now(): number }, limit: number, answer: (call: RecordedCall) => FakeReply = () => ({ body: itemEnvelope({ id: "store_1", name: "B" }) }), windowMs = 60_000) {
  const log: FakeApiLog[] = [];
  let windowStart = -1;
  let used = 0;
  const handler: FakeHandler = (call) => {
    const now = clock.now();
    const start = Math.floor(now / windowMs) * windowMs;
    if (start !== windowStart) {
      windowStart = start;
      used = 0;
    }
    const resetSeconds = Math.ceil((start + windowMs) / 1000);
    if (used >= limit) {
      log.push({ at: now, url: call.url, method: call.method, status: 429 });
      return {
        status: 429,
        body: errorBody("Rate limit exceeded. Please retry after 60 seconds."),
        headers: { ...rateLimitHeaders(limit, 0, resetSeconds), "retry-after": String(Math.ceil((start + windowMs - now) / 1000)) },
      };
    }
    used++;
    const reply = answer(call);
    log.push({ at: now, url: call.url, method: call.method, status: reply.status ?? 200 });
    return { ...reply, headers: { ...rateLimitHeaders(limit, limit - used, resetSeconds), ...reply.headers } };
  };
  return { handler, log };
}
