// POST /v1/checkout: a checkout created through the API (chariow-api-addendum-2026-12.md §1.1 and §0 item 4).
// The request and response fields are those real clients send and read (stored public code, "checked on
// chariow.dev on 5 October 2026", code-index ids 71120453764, 66221005856, 68910800941, 68982537731):
//   body  product_id, email, first_name, last_name, phone {number, country_code}, discount_code, campaign_id,
//         affiliate_code, custom_metadata (≤ 10 keys), redirect_url (payment_currency is accepted, ignored)
//   reply data.step = payment | completed | already_purchased, data.purchase (the sale), data.payment
//         {checkout_url, transaction_id} (null unless step = payment).
// `payment` makes an `awaiting_payment` sale on the `api` channel with a hosted payment link on the store's
// own domain (an allowed host: *.mychariow.com); a free product is `completed` at once; a customer who
// already paid for the product gets `already_purchased` and no new sale. custom_metadata is kept on the sale
// (GET /sales, /sales/{id}, Pulses). Such a sale is left to its customer: live mode never resolves it,
// POST /__sim/checkout/pay does (control.ts). Validation answers 422 with Laravel field errors like the
// invitations endpoint; an archived product is a 400.
import { CAMPAIGNS, COUNTRIES, DISCOUNTS, PRODUCTS, STORE } from "./catalog";
import { NONE } from "./generator";
import { fail, ok, validationError, type Reply } from "./http-util";
import { isValidEmail } from "./invitations";
import { completeSale } from "./lifecycle";
import { hash32 } from "./prng";
import type { SimRuntime } from "./runtime";
import { economics, materialiseSale } from "./sale-model";
import { saleSummary, type Json, type SerializeContext } from "./serialize-sale";
import { CHANNELS, CURRENCIES } from "./types";

export const MAX_METADATA_KEYS = 10;
const MAX_METADATA_KEY_LENGTH = 40;
const MAX_METADATA_VALUE_LENGTH = 500;
const API_CHANNEL = CHANNELS.indexOf("api");

type Fields = Record<string, unknown>;
type Errors = Record<string, string[]>;

const isObject = (v: unknown): v is Fields => typeof v === "object" && v !== null && !Array.isArray(v);
const label = (field: string) => field.replace(/_/g, " ");

function requiredString(body: Fields, field: string, errors: Errors, max = 255): string | null {
  const v = body[field];
  if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) {
    errors[field] = [`The ${label(field)} field is required.`];
    return null;
  }
  if (typeof v !== "string") errors[field] = [`The ${label(field)} field must be a string.`];
  else if (v.length > max) errors[field] = [`The ${label(field)} field must not be greater than ${max} characters.`];
  else return v.trim();
  return null;
}

function optionalString(body: Fields, field: string, errors: Errors, max = 255): string | null {
  const v = body[field];
  if (v === undefined || v === null || v === "") return null;
  if (typeof v !== "string") errors[field] = [`The ${label(field)} field must be a string.`];
  else if (v.length > max) errors[field] = [`The ${label(field)} field must not be greater than ${max} characters.`];
  else return v.trim();
  return null;
}

function phoneOf(body: Fields, errors: Errors): { number: string; countryCode: string } | null {
  const v = body.phone;
  if (v === undefined || v === null) return null;
  if (!isObject(v)) {
    errors.phone = ["The phone field must be an array."];
    return null;
  }
  const digits = typeof v.number === "string" || typeof v.number === "number" ? String(v.number).replace(/[\s.-]/g, "") : "";
  if (!/^\+?\d{6,15}$/.test(digits)) errors["phone.number"] = ["The phone.number field must be a valid phone number."];
  const cc = typeof v.country_code === "string" ? v.country_code.trim().toUpperCase() : "";
  if (!/^[A-Z]{2}$/.test(cc)) errors["phone.country_code"] = ["The phone.country_code field must be 2 characters."];
  return errors["phone.number"] || errors["phone.country_code"] ? null : { number: digits, countryCode: cc };
}

