// Plain, already formatted shapes handed from the Recovery page to its client components.
export interface LeadView {
  saleId: string;
  customer: string;
  product: string;
  amount: string;
  categoryLabel: string;
  reason: string | null;
  channel: string;
  age: string;
  state: "open" | "contacted" | "won" | "lost";
  stateLabel: string;
  note: string | null;
  assignedTo: string | null;
  recovered: string | null;
  recoveredSaleId: string | null;
  /** False when no link can exist (no Pulse link and no product): the row says so instead of a button. */
  hasLink: boolean;
  hasEmail: boolean;
}

export interface RecoveryLabels {
  selectLead: string;
  selectAll: string;
  copyLink: string;
  whatsapp: string;
  email: string;
  state: string;
  states: Record<LeadView["state"], string>;
  note: string;
  save: string;
  assign: string;
  unassigned: string;
  saved: string;
  copied: string;
  /** Why there is no recovery link (no Pulse checkout link, product page unknown). */
  noLink: string;
  noLinkShort: string;
  /** The clipboard refused: followed by the link, to copy by hand. */
  copyFailed: string;
  bulk: string;
  bulkApply: string;
  exportSelected: string;
  language: string;
  whatsappRefused: Record<string, string>;
  columns: Record<"customer" | "product" | "amount" | "reason" | "channel" | "age" | "status" | "actions", string>;
  empty: string;
}
