// Pulse (webhook) payloads (chariow-api.md §8): no `data` wrapper, top-level keys by event. Sale
// events carry settlement and the recovery checkout link; test deliveries add `note`.
import "server-only";
import { z } from "zod";
import { emptyObjectAsNull, idSchema, opt, optString } from "./common";
import { affiliateSchema } from "./affiliate";
import { customerSchema, licenseSchema, productSchema, storeSchema } from "./catalog";
import { saleSummarySchema } from "./sale";
import { pulseEventTypeSchema } from "../enums";

const base = { note: optString };

const saleEventSchema = z
  .object({
    event: z.enum(["successful.sale", "failed.sale", "abandoned.sale"]),
    ...base,
    sale: saleSummarySchema,
    product: opt(productSchema),
    customer: opt(customerSchema),
    affiliate: opt(affiliateSchema),
    store: opt(storeSchema),
    checkout: emptyObjectAsNull(z.object({ url: optString })),
  })
  .transform((p) => {
    const sale = p.sale;
    return {
      kind: "sale" as const,
      event: p.event,
      note: p.note,
      sale: {
        ...sale,
        // The Pulse puts product and customer beside the sale, not inside it.
        product: sale.product ?? (p.product && { id: p.product.id, name: p.product.name, type: p.product.type, slug: p.product.slug }),
        customer: sale.customer ?? (p.customer && { id: p.customer.id, email: p.customer.email, name: p.customer.name }),
        // …and the affiliate too: the sale is attributed to it like a detail's store_affiliate (§6 known affiliates).
        storeAffiliate: sale.storeAffiliate ?? (p.affiliate ? { id: p.affiliate.storeAffiliateId ?? p.affiliate.id, code: p.affiliate.code } : null),
      },
      product: p.product,
      customer: p.customer,
      affiliate: p.affiliate,
      store: p.store,
      /** Prefilled checkout link of a failed/abandoned sale: the natural recovery link. */
      checkoutUrl: p.checkout?.url ?? null,
    };
  });

const licenseEventSchema = z
  .object({
    event: z.enum(["license.issued", "license.activated", "license.expired", "license.revoked", "license.nearing_expiry"]),
    ...base,
    license: licenseSchema,
    // The licence's sale sits beside it (as the simulator sends it), not inside the licence object.
    sale: opt(z.object({ id: idSchema })),
    product: opt(productSchema),
    customer: opt(customerSchema),
    store: opt(storeSchema),
  })
  .transform((p) => ({ kind: "license" as const, ...p }));

const affiliateJoinedSchema = z
  .object({ event: z.literal("affiliate.joined"), ...base, affiliate: affiliateSchema, store: opt(storeSchema) })
  .transform((p) => ({ kind: "affiliate" as const, ...p }));

const unknownEventSchema = z
  .object({ event: z.string(), ...base })
  .transform((p) => ({ kind: "unknown" as const, event: p.event, note: p.note }));

/** Chooses the schema from `event`, so errors point into the right payload. */
export const pulsePayloadSchema = z.unknown().transform((value, ctx) => {
  const event = (value as { event?: unknown } | null)?.event;
  const known = pulseEventTypeSchema.safeParse(event);
  const schema = !known.success
    ? unknownEventSchema
    : known.data === "affiliate.joined"
      ? affiliateJoinedSchema
      : known.data.endsWith(".sale")
        ? saleEventSchema
        : licenseEventSchema;
  const r = (schema as z.ZodType<PulsePayload>).safeParse(value);
  if (r.success) return r.data;
  for (const issue of r.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
  return z.NEVER;
});

export type PulsePayload =
  | z.output<typeof saleEventSchema>
  | z.output<typeof licenseEventSchema>
  | z.output<typeof affiliateJoinedSchema>
  | z.output<typeof unknownEventSchema>;
