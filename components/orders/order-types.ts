// What the Orders-to-ship island receives for each order: plain data (the components put it in words).
export type FulfilmentStateView = "to_ship" | "shipped" | "not_shippable";

export interface OrderView {
  saleId: string;
  customerName: string | null;
  customerEmail: string | null;
  productName: string | null;
  /** Address line, then "city, state", then "zip country": the lines a label carries. */
  addressLines: string[];
  phone: string | null;
  /** When it was paid (ISO instant), shown as a day in the store's time zone. */
  paidAt: string | null;
  fulfilment: FulfilmentStateView;
  carrier: string | null;
  trackingReference: string | null;
  /** Why it cannot be shipped (not_shippable only). */
  reason: string | null;
}

/** Carrier and reference when shipped, the reason when not shippable. */
export function fulfilmentDetail(o: Pick<OrderView, "fulfilment" | "carrier" | "trackingReference" | "reason">): string | null {
  return (o.fulfilment === "shipped" ? [o.carrier, o.trackingReference].filter(Boolean).join(" — ") : o.fulfilment === "not_shippable" ? o.reason : null) || null;
}
