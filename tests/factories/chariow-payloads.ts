// Small factories for Chariow API payloads in both dialects (chariow-api.md §3–§8). Tests describe a
// sale by its facts; the factory renders the wire format of the chosen dialect.
import { toMajorString } from "@/lib/money";

export type Dialect = "current" | "legacy";

const SYMBOL: Record<string, string> = { USD: "$", EUR: "€", XOF: "F CFA ", XAF: "FCFA " };

/** Amount in the wire format: current `{value (major), formatted, short, currency}`, legacy `{amount (minor), …}`. */
export function amount(minor: number, currency: string, dialect: Dialect) {
  const major = toMajorString({ minor, currency });
  const [int, frac] = major.split(".");
  const formatted = `${SYMBOL[currency] ?? `${currency} `}${Number(int).toLocaleString("en-US")}${frac ? `.${frac}` : ""}`;
  if (dialect === "legacy") return { amount: minor, currency, formatted };
  return { value: Number(major), formatted, short: int, currency };
}

/** Timestamps in either of Chariow's two styles (§1). */
export function timestamp(iso: string, style: "offset" | "micro" = "offset"): string {
  const base = iso.slice(0, 19);
  return style === "offset" ? `${base}+00:00` : `${base}.000000Z`;
}

export interface SaleFacts {
  id?: string;
  status?: "awaiting_payment" | "completed" | "failed" | "abandoned" | "settled";
  currency?: string;
  originalMinor?: number;
  discountMinor?: number;
  createdAt?: string;
  completedAt?: string | null;
  customerId?: string;
  discountCode?: string | null;
}

let seq = 0;
function nextId(prefix: string) {
  seq += 1;
  return `${prefix}_${seq.toString(36).padStart(6, "0")}`;
}

function saleCore(f: SaleFacts, dialect: Dialect) {
  const currency = f.currency ?? "XOF";
  const original = f.originalMinor ?? 4900;
  const discount = f.discountMinor ?? 0;
  const paid = original - discount;
  const status = f.status ?? "completed";
  const createdAt = f.createdAt ?? "2025-01-15T10:30:00Z";
  const m = (minor: number) => amount(minor, currency, dialect);
  return {
    id: f.id ?? nextId("sal"),
    status,
    original_amount: m(original),
    amount: m(paid),
    discount_amount: m(discount),
    payment: {
      status: status === "failed" ? "failed" : status === "abandoned" ? "cancelled" : status === "awaiting_payment" ? "pending" : "success",
      amount: m(paid),
      exchange_rate: dialect === "legacy" ? { amount: 1.0, currency, formatted: "1.00" } : 1,
      failure_error: status === "failed" ? { code: "insufficient_funds", message: "Solde insuffisant" } : null,
    },
    store: { id: "store_main", name: "Ma Boutique" },
    product: { id: "prd_course1", name: "Formation Excel", type: "course" },
    customer: { id: f.customerId ?? "cus_ama", email: "ama@example.com", name: "Ama Koffi" },
    discount: f.discountCode ? { id: "dis_save20", code: f.discountCode, type: "percentage" } : null,
    created_at: timestamp(createdAt, dialect === "legacy" ? "offset" : "micro"),
    completed_at: f.completedAt === null || !["completed", "settled"].includes(status) ? null : timestamp(f.completedAt ?? createdAt),
  };
}

/** A list item (§5): no channel, settlement or fees. */
export function saleSummaryPayload(f: SaleFacts = {}, dialect: Dialect = "current") {
  const core = saleCore(f, dialect);
  return dialect === "current" ? { ...core, shipping: { country: "CI" }, rate: null, invoice_download_url: null } : core;
}

export interface SaleDetailFacts extends SaleFacts {
  channel?: "store" | "affiliate" | "discover" | "widget" | "api";
  gatewayFeeMinor?: number;
  serviceFeeMinor?: number;
  settlementDoneAt?: string | null;
}

