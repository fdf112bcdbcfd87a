// Enrichment resources (chariow-api.md §7): store, customers, products, discounts, licences, Pulse
// configurations — each parsed to a camelCase domain type; absent fields are null.
import "server-only";
import { z } from "zod";
import { discountTypeSchema, licenseStatusSchema } from "../enums";
import { countSchema, countrySchema, idSchema, moneySchema, numberSchema, opt, optString, timestampSchema } from "./common";

/** Phone as a string or `{country_code, formatted}` (§8) → the display string. */
export const phoneSchema = z.union([
  z.string(),
  z.object({ formatted: optString, number: optString }).transform((p) => p.formatted ?? p.number),
]);

export const storeSchema = z
  .object({
    id: idSchema,
    name: optString,
    slug: optString,
    url: optString,
    logo: opt(z.union([z.string(), z.object({ url: optString }).transform((l) => l.url)])),
  })
  .transform((s) => ({ id: s.id, name: s.name, slug: s.slug, url: s.url, logoUrl: s.logo }));
export type Store = z.output<typeof storeSchema>;

export const customerSchema = z
  .object({
    id: idSchema,
    email: optString,
    name: optString,
    first_name: optString,
    last_name: optString,
    phone: opt(phoneSchema),
    country: opt(countrySchema),
    created_at: opt(timestampSchema),
    updated_at: opt(timestampSchema),
  })
  .transform((c) => ({
    id: c.id,
    email: c.email,
    name: c.name ?? ([c.first_name, c.last_name].filter(Boolean).join(" ") || null),
    firstName: c.first_name,
    lastName: c.last_name,
    phone: c.phone ?? null,
    country: c.country,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  }));
export type Customer = z.output<typeof customerSchema>;

export const productSchema = z
  .object({
    id: idSchema,
    name: optString,
    slug: optString,
    type: optString,
    status: optString,
    url: optString,
    pricing: opt(z.object({ price: opt(moneySchema), current_price: opt(moneySchema) })),
    price: opt(moneySchema), // Pulse payloads carry the price at top level (§8)
    created_at: opt(timestampSchema),
    updated_at: opt(timestampSchema),
  })
  .transform((p) => ({
    id: p.id,
    name: p.name,
    slug: p.slug,
    type: p.type,
    status: p.status,
    url: p.url,
    price: p.pricing?.price ?? p.price,
    currentPrice: p.pricing?.current_price ?? null,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  }));
export type Product = z.output<typeof productSchema>;

/** `value_off` is a percentage number for percentage codes and an Amount for fixed ones (§7). */
const valueOffSchema = z.union([
  moneySchema.transform((amount) => ({ percent: null as number | null, amount })),
  numberSchema.transform((percent) => ({ percent, amount: null as { minor: number; currency: string } | null })),
]);

export const discountSchema = z
  .object({
    id: idSchema,
    code: optString,
    type: opt(discountTypeSchema),
    value_off: opt(valueOffSchema),
    usage_count: opt(countSchema),
    usage_limit: opt(countSchema),
    status: optString,
    starts_at: opt(timestampSchema),
    expires_at: opt(timestampSchema),
    created_at: opt(timestampSchema),
  })
  .transform((d) => ({
    id: d.id,
    code: d.code,
    type: d.type,
    percentOff: d.value_off?.percent ?? null,
    amountOff: d.value_off?.amount ?? null,
    usageCount: d.usage_count,
    usageLimit: d.usage_limit,
    status: d.status,
    startsAt: d.starts_at,
    expiresAt: d.expires_at,
    createdAt: d.created_at,
  }));
export type Discount = z.output<typeof discountSchema>;

const refSchema = z.object({ id: idSchema, name: optString, email: optString });

export const licenseSchema = z
  .object({
    id: idSchema,
    key: optString,
    licence_key: optString,
    license_key: optString,
    status: opt(licenseStatusSchema),
    activations: opt(countSchema),
    max_activations: opt(countSchema),
    expires_at: opt(timestampSchema),
    activated_at: opt(timestampSchema),
    product: opt(refSchema),
    customer: opt(refSchema),
    sale: opt(z.object({ id: idSchema })),
    created_at: opt(timestampSchema),
  })
  .transform((l) => ({
    id: l.id,
    key: l.key ?? l.licence_key ?? l.license_key,
    status: l.status,
    activations: l.activations,
    maxActivations: l.max_activations,
    expiresAt: l.expires_at,
    activatedAt: l.activated_at,
    productId: l.product?.id ?? null,
    productName: l.product?.name ?? null,
    customerId: l.customer?.id ?? null,
    customerName: l.customer?.name ?? null,
    customerEmail: l.customer?.email ?? null,
    saleId: l.sale?.id ?? null,
    createdAt: l.created_at,
  }));
export type License = z.output<typeof licenseSchema>;

/** A configured webhook; Chariow never returns its signing secret (§7). */
export const pulseConfigSchema = z
  .object({
    id: idSchema,
    name: optString,
    url: optString,
    events: opt(z.array(z.string())),
    status: optString,
    is_active: z.boolean().nullish(),
    created_at: opt(timestampSchema),
  })
  .transform((p) => ({
    id: p.id,
    name: p.name,
    url: p.url,
    events: p.events ?? [],
    active: p.is_active ?? (p.status === null ? null : p.status === "active"),
    createdAt: p.created_at,
  }));
export type PulseConfig = z.output<typeof pulseConfigSchema>;
