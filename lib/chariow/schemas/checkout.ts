// POST /checkout (chariow-api-addendum-2026-12.md §1.1, §0 item 4): the request body, validated before a
// request is spent, and the answer. Field names are those real clients send and read — `product_id`,
// `email`, `first_name`, `last_name`, `phone {number, country_code}`, `discount_code`, `campaign_id`,
// `affiliate_code`, `custom_metadata` (≤ 10 keys), `redirect_url`; answer `data.step` (payment | completed |
// already_purchased; the older docs' `awaiting_payment` read as payment), `data.purchase.id`,
// `data.payment.checkout_url` (docs/simulator.md "POST /checkout" names the sources).
import "server-only";
import { z } from "zod";
import { idSchema, opt, optString } from "./common";
import { saleSummarySchema, type Sale } from "./sale";

export const CHECKOUT_METADATA_MAX_KEYS = 10;

const metadataValue = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);

/** The body, in Chariow's own names (like the list parameters, lib/chariow/params.ts). */
export const checkoutParamsSchema = z
  .object({
    product_id: z.string().min(1).max(100),
    email: z.email().max(254),
    first_name: z.string().trim().min(1).max(100),
    last_name: z.string().trim().min(1).max(100),
    phone: z.object({ number: z.string().regex(/^\+?\d{6,15}$/), country_code: z.string().regex(/^[A-Z]{2}$/) }).strict().optional(),
    discount_code: z.string().trim().min(1).max(100).optional(),
    campaign_id: z.string().min(1).max(100).optional(),
    affiliate_code: z.string().trim().min(1).max(100).optional(),
    custom_metadata: z
      .record(z.string().min(1).max(40), metadataValue)
      .refine((m) => Object.keys(m).length <= CHECKOUT_METADATA_MAX_KEYS, { message: `at most ${CHECKOUT_METADATA_MAX_KEYS} keys` })
      .optional(),
    redirect_url: z.url({ protocol: /^https?$/ }).max(2048).optional(),
  })
  .strict();
export type CheckoutParams = z.input<typeof checkoutParamsSchema>;

export const CHECKOUT_STEPS = ["payment", "completed", "already_purchased"] as const;
export type CheckoutStep = (typeof CHECKOUT_STEPS)[number];

export interface CheckoutResult {
  step: CheckoutStep;
  /** The sale Chariow made (payment, completed) or the customer's earlier purchase (already_purchased), when named. */
  saleId: string | null;
  /** The hosted payment page (step payment): https only. */
  checkoutUrl: string | null;
  transactionId: string | null;
  /** `data.purchase` parsed as a sale when it has a sale's shape (the mirror can store it at once), else null. */
  sale: Sale | null;
}

const httpsUrl = z.url({ protocol: /^https$/ });

export const checkoutDataSchema = z
  .object({
    step: z.enum([...CHECKOUT_STEPS, "awaiting_payment"]),
    purchase: opt(z.looseObject({ id: idSchema })),
    payment: opt(z.looseObject({ checkout_url: optString, transaction_id: optString })),
  })
  .transform((d, ctx): CheckoutResult => {
    const step: CheckoutStep = d.step === "awaiting_payment" ? "payment" : d.step;
    const checkoutUrl = d.payment?.checkout_url ?? null;
    if (step === "payment" && !httpsUrl.safeParse(checkoutUrl).success) {
      ctx.addIssue({ code: "custom", path: ["payment", "checkout_url"], message: "a payment step needs an https checkout_url" });
      return z.NEVER;
    }
    const parsedSale = d.purchase ? saleSummarySchema.safeParse(d.purchase) : null;
    return {
      step,
      saleId: d.purchase?.id ?? null,
      checkoutUrl: step === "payment" ? checkoutUrl : null,
      transactionId: d.payment?.transaction_id ?? null,
      sale: parsedSale?.success ? parsedSale.data : null,
    };
  });
