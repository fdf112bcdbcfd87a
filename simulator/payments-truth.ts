// Payment health's ground truth (issue 20), computed from the model's arrays and draws (never from HTTP
// output): for the sales created in [from, to), per payment method (its canonical id, the API's
// payment.method.id) × buyer country (ISO2, the sale's context and shipping country), how many were paid
// (completed | settled), failed, abandoned and still awaiting payment, their amounts per currency, the
// failure codes of the failed ones, and the median time from checkout to payment. Live changes
// (m.mutations) count as the API shows them.
import { COUNTRIES, DISCOUNTS, PRODUCTS } from "./catalog";
import { NONE, paidTimes, statusOf } from "./generator";
import type { StoreModel } from "./model";
import { lowerBound } from "./pagination";
import { baseFailureCode, basePaymentStatus } from "./sale-draws";
import { economics } from "./sale-model";

export interface PaymentStats {
  paid: number;
  failed: number;
  abandoned: number;
  awaiting: number;
  /** Sum of `amount` (minor units) of the paid sales, per currency. */
  paidValueByCurrency: Record<string, number>;
  /** Sum of `amount` of the failed sales, per currency: the value lost. */
  valueLostByCurrency: Record<string, number>;
  abandonedValueByCurrency: Record<string, number>;
  /** `payment.failure_error.code` of the failed sales → count (cancelled_by_user included). */
  failureCodes: Record<string, number>;
  /** Lower median (the ⌈n/2⌉-th smallest) of completed_at − created_at over the paid sales, seconds; null if none. */
  medianPaySeconds: number | null;
}

export interface PaymentsTruth {
  from: string;
  to: string;
  /** Method id → buyer country → figures. Only pairs with at least one sale appear. */
  byMethodCountry: Record<string, Record<string, PaymentStats>>;
  byMethod: Record<string, PaymentStats>;
  byCountry: Record<string, PaymentStats>;
  total: PaymentStats;
}

type Acc = Omit<PaymentStats, "medianPaySeconds"> & { paySeconds: number[] };

const newAcc = (): Acc => ({ paid: 0, failed: 0, abandoned: 0, awaiting: 0, paidValueByCurrency: {}, valueLostByCurrency: {}, abandonedValueByCurrency: {}, failureCodes: {}, paySeconds: [] });
const add = (rec: Record<string, number>, key: string, n: number) => {
  rec[key] = (rec[key] ?? 0) + n;
};

/** The ⌈n/2⌉-th smallest value (null for none). */
export function lowerMedian(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.ceil(sorted.length / 2) - 1];
}

function finish(acc: Acc): PaymentStats {
  const { paySeconds, ...rest } = acc;
  return { ...rest, medianPaySeconds: lowerMedian(paySeconds) };
}

/** What one sale adds to its groups: status, amount in its currency, failure code, seconds to payment. */
function record(acc: Acc, status: string, currency: string, amount: number, code: string | null, paySec: number | null): void {
  if (status === "completed" || status === "settled") {
    acc.paid++;
    add(acc.paidValueByCurrency, currency, amount);
    if (paySec !== null) acc.paySeconds.push(paySec);
  } else if (status === "failed") {
    acc.failed++;
    add(acc.valueLostByCurrency, currency, amount);
    add(acc.failureCodes, code ?? "unknown", 1);
  } else if (status === "abandoned") {
    acc.abandoned++;
    add(acc.abandonedValueByCurrency, currency, amount);
  } else acc.awaiting++;
}

export function computePaymentsTruth(m: StoreModel, from: string, to: string): PaymentsTruth {
  const a = m.arrays;
  const fromSec = Math.ceil(Date.parse(from) / 1000);
  const toSec = Math.ceil(Date.parse(to) / 1000);
  const cells = new Map<string, Map<string, Acc>>();
  const byMethod = new Map<string, Acc>();
  const byCountry = new Map<string, Acc>();
  const total = newAcc();
  const lo = lowerBound(a.created, a.saleCount, fromSec);
  const hi = lowerBound(a.created, a.saleCount, toSec);
  for (let i = lo; i < hi; i++) {
    const status = statusOf(a.status[i]);
    const countryIndex = a.custCountry[a.customer[i]];
    const country = COUNTRIES[countryIndex];
    const method = m.method(i).id;
    const d = a.discount[i] === NONE ? null : DISCOUNTS[a.discount[i]];
    const amount = economics(PRODUCTS[a.product[i]], country.currency, d, m.feesDeducted).amount;
    const mut = m.mutations.get(i);
    let code: string | null = null;
    let paySec: number | null = null;
    if (status === "failed") code = mut ? mut.failureCode : baseFailureCode(m.seed, i, basePaymentStatus(m.seed, i, status), method);
    if (status === "completed" || status === "settled") {
      const completed = mut ? mut.completed : paidTimes(m.seed, i, a.created[i], method).completed;
      paySec = completed === null ? null : completed - a.created[i];
    }
    let row = cells.get(method);
    if (!row) cells.set(method, (row = new Map()));
    let cell = row.get(country.code);
    if (!cell) row.set(country.code, (cell = newAcc()));
    let mAcc = byMethod.get(method);
    if (!mAcc) byMethod.set(method, (mAcc = newAcc()));
    let cAcc = byCountry.get(country.code);
    if (!cAcc) byCountry.set(country.code, (cAcc = newAcc()));
    for (const acc of [cell, mAcc, cAcc, total]) record(acc, status, country.currency, amount, code, paySec);
  }
  const byMethodCountry: PaymentsTruth["byMethodCountry"] = {};
  for (const [method, row] of cells) byMethodCountry[method] = Object.fromEntries([...row].map(([c, acc]) => [c, finish(acc)]));
  return {
    from: new Date(Date.parse(from)).toISOString(), to: new Date(Date.parse(to)).toISOString(), byMethodCountry,
    byMethod: Object.fromEntries([...byMethod].map(([k, acc]) => [k, finish(acc)])),
    byCountry: Object.fromEntries([...byCountry].map(([k, acc]) => [k, finish(acc)])),
    total: finish(total),
  };
}
