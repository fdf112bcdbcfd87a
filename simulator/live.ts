// Live mode: on each tick new checkouts arrive, customers whose payment failed come back (returning-buyers.ts),
// pending ones resolve, due settlements are paid out and invitations get accepted — the activity a
// dashboard sees on a real store, with its Pulses.
import { STATUS_CODE } from "./generator";
import { abandonSale, acceptInvitation, completeSale, createCheckout, failSale, settleSale } from "./lifecycle";
import { lowerBound } from "./pagination";
import { FAILURE_ERRORS, CANCELLED_ERROR } from "./catalog";
import { rngFor, weighted, type Rng } from "./prng";
import { planRetry, retryResolveSec } from "./returning-buyers";
import type { SimRuntime } from "./runtime";
import { materialiseSale } from "./sale-model";

const FAILURE_WEIGHTS = FAILURE_ERRORS.map((f) => f.weight);

/**
 * New checkouts per hour of clock time. Live activity used to bring 0–2 checkouts per tick whatever the
 * time between ticks — about 650 an hour at demo mode's 5 s, 75 times the generated history's own pace
 * (about 9 a day at its end): within an hour of demo the last 30 days held more brand-new failed checkouts
 * than the whole month of history, whose customers had had no time to come back, and the recovery rate
 * fell to about 11 %. At this pace the demo still shows a new sale every minute or two.
 */
export const LIVE_ARRIVALS_PER_HOUR = 40;
/** A tick after a long pause (a test moving the clock by hours) brings about this many at most. */
const MAX_ARRIVALS_PER_TICK = 4;

/** A Poisson count with this mean (Knuth's product of uniforms; the mean stays small). */
function poisson(rng: Rng, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rng(); p > limit; p *= rng()) k++;
  return k;
}

function failureCode(rng: Rng): string {
  return rng() < 0.15 ? CANCELLED_ERROR.code : FAILURE_ERRORS[weighted(rng, FAILURE_WEIGHTS)].code;
}

export interface TickResult {
  created: string[];
  completed: string[];
  failed: string[];
  abandoned: string[];
  settled: string[];
  accepted: string[];
}

export class LiveEngine {
  private timer: NodeJS.Timeout | null = null;
  private ticks = 0;
  /** Clock time of the previous tick (or of the start): new checkouts arrive in proportion to the time since. */
  private lastTickSec: number;

  constructor(private readonly rt: SimRuntime) {
    this.lastTickSec = rt.nowSec();
  }

  start(intervalMs: number): void {
    this.stop();
    this.timer = setInterval(() => this.tick(), Math.max(10, intervalMs));
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  get running(): boolean {
    return this.timer !== null;
  }

  /** One step of activity; deterministic for a given seed, tick number and clock. */
  tick(): TickResult {
    const rt = this.rt;
    const m = rt.model;
    const rng = rngFor(rt.seed, 900, this.ticks++);
    const out: TickResult = { created: [], completed: [], failed: [], abandoned: [], settled: [], accepted: [] };
    const now = rt.nowSec();
    const a = m.arrays;
    // Customers coming back: the retries now due become new checkouts for the same purchase.
    for (let plan = m.pendingRetries.takeDue(now); plan; plan = m.pendingRetries.takeDue(now)) {
      const i = m.appendRetry(plan.lead, now);
      m.retryResolutions.set(i, { paid: plan.paid, resolveSec: retryResolveSec(rt.seed, i, m.arrays.created[i]) });
      out.created.push(m.saleId(i));
    }
    // Only the recent past can still change: awaiting checkouts and completed sales awaiting payout.
    const from = lowerBound(a.created, a.saleCount, now - 15 * 86_400);
    for (let i = from; i < a.saleCount; i++) {
      if (m.controlled.has(i)) continue; // a test drives it through the control API
      const st = a.status[i];
      const planned = st === STATUS_CODE.awaiting_payment ? m.retryResolutions.get(i) : undefined;
      if (planned) {
        // A returning buyer's checkout ends as planned, minutes after it started.
        if (planned.resolveSec > now) continue;
        m.retryResolutions.delete(i);
        if (planned.paid) out.completed.push(completeSale(rt, i).id);
        else {
          out.failed.push(failSale(rt, i, failureCode(rngFor(rt.seed, i, 18))).id);
          this.planReturn(i);
        }
      } else if (st === STATUS_CODE.awaiting_payment && rng() < 0.35) {
        const r = weighted(rng, [65, 15, 20]);
        if (r === 0) out.completed.push(completeSale(rt, i).id);
        else if (r === 1) {
          out.failed.push(failSale(rt, i, failureCode(rng)).id);
          this.planReturn(i);
        } else {
          out.abandoned.push(abandonSale(rt, i).id);
          this.planReturn(i);
        }
      } else if (st === STATUS_CODE.completed) {
        const s = materialiseSale(m, i, now);
        if (s.dueSec !== null && s.dueSec <= now && rng() < 0.5) out.settled.push(settleSale(rt, i).id);
      }
    }
    const elapsedSec = Math.max(0, now - this.lastTickSec);
    this.lastTickSec = now;
    const arrivals = poisson(rng, Math.min(MAX_ARRIVALS_PER_TICK, (LIVE_ARRIVALS_PER_HOUR * elapsedSec) / 3600));
    for (let k = 0; k < arrivals; k++) out.created.push(createCheckout(rt, {}, rng).id);
    for (const inv of m.invitations) {
      if (m.invitationStatus(inv, now) === "pending" && rng() < 0.1) out.accepted.push(acceptInvitation(rt, inv.id).code);
    }
    return out;
  }

  /** Whether the customer of sale `i`, just failed or abandoned, will come back, and when (returning-buyers.ts). */
  private planReturn(i: number): void {
    const m = this.rt.model;
    const s = materialiseSale(m, i, this.rt.nowSec());
    if (s.status !== "failed" && s.status !== "abandoned") return;
    const plan = planRetry(m.seed, i, {
      status: s.status,
      atSec: s.failedSec ?? s.abandonedSec ?? s.updatedSec,
      failureCode: s.failure?.code ?? null,
      methodId: s.method.id,
      depth: m.retryDepth.get(i) ?? 0,
    }, m.retryQuotas);
    if (plan) m.pendingRetries.push(plan);
  }
}
