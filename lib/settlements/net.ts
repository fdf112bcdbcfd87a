// Net revenue — the one rule every page, export and API route reads through (CONVENTIONS rule 4): the net
// is Chariow's own settlement amount, "Net amount to be paid to merchant (after fees)" (seed 001), where
// Chariow gave it, and unknown where it did not. It is never recomputed from fees: Chariow may deduct its
// service fee only (seed 001: 79.20 paid, 3.96 service fee, 2.37 gateway fee, settlement 75.24) or both
// fees, and only its settlement amount says which. Fees are information shown beside the net. Pure.
import type { Money } from "@/lib/money";

/** A sale's settlement facts as the mirror holds them (minor units; null = not given by Chariow). */
export interface SaleSettlementFacts {
  currency: string | null;
  settlementNet: number | null;
  settlementCurrency: string | null;
}

/** A sale's net to the merchant: its settlement amount in the settlement's currency, or null (unknown). */
export function saleNet(s: SaleSettlementFacts): Money | null {
  const currency = s.settlementCurrency ?? s.currency;
  return s.settlementNet === null || currency === null ? null : { minor: s.settlementNet, currency };
}

/**
 * What Chariow kept of a payment: paid − net, both as Chariow reports them; null when either is unknown
 * or they are in different currencies (never converted).
 */
export function deductedByChariow(paid: Money | null, net: Money | null): Money | null {
  if (!paid || !net || paid.currency !== net.currency) return null;
  return { minor: paid.minor - net.minor, currency: paid.currency };
}

/** Effective fee rate = (paid − net) ÷ paid, over sales whose paid amount and net are both known. */
export function effectiveFeeRate(paid: number, net: number): number | null {
  return paid > 0 ? (paid - net) / paid : null;
}

/**
 * Net revenue of a set of paid sales from the rollups' sums (lib/mirror/rollups.ts keeps, per bucket, the
 * settlement amounts of the sales whose settlement is known and how many they are): the sum of the known
 * settlement amounts, and its coverage. Sales without one are left out, never counted as 0 or as "paid".
 */
export function netFromRollupSums(r: { settlement_net: number; settlement_known_count: number }): { net: number; knownCount: number } {
  return { net: r.settlement_net, knownCount: r.settlement_known_count };
}
