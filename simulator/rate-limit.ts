// Per-key fixed-window rate limiter driven by the injectable clock (chariow-api.md §2): the window
// opens on the first request and lasts 60 s; Reset is the window end in Unix seconds.

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetSec: number;
  retryAfterSec: number;
}

const WINDOW_MS = 60_000;

export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(public limit: number, private readonly now: () => number) {}

  /** Counts one request against `key` (unless refused) and says whether it may proceed. */
  hit(key: string): RateDecision {
    const now = this.now();
    let w = this.windows.get(key);
    if (!w || now >= w.start + WINDOW_MS) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    const end = w.start + WINDOW_MS;
    const resetSec = Math.ceil(end / 1000);
    const retryAfterSec = Math.max(1, Math.ceil((end - now) / 1000));
    if (w.count >= this.limit) return { allowed: false, limit: this.limit, remaining: 0, resetSec, retryAfterSec };
    w.count++;
    return { allowed: true, limit: this.limit, remaining: this.limit - w.count, resetSec, retryAfterSec };
  }

  /** What the headers of a request that does not count (bad key) should say. */
  peek(key: string): RateDecision {
    const now = this.now();
    const w = this.windows.get(key);
    if (!w || now >= w.start + WINDOW_MS) {
      return { allowed: true, limit: this.limit, remaining: this.limit, resetSec: Math.ceil((now + WINDOW_MS) / 1000), retryAfterSec: 60 };
    }
    const end = w.start + WINDOW_MS;
    return { allowed: w.count < this.limit, limit: this.limit, remaining: Math.max(0, this.limit - w.count), resetSec: Math.ceil(end / 1000), retryAfterSec: Math.max(1, Math.ceil((end - now) / 1000)) };
  }

  reset(): void {
    this.windows.clear();
  }
}

export function rateHeaders(d: RateDecision): Record<string, string> {
  return { "X-RateLimit-Limit": String(d.limit), "X-RateLimit-Remaining": String(d.remaining), "X-RateLimit-Reset": String(d.resetSec) };
}
