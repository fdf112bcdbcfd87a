// Ground truth computed straight from the model (typed arrays + the economics function), never from
// HTTP output, so contract tests can check the client's totals against an independent computation.
import { COUNTRIES, DISCOUNTS, PRODUCTS } from "./catalog";
import { NONE, statusOf } from "./generator";
import type { StoreModel } from "./model";
import { basePaymentStatus, economics, materialiseSale } from "./sale-model";
import { baseFailureCode } from "./sale-draws";
import { CHANNELS, PAYMENT_STATUSES, SALE_STATUSES, type Channel, type CurrencyTruth, type GroundTruth, type PaymentStatus, type SaleStatus } from "./types";

const zeroStatus = () => Object.fromEntries(SALE_STATUSES.map((s) => [s, 0])) as Record<SaleStatus, number>;

export function computeTruth(m: StoreModel, nowSec: number): GroundTruth {
  const a = m.arrays;
  const byStatus = zeroStatus();
  const byPaymentStatus = Object.fromEntries(PAYMENT_STATUSES.map((s) => [s, 0])) as Record<PaymentStatus, number>;
  const byChannel = Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>;
  const byMonth: Record<string, Record<SaleStatus, number>> = {};
  const byCurrency: GroundTruth["byCurrency"] = {};
  const discountUses: Record<string, number> = {};
  let licences = 0;
  const licencesByStatus: Record<string, number> = {};
  const retried = new Set(m.retryOf.values());
  const returningBuyers: GroundTruth["returningBuyers"] = { leads: 0, retried: 0, retries: 0, paidRetries: 0, byReason: {} };
  let monthKeySec = -1;
  let monthKeyEnd = -1;
  let monthKey = "";

  for (let i = 0; i < a.saleCount; i++) {
    const status = statusOf(a.status[i]);
    byStatus[status]++;
    const mut = m.mutations.get(i);
    const paymentStatus = mut ? mut.paymentStatus : basePaymentStatus(m.seed, i, status);
    byPaymentStatus[paymentStatus]++;
    if (status === "failed" || status === "abandoned") {
      const reason = status === "abandoned" ? "abandoned" : ((mut ? mut.failureCode : baseFailureCode(m.seed, i, paymentStatus, m.method(i).id)) ?? "unknown");
      const r = (returningBuyers.byReason[reason] ??= { leads: 0, retried: 0 });
      r.leads++;
      returningBuyers.leads++;
      if (retried.has(i)) {
        r.retried++;
        returningBuyers.retried++;
      }
    }
    if (m.retryOf.has(i)) {
      returningBuyers.retries++;
      if (status === "completed" || status === "settled") returningBuyers.paidRetries++;
    }
    byChannel[CHANNELS[a.channel[i]]]++;
    const t = a.created[i];
    if (t < monthKeySec || t >= monthKeyEnd) {
      const d = new Date(t * 1000);
      monthKey = d.toISOString().slice(0, 7);
      monthKeySec = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 1000;
      monthKeyEnd = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 1000;
    }
    (byMonth[monthKey] ??= zeroStatus())[status]++;
    const currency = COUNTRIES[a.custCountry[a.customer[i]]].currency;
    const ct: CurrencyTruth = (byCurrency[currency] ??= {
      paidCount: 0, paidRevenue: 0, originalAmount: 0, discountAmount: 0, gatewayFees: 0, serviceFees: 0, netSettlement: 0, settledNet: 0, salesCount: 0,
    });
    ct.salesCount++;
    const d = a.discount[i] === NONE ? null : DISCOUNTS[a.discount[i]];
    if (d) discountUses[d.code] = (discountUses[d.code] ?? 0) + 1;
    if (status === "completed" || status === "settled") {
      const product = PRODUCTS[a.product[i]];
      const e = economics(product, currency, d, m.feesDeducted);
      ct.paidCount++;
      ct.paidRevenue += e.amount;
      ct.originalAmount += e.original;
      ct.discountAmount += e.discount;
      ct.gatewayFees += e.gatewayFee;
      ct.serviceFees += e.serviceFee;
      ct.netSettlement += e.net;
      if (status === "settled") ct.settledNet += e.net;
      if (product.type === "license") {
        licences++;
        // Only licence sales are materialised (a few per cent of the store), for their status at now.
        const status = materialiseSale(m, i, nowSec).licence?.status ?? "none";
        licencesByStatus[status] = (licencesByStatus[status] ?? 0) + 1;
      }
    }
  }
  const n = a.saleCount;
  return {
    totalSales: n, byStatus, byPaymentStatus, byCurrency, byChannel, byMonth,
    affiliates: m.affiliates.map((x) => ({ code: x.code, id: x.storeAffiliateId, accountId: x.accountId, status: x.status, email: x.email })),
    invitations: m.invitations.map((inv) => ({ id: inv.id, email: inv.email, status: m.invitationStatus(inv, nowSec) })),
    customers: m.customerCount, products: PRODUCTS.length, publishedProducts: PRODUCTS.filter((p) => p.published).length,
    discounts: DISCOUNTS.length, licences, licencesByStatus, discountUses, returningBuyers,
    historyEnd: new Date(m.historyEndSec * 1000).toISOString(), clockNow: new Date(nowSec * 1000).toISOString(),
    newestSaleId: n > 0 ? m.saleId(n - 1) : null, oldestSaleId: n > 0 ? m.saleId(0) : null,
  };
}

/** Sales created in [from, to) (ISO instants) per currency, from the model: what a digest of those days must say. */
export interface PeriodCurrencyTruth {
  paidCount: number;
  paidRevenue: number;
  failedCount: number;
  failedValue: number;
  abandonedCount: number;
  abandonedValue: number;
}

export function computePeriodTruth(m: StoreModel, from: string, to: string): Partial<Record<string, PeriodCurrencyTruth>> {
  const a = m.arrays;
  const fromSec = Date.parse(from) / 1000;
  const toSec = Date.parse(to) / 1000;
  const out: Partial<Record<string, PeriodCurrencyTruth>> = {};
  for (let i = 0; i < a.saleCount; i++) {
    const t = a.created[i];
    if (t < fromSec || t >= toSec) continue;
    const status = statusOf(a.status[i]);
    const currency = COUNTRIES[a.custCountry[a.customer[i]]].currency;
    const c = (out[currency] ??= { paidCount: 0, paidRevenue: 0, failedCount: 0, failedValue: 0, abandonedCount: 0, abandonedValue: 0 });
    const d = a.discount[i] === NONE ? null : DISCOUNTS[a.discount[i]];
    const amount = economics(PRODUCTS[a.product[i]], currency, d, m.feesDeducted).amount;
    if (status === "completed" || status === "settled") {
      c.paidCount++;
      c.paidRevenue += amount;
    } else if (status === "failed") {
      c.failedCount++;
      c.failedValue += amount;
    } else if (status === "abandoned") {
      c.abandonedCount++;
      c.abandonedValue += amount;
    }
  }
  return out;
}
