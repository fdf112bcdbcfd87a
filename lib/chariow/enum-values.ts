// The Chariow vocabularies (chariow-api.md §5–8) as plain `as const` lists, defined once for the whole
// app. No zod and no server-only: client islands (the Sales filters) offer these values too, and zod would
// weigh on their page's first load; ./enums.ts builds the zod enums from these lists.

export const SALE_STATUSES = ["awaiting_payment", "completed", "failed", "abandoned", "settled"] as const;
export type SaleStatus = (typeof SALE_STATUSES)[number];
/** `settled` counts as paid, like `completed` (chariow-api.md §5). */
export const PAID_SALE_STATUSES: readonly SaleStatus[] = ["completed", "settled"];

export const PAYMENT_STATUSES = ["initiated", "pending", "success", "failed", "cancelled"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const SALE_CHANNELS = ["store", "affiliate", "discover", "widget", "api"] as const;
export type SaleChannel = (typeof SALE_CHANNELS)[number];

export const AFFILIATE_STATUSES = ["active", "inactive", "suspended"] as const;
export type AffiliateStatus = (typeof AFFILIATE_STATUSES)[number];

export const AFFILIATE_SOURCES = ["invitation", "network"] as const;
export type AffiliateSource = (typeof AFFILIATE_SOURCES)[number];

/** `cancelled` appears in one source only (chariow-api.md §6). */
export const INVITATION_STATUSES = ["pending", "accepted", "expired", "cancelled"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** Licence statuses: the licences API (§7) plus `inactive` from the sale guide's post_purchase. */
export const LICENSE_STATUSES = ["pending_activation", "active", "inactive", "expired", "revoked"] as const;
export type LicenseStatus = (typeof LICENSE_STATUSES)[number];

export const DISCOUNT_TYPES = ["percentage", "fixed"] as const;
export type DiscountType = (typeof DISCOUNT_TYPES)[number];

export const PRODUCT_TYPES = ["course", "downloadable", "license", "service", "bundle"] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];

export const PULSE_EVENT_TYPES = [
  "successful.sale",
  "failed.sale",
  "abandoned.sale",
  "license.issued",
  "license.activated",
  "license.expired",
  "license.revoked",
  "license.nearing_expiry",
  "affiliate.joined",
] as const;
export type PulseEventType = (typeof PULSE_EVENT_TYPES)[number];
