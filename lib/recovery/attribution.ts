// Recovery attribution, two rules: exactly, by link — a paid sale whose checkout carried the lead's id
// (custom_metadata.lead_id, an exact recovery link: exact-link.ts) recovers that lead, whenever it was paid
// and for whatever amount — else by the time window — the same customer (by id when both sales have one,
// else by e-mail) later pays for the same product within the window. Computed on read (see
// docs/recovery.md): ingest stays untouched and a changed window applies at once.

export const DEFAULT_RECOVERY_WINDOW_DAYS = 14;
const DAY_MS = 86_400_000;

export interface AttributionSale {
  id: string;
  customerId: string | null;
  customerEmail: string | null;
  productId: string | null;
  /** Lead: when it failed / was abandoned (else created); payment: when it was completed (else created). */
  at: string;
  /** Payment: the lead its checkout named (custom_metadata.lead_id of an exact recovery link), if any. */
  recoveryLeadId?: string | null;
}

/** Which rule recovered a lead: its own exact link, or the time window. */
export const RECOVERY_RULES = ["link", "window"] as const;
export type RecoveryRule = (typeof RECOVERY_RULES)[number];

export function sameCustomer(a: Pick<AttributionSale, "customerId" | "customerEmail">, b: Pick<AttributionSale, "customerId" | "customerEmail">): boolean {
  if (a.customerId && b.customerId) return a.customerId === b.customerId;
  return !!a.customerEmail && !!b.customerEmail && a.customerEmail.toLowerCase() === b.customerEmail.toLowerCase();
}

// Ties at the same instant go to the smaller id in byte order, as the SQL attribution of a range orders
// them (range-recoveries.ts), so both always pick the same payment.
const byTime = (a: AttributionSale, b: AttributionSale) => Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * For each lead, the payment that recovers it and by which rule: the earliest payment naming the lead
 * (`recoveryLeadId`: by link, whatever its customer, product, time or amount — the lead's own link was
 * paid), else the earliest payment of the same customer and product strictly after the lead and at most
 * `windowDays` later (by window). One payment may resolve several attempts of the same purchase.
 */
export function attributeRecoveries<P extends AttributionSale>(leads: readonly AttributionSale[], payments: readonly P[], windowDays: number = DEFAULT_RECOVERY_WINDOW_DAYS): Map<string, P & { by: RecoveryRule }> {
  const byLead = new Map<string, P>();
  for (const p of [...payments].sort(byTime)) {
    if (p.recoveryLeadId && !byLead.has(p.recoveryLeadId)) byLead.set(p.recoveryLeadId, p);
  }
  const byProduct = new Map<string, P[]>();
  for (const p of payments) {
    if (!p.productId) continue;
    const list = byProduct.get(p.productId) ?? [];
    list.push(p);
    byProduct.set(p.productId, list);
  }
  for (const list of byProduct.values()) list.sort(byTime);
  const out = new Map<string, P & { by: RecoveryRule }>();
  for (const lead of leads) {
    const linked = byLead.get(lead.id);
    if (linked && linked.id !== lead.id) {
      out.set(lead.id, { ...linked, by: "link" });
      continue;
    }
    if (!lead.productId) continue;
    const start = Date.parse(lead.at);
    const end = start + windowDays * DAY_MS;
    const match = byProduct.get(lead.productId)?.find((p) => {
      const t = Date.parse(p.at);
      return p.id !== lead.id && t > start && t <= end && sameCustomer(lead, p);
    });
    if (match) out.set(lead.id, { ...match, by: "window" });
  }
  return out;
}
