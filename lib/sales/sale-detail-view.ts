// What the sale detail page shows, as plain data (no server-only: the page's components take it as
// props). Built from a live GET /sales/{id} or, when the API is unavailable, from the mirror.
import type { Money } from "@/lib/money";

export type SaleFile = { id: string; name: string | null; size: number | null; mimeType: string | null; downloadUrl: string | null; expiresAt: string | null };
/** Keys are masked here: the one way to a key in clear is the audited, throttled reveal (lib/licences). */
export type SaleLicence = { id: string; maskedKey: string | null; status: string | null; activations: number | null; maxActivations: number | null; expiresAt: string | null };

export type SaleDetailView = {
  id: string;
  status: string;
  channel: string | null;
  /**
   * `net` is Chariow's settlement amount (lib/settlements/net.ts), null when not given; `deducted` is
   * paid − net, what Chariow kept. Never recomputed from the fees.
   */
  amounts: { original: Money | null; discount: Money | null; paid: Money | null; net: Money | null; deducted: Money | null };
  payment: {
    status: string | null;
    gateway: string | null;
    method: string | null;
    transactionId: string | null;
    amount: Money | null;
    fee: Money | null;
    feeRatePercent: number | null;
    exchangeRate: number | null;
    failure: { code: string | null; message: string | null } | null;
  };
  settlement: { net: Money | null; serviceFee: Money | null; dueAt: string | null; doneAt: string | null } | null;
  download: { total: number | null; lastAt: string | null } | null;
  postPurchase: { files: SaleFile[]; licences: SaleLicence[]; instructions: string | null } | null;
  shipping: { address: string | null; city: string | null; state: string | null; zip: string | null; country: string | null } | null;
  context: { country: string | null; device: string | null; locale: string | null; ipAddress: string | null; userAgent: string | null } | null;
  rating: { value: number; comment: string | null } | null;
  product: { id: string; name: string | null; type: string | null } | null;
  customer: { id: string; name: string | null; email: string | null } | null;
  discount: { id: string; code: string | null; type: string | null } | null;
  campaign: { id: string; name: string | null } | null;
  affiliate: { id: string | null; code: string | null; commission: Money | null } | null;
  invoiceUrl: string | null;
  times: {
    createdAt: string | null;
    awaitingPaymentAt: string | null;
    completedAt: string | null;
    failedAt: string | null;
    abandonedAt: string | null;
    settledAt: string | null;
    updatedAt: string | null;
  };
};

/** Where the page's data came from; `notice` explains a fallback to the mirror. */
export type SaleDetailResult = {
  sale: SaleDetailView;
  source: "live" | "mirror";
  notice: null | "upstream_unavailable" | "not_connected" | "not_found_upstream";
  /** When the mirror's copy was last written (source mirror only). */
  mirroredAt: string | null;
};
