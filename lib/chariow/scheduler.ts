// The one gate every Chariow call goes through, per API key: spends the rate-limit budget learned from
// X-RateLimit-* headers, serves interactive before background before low, absorbs 429s and retries safe
// GETs. A person does not wait for the next window: an interactive call the budget cannot serve within a
// few seconds fails at once with ChariowBudgetExhaustedError, which says when the budget comes back. A
// low-priority call (the affiliate lookups, issue 16) is served only when nothing else is queued and never
// waits for the budget at all: it fails at once rather than hold a slot the sync will want.
import "server-only";
import { createMemoryBudgetStore, type BudgetStore } from "./budget-store";
import { systemClock, type Clock } from "./clock";
import { ChariowAbortedError, ChariowBudgetExhaustedError, ChariowError, ChariowUpstreamUnavailableError } from "./errors";
import type { HttpMethod, RawResponse } from "./transport";

export type Priority = "interactive" | "background" | "low";
/** Served in this order: a queued call of an earlier priority always goes first. */
const PRIORITIES = ["interactive", "background", "low"] as const satisfies readonly Priority[];

export interface ScheduledRequest {
  method: HttpMethod;
  endpoint: string;
  priority?: Priority;
  signal?: AbortSignal;
  /**
   * The longest this call may wait for the budget before failing with ChariowBudgetExhaustedError.
   * Default: the scheduler's `interactiveMaxWaitMs` for interactive calls, no limit for background ones,
   * none at all for low ones (served now or failed).
   */
  maxWaitMs?: number;
  /**
   * Never retried, whatever the method or the failure (5xx, network, timeout, 429): for a request that
   * creates something upstream (POST /checkout makes a sale), where a lost answer does not mean nothing
   * was made and sending it again could make a second one. POSTs are tried once anyway; this says so for
   * the call itself, so no later change to the retry rules can re-send it.
   */
  sendOnce?: boolean;
  send: (signal?: AbortSignal) => Promise<RawResponse>;
}

export interface SchedulerState {
  limit: number;
  remaining: number;
  resetAt: number | null;
  queued: { interactive: number; background: number; low: number };
  inFlight: number;
  lastError?: { endpoint: string; code: string; message: string; at: number };
  lastSuccessAt?: number;
}

export type SchedulerEvent =
  | { type: "sent"; endpoint: string; priority: Priority; attempt: number }
  | { type: "response"; endpoint: string; status: number }
  | { type: "rate_limited"; endpoint: string; retryAfterMs: number }
  | { type: "retry"; endpoint: string; attempt: number; delayMs: number; reason: string }
  | { type: "waiting"; until: number }
  | { type: "budget_exhausted"; endpoint: string; retryAt: number }
  | { type: "failed"; endpoint: string; code: string };

export interface SchedulerOptions {
  clock?: Clock;
  store?: BudgetStore;
  /** Parallel requests; the budget accounting stays exact whatever this is. */
  maxConcurrency?: number;
  /** Total tries of a GET on 5xx / network / timeout (POSTs are tried once). */
  maxAttempts?: number;
  /** 429s absorbed for one GET before giving up with ChariowRateLimitedError. */
  maxRateLimitRetries?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Jitter source in [0, 1). */
  random?: () => number;
  /**
   * How long an interactive call may wait for the budget (default 5 s): beyond, it fails at once with
   * the time the budget comes back, rather than hold a page or a form for up to a minute.
   */
  interactiveMaxWaitMs?: number;
}

export interface Scheduler {
  run(request: ScheduledRequest): Promise<RawResponse>;
  state(): SchedulerState;
  subscribe(listener: (event: SchedulerEvent, state: SchedulerState) => void): () => void;
}

interface Job {
  request: ScheduledRequest;
  priority: Priority;
  attempt: number; // tries that failed with 5xx/network/timeout
  rateLimited: number; // 429s absorbed
  /** Clock time after which waiting for the budget is pointless: the call fails instead. */
  deadline: number;
  resolve: (r: RawResponse) => void;
  reject: (e: unknown) => void;
  detachAbort: () => void;
}

