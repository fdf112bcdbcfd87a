// Returning buyers (issue 16): a share of failed and abandoned checkouts come back — the same customer buys
// the same product again, minutes to days later. Mobile-money customers whose balance was short top up and
// try again far more often than a declined card is retried; an abandoned cart comes back least. The shares
// hold over any stretch of time, not only on average: per reason, a running quota (error diffusion with a
// random threshold) decides, so a 30-day window of a small demo store shows the realistic share rather than
// whatever a coin happened to give. Deterministic from the seed: draws are per (seed, lead index), and the
// quotas follow the order of events (history in index order, then live ticks).
import { PAYMENT_METHODS } from "./catalog";
import { rngFor, weighted } from "./prng";

/** Payment methods paid from a mobile-money wallet (catalog PAYMENT_METHODS). */
const MOBILE_MONEY = new Set(Object.values(PAYMENT_METHODS).filter((pm) => pm.mobileMoney).map((pm) => pm.id));

/**
 * Chance that a failed checkout is tried again by its customer, by failure reason, for mobile money and
 * for cards / PayPal. Insufficient funds is the most common mobile-money failure and the most often
 * retried (the customer tops up); declines and expired cards the least (a new card is needed).
 */
const RETRY_CHANCE: Readonly<Record<string, { mobile: number; other: number }>> = {
  insufficient_funds: { mobile: 0.75, other: 0.45 },
  transaction_limit_exceeded: { mobile: 0.55, other: 0.4 },
  timeout: { mobile: 0.55, other: 0.4 },
  invalid_otp: { mobile: 0.55, other: 0.4 },
  // The operator comes back within hours and the customer pays then; a failed 3-D Secure is tried again
  // about as often as a timeout.
  operator_unavailable: { mobile: 0.6, other: 0.45 },
  authentication_failed: { mobile: 0.4, other: 0.4 },
  card_declined: { mobile: 0.25, other: 0.2 },
  expired_card: { mobile: 0.2, other: 0.15 },
  cancelled_by_user: { mobile: 0.35, other: 0.3 },
};
const OTHER_FAILURE = { mobile: 0.4, other: 0.3 };
/** An abandoned cart comes back far less often than a failed payment. */
export const ABANDONED_RETRY_CHANCE = 0.2;
/** Share of retries that are paid; the others fail again (and may themselves be retried). */
export const RETRY_PAID_SHARE = 0.85;
/** A retry that failed again is retried this much less often (so chains stay short). */
const DEPTH_FACTOR = 0.5;

/** A planned return: sale `lead` (failed or abandoned) is tried again at `dueSec`; `paid`: how it ends. */
export interface RetryPlan {
  lead: number;
  dueSec: number;
  paid: boolean;
  /** 1 for the first retry of an original checkout, 2 for a retry of a retry… */
  depth: number;
}

export interface LeadFacts {
  status: "failed" | "abandoned";
  /** When it failed or was abandoned (epoch seconds). */
  atSec: number;
  failureCode: string | null;
  methodId: string;
  /** 0 for an original checkout, else the depth of the retry that failed. */
  depth: number;
}

export function retryChance(lead: Pick<LeadFacts, "status" | "failureCode" | "methodId" | "depth">): number {
  const base =
    lead.status === "abandoned"
      ? ABANDONED_RETRY_CHANCE
      : (RETRY_CHANCE[lead.failureCode ?? ""] ?? OTHER_FAILURE)[MOBILE_MONEY.has(lead.methodId) ? "mobile" : "other"];
  return base * DEPTH_FACTOR ** lead.depth;
}

/** Delay before the customer comes back: minutes, hours, a day or three, up to ten days. */
function retryDelaySec(rng: () => number, failureCode: string | null): number {
  // Short of money, the customer waits for it to arrive: fewer come back within the hour.
  const shares = failureCode === "insufficient_funds" ? [25, 30, 30, 15] : [45, 30, 17, 8];
  const bands: ReadonlyArray<readonly [number, number]> = [
    [120, 3600],
    [3600, 12 * 3600],
    [12 * 3600, 72 * 3600],
    [72 * 3600, 10 * 86_400],
  ];
  const [lo, hi] = bands[weighted(rng, shares)];
  return lo + Math.floor(rng() * (hi - lo));
}

/**
 * Running quotas, one per kind of lead: each lead adds its chance; when the total passes a random threshold
 * in [0.5, 1.5) the lead is retried and one is taken off. Over n leads of a kind, retries stay within about
 * one of n × chance, and which leads come back still looks random.
 */
export class RetryQuotas {
  private readonly totals = new Map<string, number>();

  take(kind: string, chance: number, u: number): boolean {
    const total = (this.totals.get(kind) ?? 0.5) + chance;
    const yes = total >= 0.5 + u;
    this.totals.set(kind, yes ? total - 1 : total);
    return yes;
  }
}

function kindOf(facts: LeadFacts): string {
  const wallet = MOBILE_MONEY.has(facts.methodId) ? "mobile" : "other";
  // Per reason: a quota shared by reasons of different chances would retry them all alike.
  return `${facts.status}:${facts.failureCode ?? ""}:${wallet}:${Math.min(facts.depth, 1)}`;
}

/** Whether and when sale `lead` is tried again (draws per (seed, lead); the quotas carry the shares). */
export function planRetry(seed: number, lead: number, facts: LeadFacts, quotas: RetryQuotas): RetryPlan | null {
  const rng = rngFor(seed, lead, 16);
  if (!quotas.take(kindOf(facts), retryChance(facts), rng())) return null;
  const dueSec = facts.atSec + retryDelaySec(rng, facts.failureCode);
  return { lead, dueSec, paid: quotas.take("paid", RETRY_PAID_SHARE, rng()), depth: facts.depth + 1 };
}

/** When a retry's payment resolves: 30 s to 10 min after the new checkout, like any paid checkout. */
export function retryResolveSec(seed: number, retry: number, createdSec: number): number {
  return createdSec + 30 + Math.floor(rngFor(seed, retry, 17)() * 570);
}

/** Retries not yet made, earliest first (ties: lower lead index first, so the order is deterministic). */
export class RetryQueue {
  private readonly items: RetryPlan[] = [];

  get size(): number {
    return this.items.length;
  }

  push(plan: RetryPlan): void {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const x = this.items[mid];
      if (x.dueSec < plan.dueSec || (x.dueSec === plan.dueSec && x.lead < plan.lead)) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, plan);
  }

  /** The earliest plan due at or before `sec`, removed from the queue; null when none is due. */
  takeDue(sec: number): RetryPlan | null {
    return this.items.length > 0 && this.items[0].dueSec <= sec ? this.items.shift()! : null;
  }

  toArray(): readonly RetryPlan[] {
    return this.items;
  }
}
