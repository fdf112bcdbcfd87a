// The rate-limit budget arithmetic of lib/chariow's memory store, as pure functions over a plain state,
// so the database-backed store can apply them inside a compare-and-set (db-budget-store.ts).
import "server-only";
import type { BudgetSnapshot, BudgetStore, Reservation } from "@/lib/chariow";

export type ObservedHeaders = Parameters<BudgetStore["settle"]>[0];

export interface BudgetState {
  limit: number;
  remaining: number;
  resetAt: number | null;
  /** When each slot still in flight was reserved (oldest first). */
  inFlight: number[];
  learned: boolean;
  /** resetAt comes from Retry-After: exact, no margin. */
  blocked: boolean;
}

export interface BudgetRules {
  windowMs: number;
  resetMarginMs: number;
  /** A reservation older than this was lost with its instance (crash): it no longer holds a slot. */
  inFlightTtlMs: number;
}

export function initialBudget(assumedLimit: number): BudgetState {
  return { limit: assumedLimit, remaining: assumedLimit, resetAt: null, inFlight: [], learned: false, blocked: false };
}

function roll(s: BudgetState, now: number, rules: BudgetRules): void {
  s.inFlight = s.inFlight.filter((at) => now - at < rules.inFlightTtlMs);
  if (s.resetAt !== null && now >= s.resetAt) {
    s.remaining = Math.max(0, s.limit - s.inFlight.length);
    s.resetAt = null;
    s.blocked = false;
  }
}

export function reserveSlot(s: BudgetState, now: number, rules: BudgetRules): Reservation {
  roll(s, now, rules);
  if (s.remaining <= 0) {
    // No known reset (every slot held by requests in flight): assume a window from now, so the state
    // rolls even if those requests never settle (their instance died).
    s.resetAt ??= now + rules.windowMs;
    return { granted: false, retryAt: s.blocked || !s.learned ? s.resetAt : s.resetAt + rules.resetMarginMs };
  }
  if (s.resetAt === null) s.resetAt = now + rules.windowMs; // assumed window until headers say otherwise
  s.remaining -= 1;
  s.inFlight.push(now);
  return { granted: true };
}

export function settleSlot(s: BudgetState, observed: ObservedHeaders, now: number, rules: BudgetRules): void {
  s.inFlight.shift();
  if (!observed || observed.remaining === null) return;
  if (observed.limit !== null && observed.limit > 0) s.limit = observed.limit;
  const observedReset = observed.resetAt;
  // The server's count does not yet include requests other callers (any instance) have in flight.
  const serverLeft = Math.max(0, observed.remaining - s.inFlight.length);
  const sameWindow = s.learned && observedReset !== null && observedReset === s.resetAt;
  const staleWindow = (s.learned || s.blocked) && observedReset !== null && s.resetAt !== null && observedReset < s.resetAt;
  if (staleWindow) return; // an answer from a window that has already ended
  // Within one window the count only goes down; answers may arrive out of order.
  s.remaining = sameWindow ? Math.min(s.remaining, serverLeft) : serverLeft;
  if (observedReset !== null) {
    s.resetAt = observedReset;
    s.blocked = false;
  }
  s.learned = true;
  roll(s, now, rules);
}

export function releaseSlot(s: BudgetState): void {
  s.inFlight.shift();
  s.remaining += 1;
}

export function blockUntil(s: BudgetState, until: number): void {
  s.remaining = 0;
  s.resetAt = until;
  s.blocked = true;
}

export function toSnapshot(s: BudgetState): BudgetSnapshot {
  return { limit: s.limit, remaining: s.remaining, resetAt: s.resetAt, inFlight: s.inFlight.length, learned: s.learned };
}