export function createScheduler(options: SchedulerOptions = {}): Scheduler {
  const clock = options.clock ?? systemClock;
  const store = options.store ?? createMemoryBudgetStore();
  const maxConcurrency = options.maxConcurrency ?? 2;
  const maxAttempts = options.maxAttempts ?? 4;
  const maxRateLimitRetries = options.maxRateLimitRetries ?? 20;
  const backoffBase = options.backoffBaseMs ?? 500;
  const backoffMax = options.backoffMaxMs ?? 30_000;
  const random = options.random ?? Math.random;
  const interactiveMaxWait = options.interactiveMaxWaitMs ?? 5_000;
  const queues: Record<Priority, Job[]> = { interactive: [], background: [], low: [] };
  const listeners = new Set<(event: SchedulerEvent, state: SchedulerState) => void>();
  let inFlight = 0;
  let pumping = false;
  let lastError: SchedulerState["lastError"];
  let lastSuccessAt: number | undefined;
  /** While the pump sleeps for the budget: when it will try again. */
  let waitingUntil: number | null = null;

  function state(): SchedulerState {
    const b = store.snapshot();
    return {
      limit: b.limit,
      remaining: b.remaining,
      resetAt: b.resetAt,
      queued: { interactive: queues.interactive.length, background: queues.background.length, low: queues.low.length },
      inFlight,
      ...(lastError ? { lastError } : {}),
      ...(lastSuccessAt !== undefined ? { lastSuccessAt } : {}),
    };
  }

  function emit(event: SchedulerEvent) {
    const s = state();
    for (const l of listeners) {
      try {
        l(event, s);
      } catch {
        // A faulty listener must not break the request pipeline.
      }
    }
  }

  function enqueue(job: Job, front = false) {
    if (front) queues[job.priority].unshift(job);
    else queues[job.priority].push(job);
    void pump();
  }

  function next(): Job | undefined {
    return queues.interactive.shift() ?? queues.background.shift() ?? queues.low.shift();
  }

  function hasQueued() {
    return queues.interactive.length + queues.background.length + queues.low.length > 0;
  }

  async function pump() {
    if (pumping) return;
    pumping = true;
    try {
      while (hasQueued() && inFlight < maxConcurrency) {
        const reservation = await store.reserve(clock.now());
        if (!reservation.granted) {
          expireBefore(reservation.retryAt);
          if (!hasQueued()) continue;
          emit({ type: "waiting", until: reservation.retryAt });
          waitingUntil = reservation.retryAt;
          try {
            await clock.sleep(Math.max(0, reservation.retryAt - clock.now()));
          } finally {
            waitingUntil = null;
          }
          continue;
        }
        // Picked only once a slot is held, so an interactive call queued during the wait goes first.
        const job = next();
        if (!job) {
          await store.release(); // the call went away while we waited
          continue;
        }
        inFlight++;
        void execute(job).finally(() => {
          inFlight--;
          void pump();
        });
      }
    } finally {
      pumping = false;
    }
  }

  /** Fails, without sending them, the queued calls that may not wait until `retryAt`. */
  function expireBefore(retryAt: number) {
    for (const priority of PRIORITIES) {
      const expired = queues[priority].filter((job) => job.deadline < retryAt);
      if (expired.length === 0) continue;
      queues[priority] = queues[priority].filter((job) => job.deadline >= retryAt);
      for (const job of expired) budgetExhausted(job, retryAt);
    }
  }

  /** Not an API error (nothing was sent, lastError stays as it was): the caller learns when to retry. */
  function budgetExhausted(job: Job, retryAt: number) {
    job.detachAbort();
    emit({ type: "budget_exhausted", endpoint: job.request.endpoint, retryAt });
    job.reject(new ChariowBudgetExhaustedError(job.request.endpoint, retryAt, clock.now()));
  }

  function fail(job: Job, error: unknown) {
    job.detachAbort();
    if (error instanceof ChariowError) {
      lastError = { endpoint: job.request.endpoint, code: error.code, message: error.message, at: clock.now() };
      emit({ type: "failed", endpoint: job.request.endpoint, code: error.code });
    }
    job.reject(error);
  }

  function succeed(job: Job, response: RawResponse) {
    job.detachAbort();
    if (response.status < 400) lastSuccessAt = clock.now();
    else if (response.status >= 500) {
      lastError = { endpoint: job.request.endpoint, code: "upstream_unavailable", message: `HTTP ${response.status}`, at: clock.now() };
    }
    job.resolve(response);
  }

  async function retryLater(job: Job, reason: string) {
    job.attempt++;
    // Exponential backoff with "equal jitter": half fixed, half random, so retries of many callers spread.
    const ceiling = Math.min(backoffMax, backoffBase * 2 ** (job.attempt - 1));
    const delayMs = Math.round(ceiling / 2 + random() * (ceiling / 2));
    emit({ type: "retry", endpoint: job.request.endpoint, attempt: job.attempt, delayMs, reason });
    try {
      await clock.sleep(delayMs, job.request.signal);
    } catch {
      return fail(job, new ChariowAbortedError("Request aborted", job.request.endpoint, null));
    }
    enqueue(job, true);
  }

  async function execute(job: Job) {
    const { request } = job;
    // Only a GET may be tried again, and never one sent once by request.
    const isGet = request.method === "GET" && request.sendOnce !== true;
    emit({ type: "sent", endpoint: request.endpoint, priority: job.priority, attempt: job.attempt + 1 });
    let response: RawResponse;
    try {
      response = await request.send(request.signal);
    } catch (error) {
      await store.settle(null, clock.now());
      if (error instanceof ChariowUpstreamUnavailableError && isGet && job.attempt + 1 < maxAttempts) {
        lastError = { endpoint: request.endpoint, code: error.code, message: error.message, at: clock.now() };
        return retryLater(job, error.failure);
      }
      return fail(job, error);
    }
    await store.settle(response.rateLimit, clock.now());
    emit({ type: "response", endpoint: request.endpoint, status: response.status });

    if (response.status === 429) {
      const known = store.snapshot().resetAt;
      const wait = response.retryAfterMs ?? (known !== null ? Math.max(0, known - clock.now()) : 60_000);
      await store.block(clock.now() + wait);
      emit({ type: "rate_limited", endpoint: request.endpoint, retryAfterMs: wait });
      // A refused GET is not a failure of the page: it goes back to the head of its queue.
      if (isGet && job.rateLimited < maxRateLimitRetries) {
        job.rateLimited++;
        return enqueue(job, true);
      }
      return succeed(job, response); // the client turns it into ChariowRateLimitedError
    }
    // 501 "Not Implemented" says the endpoint does not exist here (a store without it), not that the server
    // is struggling: asking again cannot help and would spend the budget.
    if (response.status >= 500 && response.status !== 501 && isGet && job.attempt + 1 < maxAttempts) {
      return retryLater(job, `http_${response.status}`);
    }
    succeed(job, response);
  }

  return {
    state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    run(request) {
      return new Promise<RawResponse>((resolve, reject) => {
        const priority = request.priority ?? "interactive";
        const signal = request.signal;
        const maxWait = request.maxWaitMs ?? (priority === "interactive" ? interactiveMaxWait : priority === "low" ? 0 : Infinity);
        const job: Job = { request, priority, attempt: 0, rateLimited: 0, deadline: clock.now() + maxWait, resolve, reject, detachAbort: () => {} };
        if (signal?.aborted) return reject(new ChariowAbortedError("Request aborted", request.endpoint, null));
        // The pump is already sleeping until the budget comes back: no need to queue to learn that.
        if (waitingUntil !== null && job.deadline < waitingUntil) return budgetExhausted(job, waitingUntil);
        if (signal) {
          // Aborting a queued call removes it; an in-flight one is aborted by the transport.
          const onAbort = () => {
            const q = queues[priority];
            const i = q.indexOf(job);
            if (i >= 0) {
              q.splice(i, 1);
              reject(new ChariowAbortedError("Request aborted", request.endpoint, null));
            }
          };
          signal.addEventListener("abort", onAbort, { once: true });
          job.detachAbort = () => signal.removeEventListener("abort", onAbort);
        }
        enqueue(job);
      });
    },
  };
}
