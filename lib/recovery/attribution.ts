// Automatic recovery attribution: a failed or abandoned sale (a lead) is recovered when the same customer
// (by id when both sales have one, else by e-mail) later pays for the same product within the window.
// Computed on read (see docs/recovery.md): ingest stays untouched and a changed window applies at once.

export const DEFAULT_RECOVERY_WINDOW_DAYS = 14;
const DAY_MS = 86_400_000;

export interface AttributionSale {
  id: string;
  customerId: string | null;
  customerEmail: string | null;
  productId: string | null;
  /** Lead: when it failed / was abandoned (else created); payment: when it was completed (else created). */
  at: string;
}

export function sameCustomer(a: Pick<AttributionSale, "customerId" | "customerEmail">, b: Pick<AttributionSale, "customerId" | "customerEmail">): boolean {
  if (a.customerId && b.customerId) return a.customerId === b.customerId;
  return !!a.customerEmail && !!b.customerEmail && a.customerEmail.toLowerCase() === b.customerEmail.toLowerCase();
}

/**
 * For each lead, the earliest payment that recovers it: same customer, same product, strictly after the
 * lead and at most `windowDays` later. One payment may resolve several attempts of the same purchase.
 */
export function attributeRecoveries<P extends AttributionSale>(leads: readonly AttributionSale[], payments: readonly P[], windowDays: number = DEFAULT_RECOVERY_WINDOW_DAYS): Map<string, P> {
  const byProduct = new Map<string, P[]>();
  for (const p of payments) {
    if (!p.productId) continue;
    const list = byProduct.get(p.productId) ?? [];
    list.push(p);
    byProduct.set(p.productId, list);
  }
  for (const list of byProduct.values()) list.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const out = new Map<string, P>();
  for (const lead of leads) {
    if (!lead.productId) continue;
    const start = Date.parse(lead.at);
    const end = start + windowDays * DAY_MS;
    const match = byProduct.get(lead.productId)?.find((p) => {
      const t = Date.parse(p.at);
      return p.id !== lead.id && t > start && t <= end && sameCustomer(lead, p);
    });
    if (match) out.set(lead.id, match);
  }
  return out;
}