/** The full object of GET /sales/{id}: variants chosen per dialect as the two sources show them. */
export function saleDetailPayload(f: SaleDetailFacts = {}, dialect: Dialect = "current") {
  const core = saleCore(f, dialect);
  const currency = f.currency ?? "XOF";
  const m = (minor: number) => amount(minor, currency, dialect);
  const paid = (f.originalMinor ?? 4900) - (f.discountMinor ?? 0);
  const gatewayFee = f.gatewayFeeMinor ?? 0;
  const serviceFee = f.serviceFeeMinor ?? 0;
  const paidStatus = core.status === "completed" || core.status === "settled";
  return {
    ...core,
    channel: { value: f.channel ?? "store", label: "Store", description: "Sale made through the store checkout" },
    settlement: paidStatus
      ? {
          amount: m(paid - serviceFee), // the seed: 79.20 paid − 3.96 service fee = 75.24 net
          due_at: timestamp("2025-01-18T00:00:00Z"),
          done_at: f.settlementDoneAt ? timestamp(f.settlementDoneAt) : null,
          service_fee: m(serviceFee),
        }
      : dialect === "current" ? {} : null,
    download: { total: 3, last_at: timestamp("2025-01-20T14:30:00Z") },
    payment: {
      ...core.payment,
      transaction_id: "txn_moneroo_xyz789",
      gateway: "moneroo",
      method: dialect === "legacy" ? { id: "card", name: "Credit/Debit Card" } : "mobile_money",
      fee: m(gatewayFee),
      fee_rate: dialect === "legacy" ? 3.0 : "3.00%",
    },
    shipping:
      dialect === "legacy"
        ? { address: "123 Main Street", city: "Abidjan", country: { code: "CI", name: "Côte d'Ivoire" }, zip: "00225" }
        : { address: "Rue 12", city: "Dakar", country: "SN" },
    context: { ip_address: "203.0.113.42", country: { code: "CI", name: "Côte d'Ivoire" }, device_type: "mobile", locale: "fr_CI" },
    campaign: { id: "cmp_tabaski", name: "Tabaski" },
    ...(dialect === "legacy" ? { rate: { id: "rat_1", value: 5, comment: "Excellent !" } } : { rating: 4 }),
    store_affiliate: f.channel === "affiliate" ? { id: "saff_jean", code: "JEAN25" } : null,
    affiliate_commission: f.channel === "affiliate" ? m(Math.round(paid * 0.15)) : null,
    post_purchase: {
      files: [
        {
          id: "fil_1",
          name: "cours.zip",
          size: 15728640,
          type: "application/zip",
          download_url: "https://cdn.chariow.com/dl/abc?sig=1",
          expires_at: timestamp("2025-01-20T10:30:00Z"),
        },
      ],
      licences: [{ id: "lic_1", licence_key: "ABC-123", status: "active", activations: 2, max_activations: 5, expires_at: null }],
      instructions: "Merci pour votre achat !",
    },
    updated_at: timestamp("2025-01-16T08:00:00Z", "micro"),
  };
}

export interface PageFacts {
  nextCursor?: string | null;
  prevCursor?: string | null;
  hasMore?: boolean;
  laravelExtras?: boolean;
}

/** List envelope: nested `data.data` (current) or flat `data` + `pagination` (legacy, §3). */
export function listEnvelope(items: unknown[], dialect: Dialect, p: PageFacts = {}) {
  const nextCursor = p.nextCursor ?? null;
  const pagination = {
    next_cursor: nextCursor,
    prev_cursor: p.prevCursor ?? null,
    has_more: p.hasMore ?? nextCursor !== null,
    ...(p.laravelExtras ? { next_page_url: null, has_more_pages: p.hasMore ?? nextCursor !== null, per_page: 100, path: "/v1/sales" } : {}),
  };
  if (dialect === "legacy") return { data: items, pagination };
  return { message: "success", data: { data: items, pagination }, errors: [] };
}

export function itemEnvelope(data: unknown, message = "success") {
  return { message, data, errors: [] };
}

export function errorBody(message: string, errors: unknown = []) {
  return { message, data: [], errors };
}

export function seedsAffiliatePayload(code = "JOHN25") {
  return {
    id: "aff_abc123xyz",
    code,
    name: "Jean Dupont",
    email: "jean@example.com",
    commission_rate: 15.0,
    status: "active",
    stats: { total_referrals: 45, total_sales: 32, total_earnings: { amount: 125000, currency: "EUR" } },
    created_at: "2025-01-15T09:00:00.000000Z",
    updated_at: "2025-01-20T14:30:00.000000Z",
  };
}

export function currentAffiliatePayload(status: "active" | "inactive" | "suspended" = "active") {
  return {
    id: "saff_xyz789",
    status,
    source: { value: "invitation", label: "Invitation" },
    total_visits: 120,
    total_sales: 8,
    total_earnings: amount(60000, "XOF", "current"),
    first_visit_at: "2025-02-01T10:00:00+00:00",
    last_visit_at: "2025-03-01T10:00:00+00:00",
    suspended_at: status === "suspended" ? "2025-03-02T00:00:00+00:00" : null,
    suspended_reason: status === "suspended" ? "fraude" : null,
    account: { id: "aff_abc123def", pseudo: "studio_creatif", country: "SN", status: "active", user: { name: "Awa Ndiaye", email: "awa@example.com" } },
    created_at: "2025-01-15T10:40:00+00:00",
    updated_at: "2025-03-01T10:00:00+00:00",
  };
}

