// The Chariow vocabularies (chariow-api.md §5–8) as zod enums for the whole app, built from the plain
// lists of ./enum-values.ts (re-exported here with their types). Import these rather than repeating the
// string literals; a client island imports ./enum-values.ts, which has no zod.
import { z } from "zod";
import {
  AFFILIATE_SOURCES,
  AFFILIATE_STATUSES,
  DISCOUNT_TYPES,
  INVITATION_STATUSES,
  LICENSE_STATUSES,
  PAYMENT_STATUSES,
  PRODUCT_TYPES,
  PULSE_EVENT_TYPES,
  SALE_CHANNELS,
  SALE_STATUSES,
} from "./enum-values";

export * from "./enum-values";

export const saleStatusSchema = z.enum(SALE_STATUSES);
export const paymentStatusSchema = z.enum(PAYMENT_STATUSES);
export const saleChannelSchema = z.enum(SALE_CHANNELS);
export const affiliateStatusSchema = z.enum(AFFILIATE_STATUSES);
export const affiliateSourceSchema = z.enum(AFFILIATE_SOURCES);
export const invitationStatusSchema = z.enum(INVITATION_STATUSES);
export const licenseStatusSchema = z.enum(LICENSE_STATUSES);
export const discountTypeSchema = z.enum(DISCOUNT_TYPES);
export const productTypeSchema = z.enum(PRODUCT_TYPES);
export const pulseEventTypeSchema = z.enum(PULSE_EVENT_TYPES);
