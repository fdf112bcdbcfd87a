// Plain, already formatted shapes handed from the Downloads page to its client island.
export interface NotAccessedView {
  saleId: string;
  customer: string;
  product: string;
  paidAt: string;
  age: string;
  hasEmail: boolean;
}

export interface NotAccessedLabels {
  columns: Record<"sale" | "customer" | "product" | "paidAt" | "age" | "actions", string>;
  language: string;
  whatsapp: string;
  email: string;
  noEmail: string;
  whatsappRefused: Record<string, string>;
  empty: string;
}
