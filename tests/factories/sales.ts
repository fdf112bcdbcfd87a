// Factories of domain `Sale` objects (what the client hands to the mirror): a list summary, a detail
// and a Pulse version of the same facts, so tests can replay them in any order (chariow-api.md §5, §8).
import type { Sale } from "@/lib/chariow";

export type SaleStatus = Sale["status"];

export interface SaleFacts {
  id: string;
  status?: SaleStatus;
  currency?: string;
  originalMinor?: number;
  discountMinor?: number;
  createdAt?: string | null;
  updatedAt?: string | null;
  completedAt?: string | null;
  failedAt?: string | null;
  abandonedAt?: string | null;
  productId?: string;
  customerId?: string;
  email?: string;
  discountCode?: string | null;
  channel?: Sale["channel"];
  gatewayFeeMinor?: number | null;
  serviceFeeMinor?: number | null;
  settlementNetMinor?: number | null;
  settlementDueAt?: string | null;
  settlementDoneAt?: string | null;
  paymentMethod?: string | null;
  /** payment.gateway of a detail or Pulse (default "cinetpay"); list summaries never carry it (§5). */
  gateway?: string | null;
  country?: string | null;
  /** payment.failure_error.code of a failed sale (default "insufficient_funds"; null = Chariow gave none). */
  failureCode?: string | null;
  campaignId?: string | null;
  /** product.type (default "downloadable"): a "service" has no files to download. */
  productType?: string | null;
  /** download.total of a detail (default 1); null = the detail did not say (§5: detail-only field). */
  downloadTotal?: number | null;
  /** download.last_at of a detail (default null). */
  downloadLastAt?: string | null;
  /** The customer's name (default "Ama"). */
  name?: string;
  /** A full shipping address (a product with physical delivery); `country` alone gives one without address. */
  shipping?: { address: string | null; city?: string | null; state?: string | null; zip?: string | null; country?: string | null } | null;
}

const money = (minor: number, currency: string) => ({ minor, currency });

function base(f: SaleFacts): Sale {
  const currency = f.currency ?? "XOF";
  const original = f.originalMinor ?? 4900;
  const discount = f.discountMinor ?? 0;
  const status = f.status ?? "completed";
  const paid = status === "completed" || status === "settled";
  return {
    id: f.id,
    detail: false,
    status,
    channel: null,
    originalAmount: money(original, currency),
    amount: money(original - discount, currency),
    discountAmount: money(discount, currency),
    payment: {
      status: paid ? "success" : status === "failed" ? "failed" : status === "abandoned" ? "cancelled" : "pending",
      transactionId: null,
      gateway: null,
      method: null,
      amount: money(original - discount, currency),
      fee: null,
      feeRatePercent: null,
      interchange: null,
      exchangeRate: 1,
      failureError: status === "failed" && f.failureCode !== null ? { code: f.failureCode ?? "insufficient_funds", message: "Solde insuffisant" } : null,
    },
    settlement: null,
    download: null,
    shipping: f.shipping
      ? { address: f.shipping.address, city: f.shipping.city ?? null, state: f.shipping.state ?? null, zip: f.shipping.zip ?? null, country: f.shipping.country ? { code: f.shipping.country, name: null } : null }
      : f.country ? { address: null, city: null, state: null, zip: null, country: { code: f.country, name: null } } : null,
    context: null,
    store: { id: "str_1", name: "Boutique" },
    product: { id: f.productId ?? "prd_a", name: `Product ${f.productId ?? "prd_a"}`, type: f.productType === undefined ? "downloadable" : f.productType, slug: null },
    customer: { id: f.customerId ?? "cus_1", email: f.email ?? "ama@example.com", name: f.name ?? "Ama" },
    discount: f.discountCode ? { id: `dis_${f.discountCode}`, code: f.discountCode, type: "percentage" } : null,
    campaign: null,
    rating: null,
    storeAffiliate: null,
    affiliateCommission: null,
    postPurchase: null,
    customFieldsValues: null,
    customMetadata: null,
    invoiceDownloadUrl: null,
    createdAt: f.createdAt === undefined ? "2025-03-10T10:00:00.000Z" : f.createdAt,
    updatedAt: null,
    completedAt: f.completedAt !== undefined ? f.completedAt : paid ? "2025-03-10T10:05:00.000Z" : null,
    failedAt: f.failedAt ?? (status === "failed" ? "2025-03-10T10:05:00.000Z" : null),
    abandonedAt: f.abandonedAt ?? (status === "abandoned" ? "2025-03-10T11:00:00.000Z" : null),
    awaitingPaymentAt: null,
  };
}

/** What GET /sales returns for the facts: no channel, settlement, fees (§5). */
export function saleSummary(f: SaleFacts): Sale {
  return base(f);
}

/** What GET /sales/{id} returns: everything, including channel, fees, settlement, context. */
export function saleDetail(f: SaleFacts): Sale {
  const s = base(f);
  const currency = f.currency ?? "XOF";
  const hasSettlement = f.settlementNetMinor !== undefined && f.settlementNetMinor !== null;
  return {
    ...s,
    detail: true,
    channel: f.channel === undefined ? "store" : f.channel,
    payment: {
      ...s.payment!,
      transactionId: `txn_${f.id}`,
      gateway: f.gateway === undefined ? "cinetpay" : f.gateway,
      method: f.paymentMethod === null ? null : { id: f.paymentMethod ?? "mobile_money", name: "Mobile Money" },
      fee: f.gatewayFeeMinor === undefined || f.gatewayFeeMinor === null ? null : money(f.gatewayFeeMinor, currency),
      feeRatePercent: 3,
    },
    settlement: hasSettlement
      ? {
          amount: money(f.settlementNetMinor!, currency),
          serviceFee: f.serviceFeeMinor === undefined || f.serviceFeeMinor === null ? null : money(f.serviceFeeMinor, currency),
          dueAt: f.settlementDueAt ?? null,
          doneAt: f.settlementDoneAt ?? null,
        }
      : null,
    context: { ipAddress: null, userAgent: null, country: { code: f.country ?? "CI", name: null }, deviceType: "mobile", locale: "fr" },
    campaign: f.campaignId ? { id: f.campaignId, name: `Campaign ${f.campaignId}` } : null,
    updatedAt: f.updatedAt ?? null,
    download: f.downloadTotal === null ? null : { total: f.downloadTotal ?? 1, lastAt: f.downloadLastAt ?? null },
  };
}

/** A sale Pulse (§8): settlement and fees travel with it, channel does not. */
export function salePulse(f: SaleFacts): Sale {
  const d = saleDetail(f);
  return { ...d, detail: false, channel: null, context: null, campaign: null, download: null };
}