/** ≤ 10 keys of scalars (string ≤ 500 characters, number, boolean, null); anything else is a 422. */
function metadataOf(body: Fields, errors: Errors): { [key: string]: Json } | null {
  const v = body.custom_metadata;
  if (v === undefined || v === null) return null;
  if (Array.isArray(v) && v.length === 0) return null; // PHP's empty array
  if (!isObject(v)) {
    errors.custom_metadata = ["The custom metadata field must be an array."];
    return null;
  }
  const entries = Object.entries(v);
  if (entries.length > MAX_METADATA_KEYS) {
    errors.custom_metadata = [`The custom metadata field must not have more than ${MAX_METADATA_KEYS} items.`];
    return null;
  }
  const out: { [key: string]: Json } = {};
  for (const [key, value] of entries) {
    const at = `custom_metadata.${key}`;
    if (key.length === 0 || key.length > MAX_METADATA_KEY_LENGTH) errors.custom_metadata = [`The custom metadata keys must be 1 to ${MAX_METADATA_KEY_LENGTH} characters.`];
    else if (typeof value === "string" && value.length > MAX_METADATA_VALUE_LENGTH) errors[at] = [`The ${at} field must not be greater than ${MAX_METADATA_VALUE_LENGTH} characters.`];
    else if (value === null || typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))) out[key] = value;
    else errors[at] = [`The ${at} field must be a string, a number or a boolean.`];
  }
  return Object.keys(out).length > 0 ? out : null;
}

function redirectOf(body: Fields, errors: Errors): string | null {
  const v = optionalString(body, "redirect_url", errors, 2048);
  if (v === null) return null;
  try {
    const u = new URL(v);
    if (u.protocol === "https:" || u.protocol === "http:") return u.toString();
  } catch {
    // falls through to the error
  }
  errors.redirect_url = ["The redirect url field must be a valid URL."];
  return null;
}

interface CheckoutInput {
  productIndex: number;
  email: string;
  firstName: string;
  lastName: string;
  phone: { number: string; countryCode: string } | null;
  discount: number;
  campaignId: string | null;
  affiliate: number;
  metadata: { [key: string]: Json } | null;
  redirectUrl: string | null;
}

/** The body as Laravel would validate it: every field's errors at once (422), or the checkout's input. */
function validate(raw: string, rt: SimRuntime): CheckoutInput | Reply {
  let parsed: unknown = null;
  try {
    parsed = raw.trim() ? JSON.parse(raw) : null;
  } catch {
    parsed = null; // an unreadable body is empty input for Laravel: "required" below
  }
  const body: Fields = isObject(parsed) ? parsed : {};
  const errors: Errors = {};
  const productId = requiredString(body, "product_id", errors);
  const email = requiredString(body, "email", errors, 254);
  if (email !== null && !isValidEmail(email)) errors.email = ["The email field must be a valid email address."];
  const firstName = requiredString(body, "first_name", errors, 100);
  const lastName = requiredString(body, "last_name", errors, 100);
  const phone = phoneOf(body, errors);
  const discountCode = optionalString(body, "discount_code", errors);
  const campaignId = optionalString(body, "campaign_id", errors);
  const affiliateCode = optionalString(body, "affiliate_code", errors);
  const metadata = metadataOf(body, errors);
  const redirectUrl = redirectOf(body, errors);
  const currency = optionalString(body, "payment_currency", errors, 3);
  if (currency !== null && !(CURRENCIES as readonly string[]).includes(currency.toUpperCase())) errors.payment_currency = ["The selected payment currency is invalid."];

  const productIndex = productId === null ? -1 : PRODUCTS.findIndex((p) => p.id === productId || p.slug === productId);
  if (productId !== null && productIndex < 0) errors.product_id = ["The selected product id is invalid."];
  const discount = discountCode === null ? NONE : DISCOUNTS.findIndex((d) => d.code.toUpperCase() === discountCode.toUpperCase());
  if (discount < 0) errors.discount_code = ["The selected discount code is invalid."];
  if (campaignId !== null && !CAMPAIGNS.some((c) => c.id === campaignId)) errors.campaign_id = ["The selected campaign id is invalid."];
  const aff = affiliateCode === null ? null : rt.model.affiliateByCode(affiliateCode);
  if (affiliateCode !== null && (!aff || aff.status !== "active")) errors.affiliate_code = ["The selected affiliate code is invalid."];
  if (Object.keys(errors).length > 0) return validationError(errors);
  if (!PRODUCTS[productIndex].published) return fail(400, "This product is not available for purchase.");
  return {
    productIndex, email: email!.toLowerCase(), firstName: firstName!, lastName: lastName!, phone, discount: discount < 0 ? NONE : discount,
    campaignId, affiliate: aff ? aff.index : NONE, metadata, redirectUrl,
  };
}

