// Recovery analytics over the worklist of a range, per currency (never added across currencies): value
// at risk, recovered value, recovery rate, median time to recover, by failure category and payment
// method, and whether contacted leads converted more often than the others.
// Which currency a recovery counts in (docs/recovery.md "Analytics"): leads and their value at risk in the
// lead's currency; a recovered lead and its recovering payment's amount in the payment's currency — where
// the money came in — so a currency's recovered count and recovered value always come from the same leads.
import type { Role } from "@/lib/auth/permissions";
import { seesFinancials } from "@/lib/sales/financial-fields";
import type { RecoveryRule } from "./attribution";
import type { FailureCategory } from "./failure-category";
import type { Lead } from "./worklist";

export interface CurrencyRecovery {
  currency: string;
  /** Failed and abandoned sales in this currency. */
  leads: number;
  /** Leads recovered by a payment in this currency (whatever the lead's own currency). */
  recoveredLeads: number;
  /** Sum of the failed and abandoned sales' amounts. */
  atRiskValue: number;
  /** Sum of the amounts of the payments that recovered `recoveredLeads`, each payment once (it may close several attempts). */
  recoveredValue: number;
  /** recoveredValue ÷ atRiskValue; null when nothing was at risk. */
  recoveryRate: number | null;
}

export interface Breakdown {
  key: string;
  leads: number;
  recovered: number;
}

export interface RecoveryStats {
  byCurrency: CurrencyRecovery[];
  /** Recovered leads by the rule that recovered them: their exact recovery link, or the time window. */
  recoveredBy: Record<RecoveryRule, number>;
  medianHoursToRecover: number | null;
  byCategory: Breakdown[];
  byPaymentMethod: Breakdown[];
  contacted: Breakdown;
  uncontacted: Breakdown;
}

/**
 * What the stats read of a lead — a Lead, or a group of alike leads (range-recoveries.ts: `leads` of them,
 * `amount` their sum; a recovered group is one lead).
 */
export type RecoveryFact = Pick<Lead, "currency" | "amount" | "category" | "paymentMethod" | "contactedAt" | "state" | "recovered" | "recoveredBy" | "at"> & { leads?: number };

export function recoveryStats(leads: readonly RecoveryFact[]): RecoveryStats {
  const currencies = new Map<string, CurrencyRecovery & { payments: Set<string> }>();
  const hours: number[] = [];
  const byCategory = new Map<FailureCategory | string, Breakdown>();
  const byMethod = new Map<string, Breakdown>();
  const contacted: Breakdown = { key: "contacted", leads: 0, recovered: 0 };
  const uncontacted: Breakdown = { key: "uncontacted", leads: 0, recovered: 0 };
  const recoveredBy: Record<RecoveryRule, number> = { link: 0, window: 0 };
  const bump = (m: Map<string, Breakdown>, key: string, rec: boolean, n: number) => {
    const b = m.get(key) ?? { key, leads: 0, recovered: 0 };
    b.leads += n;
    if (rec) b.recovered += n;
    m.set(key, b);
  };
  const row = (currency: string) => {
    const c = currencies.get(currency) ?? { currency, leads: 0, recoveredLeads: 0, atRiskValue: 0, recoveredValue: 0, recoveryRate: null, payments: new Set<string>() };
    currencies.set(currency, c);
    return c;
  };
  for (const l of leads) {
    const rec = l.recovered !== null;
    const n = l.leads ?? 1;
    const currency = l.currency ?? "???";
    const c = row(currency);
    c.leads += n;
    c.atRiskValue += l.amount ?? 0;
    if (l.recovered) {
      // Counted with its payment, in the payment's currency (a payment without one: the lead's), so the
      // count and the value of a currency are the same recoveries and no amount changes currency.
      const paidIn = row(l.recovered.currency ?? currency);
      paidIn.recoveredLeads += n;
      if (!paidIn.payments.has(l.recovered.saleId)) paidIn.recoveredValue += l.recovered.amount ?? 0;
      paidIn.payments.add(l.recovered.saleId);
      hours.push((Date.parse(l.recovered.paidAt) - Date.parse(l.at)) / 3_600_000);
      recoveredBy[l.recoveredBy ?? "window"] += n;
    }
    bump(byCategory, l.category, rec, n);
    bump(byMethod, l.paymentMethod ?? "unknown", rec, n);
    const wasContacted = l.contactedAt !== null || l.state === "contacted";
    const side = wasContacted ? contacted : uncontacted;
    side.leads += n;
    if (rec) side.recovered += n;
  }
  const byCurrency: CurrencyRecovery[] = [...currencies.values()].map((c) => ({
    currency: c.currency,
    leads: c.leads,
    recoveredLeads: c.recoveredLeads,
    atRiskValue: c.atRiskValue,
    recoveredValue: c.recoveredValue,
    recoveryRate: c.atRiskValue > 0 ? c.recoveredValue / c.atRiskValue : null,
  }));
  return {
    byCurrency: byCurrency.sort((a, b) => a.currency.localeCompare(b.currency)),
    recoveredBy,
    medianHoursToRecover: median(hours),
    byCategory: [...byCategory.values()].sort((a, b) => b.leads - a.leads),
    byPaymentMethod: [...byMethod.values()].sort((a, b) => b.leads - a.leads),
    contacted,
    uncontacted,
  };
}

/** The stats a role is given: without settlements:read, no sums of money (the rate and counts stay). */
export type RecoveryStatsView = Omit<RecoveryStats, "byCurrency"> & {
  byCurrency: Array<Omit<CurrencyRecovery, "atRiskValue" | "recoveredValue"> & Partial<Pick<CurrencyRecovery, "atRiskValue" | "recoveredValue">>>;
};

/** Value at risk and recovered are store-wide sums of money: they follow settlements:read (lib/sales/financial-fields.ts). */
export function recoveryStatsForRole(stats: RecoveryStats, role: Role): RecoveryStatsView {
  if (seesFinancials(role)) return stats;
  return { ...stats, byCurrency: stats.byCurrency.map(({ currency, leads, recoveredLeads, recoveryRate }) => ({ currency, leads, recoveredLeads, recoveryRate })) };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
