// What the Orders-to-ship island receives: orders already formatted for display, and its labels.
export type FulfilmentStateView = "to_ship" | "shipped" | "not_shippable";

export interface OrderView {
  saleId: string;
  customer: string;
  product: string;
  /** Address line, then "city, state", then "zip country": the lines a label carries. */
  addressLines: string[];
  phone: string | null;
  email: string | null;
  paidDay: string;
  fulfilment: FulfilmentStateView;
  stateLabel: string;
  /** Carrier and reference when shipped, the reason when not shippable. */
  stateDetail: string | null;
}

export interface OrdersLabels {
  columns: { customer: string; product: string; address: string; contact: string; paidAt: string; status: string };
  select: string;
  selectAll: string;
  selected: string;
  empty: string;
  markShipped: string;
  markNotShippable: string;
  backToShip: string;
  carrier: string;
  trackingReference: string;
  reason: string;
  reasonRequired: string;
  saved: string;
  exportSelected: string;
  exportAll: string;
  print: string;
  packingTitle: string;
  printedOn: string;
  reference: string;
  packed: string;
}