/** The customer with this e-mail, or a new one with the identity given (country from the phone, else the store's). */
function customerFor(rt: SimRuntime, input: CheckoutInput, nowSec: number): number {
  const m = rt.model;
  const known = m.customerByEmail(input.email);
  if (known !== null) return known;
  const found = input.phone ? COUNTRIES.findIndex((c) => c.code === input.phone!.countryCode) : -1;
  const countryIndex = found >= 0 ? found : 0;
  const country = COUNTRIES[countryIndex];
  const number = input.phone?.number ?? "";
  const phone = number === "" ? "" : number.startsWith("+") ? number : number.startsWith(country.dial) && found >= 0 ? `+${number}` : `+${country.dial}${number}`;
  return m.appendNamedCustomer(nowSec, countryIndex, { firstName: input.firstName, lastName: input.lastName, name: `${input.firstName} ${input.lastName}`, email: input.email, phone });
}

/** A paid sale of this product by this customer, if any. */
function paidSaleOf(rt: SimRuntime, ci: number, productIndex: number): number | null {
  const a = rt.model.arrays;
  for (let i = a.saleCount - 1; i >= 0; i--) {
    if (a.customer[i] === ci && a.product[i] === productIndex && (a.status[i] === 1 || a.status[i] === 4)) return i;
  }
  return null;
}

function hostedPaymentUrl(rt: SimRuntime, saleId: string): string {
  const token = hash32(rt.seed, 61, ...Array.from(saleId, (c) => c.charCodeAt(0))).toString(36);
  return `${STORE.url}/checkout/pay/${saleId}?token=${token}`;
}

export function handleCheckout(raw: string, rt: SimRuntime, ctx: SerializeContext): Reply {
  const input = validate(raw, rt);
  if ("status" in input) return input;
  const m = rt.model;
  const nowSec = rt.nowSec();
  const ci = customerFor(rt, input, nowSec);
  const currency = COUNTRIES[m.arrays.custCountry[ci]].currency;
  if (input.affiliate !== NONE && m.affiliates[input.affiliate]?.country.currency !== currency) {
    // Simulator rule: an affiliate only refers sales in their own currency (generator.ts affiliateFor).
    return validationError({ affiliate_code: ["The selected affiliate code is invalid for this customer."] });
  }
  const owned = paidSaleOf(rt, ci, input.productIndex);
  if (owned !== null) {
    return ok({ step: "already_purchased", purchase: saleSummary(materialiseSale(m, owned, nowSec), ctx), payment: null });
  }
  const i = m.appendSale({ createdSec: nowSec, customer: ci, product: input.productIndex, channel: API_CHANNEL, affiliate: input.affiliate, discount: input.discount });
  m.controlled.add(i);
  const saleId = m.saleId(i);
  const free = economics(PRODUCTS[input.productIndex], currency, input.discount === NONE ? null : DISCOUNTS[input.discount]).amount === 0;
  m.saleExtras.set(i, { customMetadata: input.metadata, campaignId: input.campaignId, redirectUrl: input.redirectUrl, checkoutUrl: free ? null : hostedPaymentUrl(rt, saleId) });
  if (free) {
    const done = completeSale(rt, i);
    return ok({ step: "completed", purchase: saleSummary(done, ctx), payment: null });
  }
  const s = materialiseSale(m, i, nowSec);
  return ok({ step: "payment", purchase: saleSummary(s, ctx), payment: { checkout_url: m.saleExtras.get(i)!.checkoutUrl, transaction_id: s.transactionId } });
}

/** The API checkout sale a hosted payment link belongs to (POST /__sim/checkout/pay), or null. */
export function saleOfPaymentUrl(rt: SimRuntime, url: string): number | null {
  const match = /\/checkout\/pay\/([^/?#]+)/.exec(url);
  const i = match ? rt.model.saleIndex(decodeURIComponent(match[1])) : null;
  return i !== null && rt.model.saleExtras.get(i)?.checkoutUrl === url ? i : null;
}
