// Injectable time for the scheduler: the system clock in production, a virtual clock in tests where
// sleeping advances time instantly (a 60 s rate-limit window costs no real time).
import "server-only";

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason if aborted first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("Aborted", "AbortError");
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep(ms, signal) {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal));
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, Math.max(0, ms));
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortReason(signal as AbortSignal));
      };
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  },
};

export interface VirtualClock extends Clock {
  /** Moves time forward by hand (e.g. to simulate a pause between two calls). */
  advance(ms: number): void;
  /** Sleeps not yet resolved. */
  pending(): number;
}

interface Sleeper {
  at: number;
  seq: number;
  resolve: () => void;
}

/**
 * Virtual time. Sleepers wake in deadline order, one deadline per macrotask (setImmediate), so all
 * work already queued as microtasks runs first; concurrent sleeps overlap as they would in real time
 * (a 10 s and a 60 s sleep started together end at +10 s and +60 s, not +70 s).
 */
export function createVirtualClock(start = Date.UTC(2026, 0, 1)): VirtualClock {
  let current = start;
  let seq = 0;
  let tickScheduled = false;
  const sleepers: Sleeper[] = [];

  function scheduleTick() {
    if (tickScheduled || sleepers.length === 0) return;
    tickScheduled = true;
    setImmediate(() => {
      tickScheduled = false;
      if (sleepers.length === 0) return;
      sleepers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const at = sleepers[0].at;
      current = Math.max(current, at);
      const due = sleepers.filter((s) => s.at <= current);
      sleepers.splice(0, due.length);
      for (const s of due) s.resolve();
      scheduleTick();
    });
  }

  return {
    now: () => current,
    advance(ms) {
      current += Math.max(0, ms);
    },
    pending: () => sleepers.length,
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(abortReason(signal));
        const sleeper: Sleeper = {
          at: current + Math.max(0, ms),
          seq: seq++,
          resolve: () => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
          },
        };
        const onAbort = () => {
          const i = sleepers.indexOf(sleeper);
          if (i >= 0) sleepers.splice(i, 1);
          reject(abortReason(signal as AbortSignal));
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        sleepers.push(sleeper);
        scheduleTick();
      });
    },
  };
}
