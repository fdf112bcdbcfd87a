// Live mode: on each tick new checkouts arrive, customers whose payment failed come back (returning-buyers.ts),
// pending ones resolve, due settlements are paid out and invitations get accepted — the activity a
// dashboard sees on a real store, with its Pulses.
import { CANCELLED_ERROR, COUNTRIES } from "./catalog";
import { degradationActive, degradationMatches } from "./degradation";
import { STATUS_CODE } from "./generator";
import { abandonSale, acceptInvitation, completeSale, createCheckout, failSale, settleSale } from "./lifecycle";
import { lowerBound } from "./pagination";
import { rngFor, weighted, type Rng } from "./prng";
import { planRetry, retryResolveSec } from "./returning-buyers";
import type { SimRuntime } from "./runtime";
import { drawFailureCode, relativeFailOdds } from "./sale-draws";
import { materialiseSale } from "./sale-model";

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

/** A live failure of a payment through this method: cancelled by the customer, or one of the method's codes. */
function failureCode(rng: Rng, methodId: string): string {
  return rng() < 0.15 ? CANCELLED_ERROR.code : drawFailureCode(rng, methodId);
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
      this.degrade(i);
      out.created.push(m.saleId(i));
    }
    // Only the recent past can still change: awaiting checkouts and completed sales awaiting payout.
    const from = lowerBound(a.created, a.saleCount, now - 15 * 86_400);
    for (let i = from; i < a.saleCount; i++) {
      if (m.controlled.has(i)) continue; // a test drives it through the control API
      const st = a.status[i];
      const doomed = st === STATUS_CODE.awaiting_payment ? m.degradedFailures.get(i) : undefined;
      if (doomed) {
        // Caught by a degradation window when it was made: it fails as planned, whatever else was planned.
        if (doomed.resolveSec > now) continue;
        m.degradedFailures.delete(i);
        m.retryResolutions.delete(i);
        out.failed.push(failSale(rt, i, doomed.code).id);
        this.planReturn(i);
        continue;
      }
      const planned = st === STATUS_CODE.awaiting_payment ? m.retryResolutions.get(i) : undefined;
      if (planned) {
        // A returning buyer's checkout ends as planned, minutes after it started.
        if (planned.resolveSec > now) continue;
        m.retryResolutions.delete(i);
        if (planned.paid) out.completed.push(completeSale(rt, i).id);
        else {
          out.failed.push(failSale(rt, i, failureCode(rngFor(rt.seed, i, 18), m.method(i).id)).id);
          this.planReturn(i);
        }
      } else if (st === STATUS_CODE.awaiting_payment && rng() < 0.35) {
        // A payment fails more or less often depending on its method in its country, in the history's
        // ratios (sale-draws.ts relativeFailOdds).
        const method = m.method(i).id;
        const r = weighted(rng, [65, 15 * relativeFailOdds(a.custCountry[a.customer[i]], method), 20]);
        if (r === 0) out.completed.push(completeSale(rt, i).id);
        else if (r === 1) {
          out.failed.push(failSale(rt, i, failureCode(rng, method)).id);
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
    for (let k = 0; k < arrivals; k++) out.created.push(this.degrade(createCheckout(rt, {}, rng).index));
    const d = rt.degradation;
    if (degradationActive(d, now) && d.extraPerHour > 0) {
      // Customers of the broken method keep trying: more of its checkouts while the window is on.
      const extra = poisson(rng, Math.min(MAX_ARRIVALS_PER_TICK, (d.extraPerHour * elapsedSec) / 3600));
      for (let k = 0; k < extra; k++) out.created.push(this.degrade(createCheckout(rt, { method: d.method, country: d.country ?? undefined }, rng).index));
    }
    for (const inv of m.invitations) {
      if (m.invitationStatus(inv, now) === "pending" && rng() < 0.1) out.accepted.push(acceptInvitation(rt, inv.id).code);
    }
    return out;
  }

  /**
   * A live checkout made while a degradation window matches its method and country fails with the
   * window's share (a draw per sale), 45 s to 16 min after it was made. Returns its id.
   */
  private degrade(i: number): string {
    const m = this.rt.model;
    const created = m.arrays.created[i];
    const country = COUNTRIES[m.arrays.custCountry[m.arrays.customer[i]]].code;
    const d = this.rt.degradation;
    if (d && degradationMatches(d, created, m.method(i).id, country)) {
      const rng = rngFor(this.rt.seed, i, 19);
      if (rng() < d.failureShare) m.degradedFailures.set(i, { resolveSec: created + 45 + Math.floor(rng() * 900), code: d.code });
    }
    return m.saleId(i);
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
