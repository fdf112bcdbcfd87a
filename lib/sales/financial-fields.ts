// Which money a role sees (issue 14 #8). Financial fields follow `settlements:read`, like the Overview,
// Revenue and Settlements pages: a role without it (support) keeps what a customer paid — a sale's
// original, discount and paid amounts, the payment amount, a customer's own lifetime paid — which it
// needs to help that customer, and loses what the store earns and is paid: fees, net, the settlement and
// its payout dates, affiliate commissions, and every sum of money over many sales (sales totals per
// currency, recovery's value at risk and recovered). Every reader (API, page, CSV) goes through these.
import { can, type Role } from "@/lib/auth/permissions";
import type { SaleDetailView } from "./sale-detail-view";
import type { SalesTotals, SalesTotalsView } from "./schemas";

export function seesFinancials(role: Role): boolean {
  return can(role, "settlements:read");
}

/** The sale detail without fees, net, settlement, payout date and commission for a role that may not see them. */
export function saleDetailForRole(sale: SaleDetailView, role: Role): SaleDetailView {
  if (seesFinancials(role)) return sale;
  return {
    ...sale,
    amounts: { ...sale.amounts, net: null, deducted: null },
    payment: { ...sale.payment, fee: null, feeRatePercent: null },
    settlement: null,
    affiliate: sale.affiliate && { ...sale.affiliate, commission: null },
    times: { ...sale.times, settledAt: null },
  };
}

/** Sales totals: counts for every role, the money per currency only with settlements:read. */
export function salesTotalsForRole(totals: SalesTotals, role: Role): SalesTotalsView {
  if (seesFinancials(role)) return totals;
  return { count: totals.count, byCurrency: totals.byCurrency.map(({ currency, count, paidCount }) => ({ currency, count, paidCount })) };
}

/** Sales CSV columns that carry the store's fees, net and payout dates (lib/sales/export-sales.ts). */
export const FINANCIAL_SALE_EXPORT_COLUMNS: ReadonlySet<string> = new Set([
  "gatewayFee",
  "serviceFee",
  "settlementNet",
  "settlementCurrency",
  "settlementDueAt",
  "settlementDoneAt",
]);
