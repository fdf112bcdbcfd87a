// The Chariow vocabularies (chariow-api.md §5–8), defined once as zod enums for the whole app.
// Import these rather than repeating the string literals.
import { z } from "zod";

export const saleStatusSchema = z.enum(["awaiting_payment", "completed", "failed", "abandoned", "settled"]);
export type SaleStatus = z.infer<typeof saleStatusSchema>;
export const SALE_STATUSES = saleStatusSchema.options;
/** `settled` counts as paid, like `completed` (chariow-api.md §5). */
export const PAID_SALE_STATUSES: readonly SaleStatus[] = ["completed", "settled"];

export const paymentStatusSchema = z.enum(["initiated", "pending", "success", "failed", "cancelled"]);
export type PaymentStatus = z.infer<typeof paymentStatusSchema>;

export const saleChannelSchema = z.enum(["store", "affiliate", "discover", "widget", "api"]);
export type SaleChannel = z.infer<typeof saleChannelSchema>;

export const affiliateStatusSchema = z.enum(["active", "inactive", "suspended"]);
export type AffiliateStatus = z.infer<typeof affiliateStatusSchema>;

export const affiliateSourceSchema = z.enum(["invitation", "network"]);
export type AffiliateSource = z.infer<typeof affiliateSourceSchema>;

/** `cancelled` appears in one source only (chariow-api.md §6). */
export const invitationStatusSchema = z.enum(["pending", "accepted", "expired", "cancelled"]);
export type InvitationStatus = z.infer<typeof invitationStatusSchema>;

/** Licence statuses: the licences API (§7) plus `inactive` from the sale guide's post_purchase. */
export const licenseStatusSchema = z.enum(["pending_activation", "active", "inactive", "expired", "revoked"]);
export type LicenseStatus = z.infer<typeof licenseStatusSchema>;

export const discountTypeSchema = z.enum(["percentage", "fixed"]);
export type DiscountType = z.infer<typeof discountTypeSchema>;

export const productTypeSchema = z.enum(["course", "downloadable", "license", "service", "bundle"]);
export type ProductType = z.infer<typeof productTypeSchema>;

export const pulseEventTypeSchema = z.enum([
  "successful.sale",
  "failed.sale",
  "abandoned.sale",
  "license.issued",
  "license.activated",
  "license.expired",
  "license.revoked",
  "license.nearing_expiry",
  "affiliate.joined",
]);
export type PulseEventType = z.infer<typeof pulseEventTypeSchema>;
