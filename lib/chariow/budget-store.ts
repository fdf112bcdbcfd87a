// Where the scheduler keeps what it knows of a key's rate-limit budget. In memory for one process; a
// database-backed store with the same interface will share the budget between app instances later.
import "server-only";
import type { RateLimitHeaders } from "./transport";

export interface BudgetSnapshot {
  limit: number;
  /** Requests believed still allowed in this window, net of requests in flight. */
  remaining: number;
  /** Epoch ms when the window resets; null until a window has started. */
  resetAt: number | null;
  inFlight: number;
  /** True once a response's X-RateLimit-* headers have been seen. */
  learned: boolean;
}

export type Reservation = { granted: true } | { granted: false; retryAt: number };

export interface BudgetStore {
  /** Atomically takes one request slot, or says when to try again. */
  reserve(now: number): Promise<Reservation>;
  /** Ends one reservation; `observed` are the response's headers (null when no response arrived). */
  settle(observed: RateLimitHeaders | null, now: number): Promise<void>;
  /** Gives back a reservation that was never used (the queued call went away). */
  release(): Promise<void>;
  /** After a 429: nothing may be sent before `until`; the window is taken to restart then. */
  block(until: number): Promise<void>;
  snapshot(): BudgetSnapshot;
}

export interface MemoryBudgetOptions {
  /** Assumed before any header is seen: chariow-api.md §2 says design for 10/min. */
  assumedLimit?: number;
  windowMs?: number;
  /** Slack after a learned reset: the header has whole seconds, the server's window may end later. */
  resetMarginMs?: number;
}

export function createMemoryBudgetStore(options: MemoryBudgetOptions = {}): BudgetStore {
  const windowMs = options.windowMs ?? 60_000;
  const margin = options.resetMarginMs ?? 250;
  const b: BudgetSnapshot = { limit: options.assumedLimit ?? 10, remaining: options.assumedLimit ?? 10, resetAt: null, inFlight: 0, learned: false };
  let blocked = false; // resetAt comes from Retry-After: exact, no margin

  function roll(now: number) {
    if (b.resetAt !== null && now >= b.resetAt) {
      b.remaining = Math.max(0, b.limit - b.inFlight);
      b.resetAt = null;
      blocked = false;
    }
  }

  return {
    async reserve(now) {
      roll(now);
      if (b.remaining <= 0) {
        // Without a known reset (nothing learned yet and all assumed slots in flight) wait a window.
        const resetAt = b.resetAt ?? now + windowMs;
        return { granted: false, retryAt: blocked || !b.learned ? resetAt : resetAt + margin };
      }
      if (b.resetAt === null) b.resetAt = now + windowMs; // assumed window until headers say otherwise
      b.remaining -= 1;
      b.inFlight += 1;
      return { granted: true };
    },
    async settle(observed, now) {
      b.inFlight = Math.max(0, b.inFlight - 1);
      if (!observed || observed.remaining === null) return;
      if (observed.limit !== null && observed.limit > 0) b.limit = observed.limit;
      const observedReset = observed.resetAt;
      const serverLeft = Math.max(0, observed.remaining - b.inFlight);
      const sameWindow = b.learned && observedReset !== null && observedReset === b.resetAt;
      const staleWindow = (b.learned || blocked) && observedReset !== null && b.resetAt !== null && observedReset < b.resetAt;
      if (staleWindow) return; // an answer from a window that has already ended
      // Within one window the count only goes down; answers may arrive out of order.
      b.remaining = sameWindow ? Math.min(b.remaining, serverLeft) : serverLeft;
      if (observedReset !== null) {
        b.resetAt = observedReset;
        blocked = false;
      }
      b.learned = true;
      roll(now);
    },
    async release() {
      b.inFlight = Math.max(0, b.inFlight - 1);
      b.remaining += 1;
    },
    async block(until) {
      b.remaining = 0;
      b.resetAt = until;
      blocked = true;
    },
    snapshot: () => ({ ...b }),
  };
}
