// The recovery a dashboard should find in this store, computed from the model (never from HTTP output):
// the leads (failed and abandoned sales) created in a time range, and which paid sale recovers each one by
// the rule the dashboard documents (docs/recovery.md): a paid sale whose POST /v1/checkout
// `custom_metadata.lead_id` names the lead recovers it exactly, whatever its time or amount; otherwise the
// earliest payment of the same customer for the same product strictly after the lead's failure (or
// abandonment) and at most `windowDays` later. Amounts per currency like the dashboard's analytics: a lead's
// value at risk in its currency, a recovery with its payment's amount in the payment's currency, each
// payment once. Also how many of those leads the simulated customers actually came back for.
import type { StoreModel } from "./model";
import { lowerBound } from "./pagination";
import { isPaid, materialiseSale } from "./sale-model";
import type { Json } from "./serialize-sale";
import { STATUS_CODE } from "./generator";

export interface RecoveryTruthOptions {
  /** Leads created in [fromSec, toSec) (epoch seconds). */
  fromSec: number;
  toSec: number;
  windowDays: number;
  /** The custom_metadata key naming the lead (the dashboard's: "lead_id"). */
  metadataKey?: string;
}

export interface CurrencyRecoveryTruth {
  leads: number;
  recoveredLeads: number;
  atRiskValue: number;
  recoveredValue: number;
}

export interface RecoveryTruth {
  leads: number;
  recovered: number;
  byLink: number;
  byWindow: number;
  /** Leads of the range that their customer came back for (a retry sale exists, paid or not). */
  retried: number;
  byCurrency: Record<string, CurrencyRecoveryTruth>;
  /** Lead id → the paid sale that recovers it and by which rule. */
  recoveries: Record<string, { saleId: string; by: "link" | "window" }>;
}

type Payment = { index: number; id: string; atSec: number; amount: number; currency: string };

export function computeRecoveryTruth(m: StoreModel, nowSec: number, opts: RecoveryTruthOptions): RecoveryTruth {
  const a = m.arrays;
  const key = opts.metadataKey ?? "lead_id";
  const windowSec = opts.windowDays * 86_400;
  const pairKey = (i: number) => `${a.customer[i]}:${a.product[i]}`;
  const paymentOf = (i: number): Payment => {
    const s = materialiseSale(m, i, nowSec);
    return { index: i, id: s.id, atSec: s.completedSec ?? s.createdSec, amount: s.money.amount, currency: s.currency };
  };

  const leads: { index: number; id: string; atSec: number; amount: number; currency: string }[] = [];
  const lo = lowerBound(a.created, a.saleCount, opts.fromSec);
  const hi = lowerBound(a.created, a.saleCount, opts.toSec);
  for (let i = lo; i < hi; i++) {
    if (a.status[i] !== STATUS_CODE.failed && a.status[i] !== STATUS_CODE.abandoned) continue;
    const s = materialiseSale(m, i, nowSec);
    leads.push({ index: i, id: s.id, atSec: s.failedSec ?? s.abandonedSec ?? s.createdSec, amount: s.money.amount, currency: s.currency });
  }

  // The leads' customers' payments for the same products, oldest first.
  const wanted = new Set(leads.map((l) => pairKey(l.index)));
  const payments = new Map<string, Payment[]>();
  for (let i = 0; i < a.saleCount; i++) {
    if ((a.status[i] !== STATUS_CODE.completed && a.status[i] !== STATUS_CODE.settled) || !wanted.has(pairKey(i))) continue;
    const list = payments.get(pairKey(i)) ?? [];
    list.push(paymentOf(i));
    payments.set(pairKey(i), list);
  }
  for (const list of payments.values()) list.sort((x, y) => x.atSec - y.atSec || x.index - y.index);

  // Paid sales that name a lead in their checkout metadata: the earliest per lead.
  const linked = new Map<string, Payment>();
  for (const [i, extras] of m.saleExtras) {
    const named: Json | undefined = extras.customMetadata?.[key];
    if (typeof named !== "string" || !isPaid(materialiseSale(m, i, nowSec).status)) continue;
    const p = paymentOf(i);
    const before = linked.get(named);
    if (!before || p.atSec < before.atSec) linked.set(named, p);
  }

  const retriedLeads = new Set(m.retryOf.values());
  const out: RecoveryTruth = { leads: leads.length, recovered: 0, byLink: 0, byWindow: 0, retried: 0, byCurrency: {}, recoveries: {} };
  const counted = new Map<string, Set<string>>();
  const row = (currency: string) => (out.byCurrency[currency] ??= { leads: 0, recoveredLeads: 0, atRiskValue: 0, recoveredValue: 0 });
  for (const lead of leads) {
    const r = row(lead.currency);
    r.leads++;
    r.atRiskValue += lead.amount;
    if (retriedLeads.has(lead.index)) out.retried++;
    const byLink = linked.get(lead.id);
    const byWindow = byLink
      ? undefined
      : payments.get(pairKey(lead.index))?.find((p) => p.index !== lead.index && p.atSec > lead.atSec && p.atSec <= lead.atSec + windowSec);
    const payment = byLink ?? byWindow;
    if (!payment) continue;
    out.recovered++;
    if (byLink) out.byLink++;
    else out.byWindow++;
    out.recoveries[lead.id] = { saleId: payment.id, by: byLink ? "link" : "window" };
    const paidIn = row(payment.currency);
    paidIn.recoveredLeads++;
    const seen = counted.get(payment.currency) ?? new Set<string>();
    if (!seen.has(payment.id)) paidIn.recoveredValue += payment.amount;
    seen.add(payment.id);
    counted.set(payment.currency, seen);
  }
  return out;
}