export function invitationPayload(email: string) {
  return { id: `affinv_${email.split("@")[0]}`, email, status: "pending", expires_at: "2026-02-10T10:30:00+00:00", created_at: "2026-01-11T10:30:00+00:00" };
}

/** Seeds: `{invitations, skipped{…}}`; OpenAPI variant: a plain array (§6). */
export function invitationsData(sent: string[], shape: "seeds" | "array", skipped = { affiliate: [] as string[], invited: [] as string[] }) {
  const invitations = sent.map(invitationPayload);
  if (shape === "array") return invitations;
  return { invitations, skipped: { already_affiliate: skipped.affiliate, already_invited: skipped.invited } };
}

export function salePulsePayload(
  event: "successful.sale" | "failed.sale" | "abandoned.sale",
  options: { test?: boolean; currency?: string; settled?: boolean } = {},
) {
  const currency = options.currency ?? "XOF";
  const status = event === "successful.sale" ? "completed" : event === "failed.sale" ? "failed" : "abandoned";
  const m = (minor: number) => amount(minor, currency, "current");
  return {
    event,
    ...(options.test ? { note: "This is a test delivery" } : {}),
    sale: {
      id: "sal_pulse1",
      status,
      amount: m(4900),
      original_amount: m(4900),
      discount_amount: m(0),
      settlement: options.settled
        ? { amount: m(4606), due_at: "2025-01-18T00:00:00+00:00", done_at: null, service_fee: m(147) }
        : {},
      custom_metadata: { utm_source: "whatsapp" },
      created_at: "2025-01-15T10:30:00+00:00",
      completed_at: status === "completed" ? "2025-01-15T10:32:00+00:00" : null,
      abandoned_at: status === "abandoned" ? "2025-01-15T11:30:00+00:00" : null,
      failed_at: status === "failed" ? "2025-01-15T10:31:00+00:00" : null,
    },
    product: { id: "prd_course1", name: "Formation Excel", url: "https://boutique.mychariow.com/formation", price: m(4900) },
    customer: { id: "cus_ama", name: "Ama Koffi", first_name: "Ama", last_name: "Koffi", email: "ama@example.com", phone: "+2250700000000", country: "CI" },
    affiliate: null,
    store: { id: "store_main", name: "Ma Boutique", url: "https://boutique.mychariow.com" },
    checkout: status === "completed" ? {} : { url: "https://boutique.mychariow.com/checkout/prefilled?sale=sal_pulse1" },
  };
}

export function affiliateJoinedPulsePayload() {
  return {
    event: "affiliate.joined",
    affiliate: {
      id: "saff_xyz789abc",
      account: {
        id: "aff_abc123def",
        code: "CREATOR123",
        pseudo: "studio_creatif",
        email: "jean@example.com",
        first_name: "Jean",
        last_name: "Dupont",
        name: "Jean Dupont",
        country: { code: "FR", name: "France" },
        phone: { country_code: "FR", formatted: "+33 6 12 34 56 78" },
      },
      source: "invitation",
      status: "active",
      joined_at: "2025-01-15T10:40:00+00:00",
    },
    store: { id: "str_xyz789", name: "Ma Boutique Digitale", url: "https://maboutique.mychariow.com" },
  };
}

export function licensePulsePayload(event: "license.issued" | "license.activated" | "license.expired" | "license.revoked" | "license.nearing_expiry") {
  const status = { "license.issued": "pending_activation", "license.activated": "active", "license.expired": "expired", "license.revoked": "revoked", "license.nearing_expiry": "active" }[event];
  return {
    event,
    license: { id: "lic_1", key: "ABC-123-XYZ", status, activations: 1, max_activations: 3, expires_at: "2026-01-01T00:00:00+00:00" },
    product: { id: "prd_soft", name: "Plugin", url: "https://boutique.mychariow.com/plugin", price: amount(1500, "EUR", "current") },
    customer: { id: "cus_ama", name: "Ama Koffi", email: "ama@example.com", country: "CI" },
    store: { id: "store_main", name: "Ma Boutique", url: "https://boutique.mychariow.com" },
  };
}

/** X-RateLimit-* headers as Chariow sends them (reset in Unix seconds, §2). */
export function rateLimitHeaders(limit: number, remaining: number, resetUnixSeconds: number): Record<string, string> {
  return {
    "x-ratelimit-limit": String(limit),
    "x-ratelimit-remaining": String(remaining),
    "x-ratelimit-reset": String(resetUnixSeconds),
  };
}
