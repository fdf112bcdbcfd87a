// Sale and invitation transitions shared by the control API and live mode (chariow-api.md §5:
// awaiting_payment → completed → settled, or → failed / abandoned). Each one emits its Pulse.
import { COUNTRIES, COUNTRY_WEIGHTS, DISCOUNTS, FAILURE_ERRORS, METHODS, PAYMENT_METHODS, PRODUCTS } from "./catalog";
import { NONE } from "./generator";
import type { SaleMutation } from "./model";
import type { Rng } from "./prng";
import { weighted } from "./prng";
import { affiliateJoinedPayload, licencePayload, salePayload, type SaleEvent } from "./pulse-payloads";
import type { SimRuntime } from "./runtime";
import { materialiseSale, type SaleModel } from "./sale-model";
import { CHANNELS, type Channel } from "./types";

export class TransitionError extends Error {
  constructor(message: string, readonly status = 409) {
    super(message);
  }
}

export interface CheckoutRequest {
  customerId?: string;
  productId?: string;
  channel?: Channel;
  discountCode?: string;
  affiliateCode?: string;
  /** Buyer country (ISO2) of a new customer; with `customerId`, it must be that customer's. */
  country?: string;
  /** Payment method id (catalog PAYMENT_METHODS), offered in the buyer's country; else drawn. */
  method?: string;
}

/** Refuses a method that is not offered in the buyer's country (catalog METHODS). */
function offers(countryIndex: number, method: string | undefined): void {
  const code = COUNTRIES[countryIndex].code;
  if (method && !METHODS[code].some((x) => x.id === method)) throw new TransitionError(`${method} is not offered in ${code}`, 422);
}

/** The buyer country asked for (a new customer of it), or one where `method` is offered, by checkout share. */
function countryFor(req: CheckoutRequest, rng: Rng): number | null {
  if (req.country) {
    const found = COUNTRIES.findIndex((c) => c.code === req.country);
    if (found < 0) throw new TransitionError(`unknown country ${req.country}`, 422);
    return found;
  }
  if (!req.method) return null;
  const weights = COUNTRIES.map((c) => c.weight * (METHODS[c.code].find((x) => x.id === req.method)?.weight ?? 0));
  if (weights.every((w) => w === 0)) throw new TransitionError(`unknown method ${req.method}`, 422);
  return weighted(rng, weights);
}

/** A new checkout in awaiting_payment, created "now" by the clock. */
export function createCheckout(rt: SimRuntime, req: CheckoutRequest, rng: Rng): SaleModel {
  const m = rt.model;
  const nowSec = rt.nowSec();
  let ci: number;
  if (req.method && !PAYMENT_METHODS[req.method]) throw new TransitionError(`unknown method ${req.method}`, 422);
  const country = req.customerId ? null : countryFor(req, rng);
  if (req.customerId) {
    const found = m.customerIndex(req.customerId);
    if (found === null) throw new TransitionError(`unknown customer ${req.customerId}`, 404);
    ci = found;
    if (req.country && COUNTRIES[m.arrays.custCountry[ci]].code !== req.country) throw new TransitionError(`customer ${req.customerId} is not in ${req.country}`, 422);
  } else if (country !== null) {
    offers(country, req.method);
    ci = m.appendCustomer(nowSec, country);
  } else if (m.customerCount > 0 && rng() < 0.3) {
    ci = Math.floor(rng() * m.customerCount);
  } else {
    ci = m.appendCustomer(nowSec, weighted(rng, COUNTRY_WEIGHTS));
  }
  let product: number;
  if (req.productId) {
    product = PRODUCTS.findIndex((p) => p.id === req.productId || p.slug === req.productId);
    if (product < 0 || !PRODUCTS[product].published) throw new TransitionError(`unknown product ${req.productId}`, 404);
  } else product = weighted(rng, PRODUCTS.map((p) => (p.published ? p.weight : 0)));
  let channel = req.channel ? CHANNELS.indexOf(req.channel) : weighted(rng, [60, 10, 12, 12, 6]);
  if (channel < 0) throw new TransitionError(`unknown channel ${req.channel}`, 422);
  offers(m.arrays.custCountry[ci], req.method);
  const buyerCountry = COUNTRIES[m.arrays.custCountry[ci]];
  let affiliate = NONE;
  const currency = buyerCountry.currency;
  if (req.affiliateCode) {
    const a = m.affiliateByCode(req.affiliateCode);
    if (!a) throw new TransitionError(`unknown affiliate ${req.affiliateCode}`, 404);
    affiliate = a.index;
    channel = 1;
  } else if (channel === 1) {
    const candidates = m.affiliates.filter((a) => a.status === "active" && a.country.currency === currency);
    if (candidates.length) affiliate = candidates[Math.floor(rng() * candidates.length)].index;
    else channel = 0;
  }
  let discount = NONE;
  if (req.discountCode) {
    discount = DISCOUNTS.findIndex((d) => d.code === req.discountCode);
    if (discount < 0) throw new TransitionError(`unknown discount ${req.discountCode}`, 404);
  } else if (rng() < 0.15) discount = weighted(rng, DISCOUNTS.map((d) => d.weight));
  const i = m.appendSale({ createdSec: nowSec, customer: ci, product, channel, affiliate, discount });
  if (req.method) m.methodOverrides.set(i, req.method);
  return materialiseSale(m, i, nowSec);
}

function current(rt: SimRuntime, i: number): SaleModel {
  return materialiseSale(rt.model, i, rt.nowSec());
}

function mutationFrom(s: SaleModel, nowSec: number): SaleMutation {
  return {
    status: s.status, paymentStatus: s.paymentStatus, completed: s.completedSec, due: s.dueSec, done: s.doneSec,
    failed: s.failedSec, abandoned: s.abandonedSec, updated: Math.max(nowSec, s.updatedSec), failureCode: s.failure?.code ?? null,
  };
}

function emitSale(rt: SimRuntime, event: SaleEvent, i: number): string | null {
  if (!rt.pulses) return null;
  const s = current(rt, i);
  return rt.pulses.emit(event, salePayload(event, s, rt.dialect));
}

function requireStatus(s: SaleModel, allowed: string[]): void {
  if (!allowed.includes(s.status)) throw new TransitionError(`sale ${s.id} is ${s.status}; expected ${allowed.join(" or ")}`);
}

export function completeSale(rt: SimRuntime, i: number): SaleModel {
  const s = current(rt, i);
  requireStatus(s, ["awaiting_payment"]);
  const now = Math.max(rt.nowSec(), s.createdSec);
  const due = Math.floor(now / 86_400) * 86_400 + 3 * 86_400; // settlement due about 3 days later
  rt.model.setMutation(i, { ...mutationFrom(s, now), status: "completed", paymentStatus: "success", completed: now, due, done: null, updated: now, failureCode: null });
  emitSale(rt, "successful.sale", i);
  const after = current(rt, i);
  const lic = licencePayload("license.issued", after);
  if (lic && rt.pulses) rt.pulses.emit("license.issued", lic);
  return after;
}

export function failSale(rt: SimRuntime, i: number, code?: string): SaleModel {
  const s = current(rt, i);
  requireStatus(s, ["awaiting_payment"]);
  const now = Math.max(rt.nowSec(), s.createdSec);
  const failureCode = code ?? FAILURE_ERRORS[0].code;
  const paymentStatus = failureCode === "cancelled_by_user" ? "cancelled" : "failed";
  rt.model.setMutation(i, { ...mutationFrom(s, now), status: "failed", paymentStatus, failed: now, updated: now, failureCode });
  emitSale(rt, "failed.sale", i);
  return current(rt, i);
}

export function abandonSale(rt: SimRuntime, i: number): SaleModel {
  const s = current(rt, i);
  requireStatus(s, ["awaiting_payment"]);
  const now = Math.max(rt.nowSec(), s.createdSec);
  rt.model.setMutation(i, { ...mutationFrom(s, now), status: "abandoned", paymentStatus: "initiated", abandoned: now, updated: now, failureCode: null });
  emitSale(rt, "abandoned.sale", i);
  return current(rt, i);
}

/** Payout done: Chariow sends no Pulse for it, the sale just becomes `settled` with done_at. */
export function settleSale(rt: SimRuntime, i: number): SaleModel {
  const s = current(rt, i);
  requireStatus(s, ["completed"]);
  const now = Math.max(rt.nowSec(), s.completedSec ?? s.createdSec);
  rt.model.setMutation(i, { ...mutationFrom(s, now), status: "settled", done: now, updated: now });
  return current(rt, i);
}

/**
 * Chariow reschedules a paid sale's payout: `settlement.due_at` becomes `dueSec` (and `updated_at` moves,
 * as for any change of the sale). No Pulse: Chariow sends none for it (the dashboard learns it on its
 * next read of the sale). Lets tests move a payout from one day to another (issue 16, "moved from").
 */
export function moveSettlementDue(rt: SimRuntime, i: number, dueSec: number): SaleModel {
  const s = current(rt, i);
  requireStatus(s, ["completed", "settled"]);
  const now = Math.max(rt.nowSec(), s.updatedSec);
  rt.model.setMutation(i, { ...mutationFrom(s, now), due: dueSec, updated: now });
  return current(rt, i);
}

export function acceptInvitation(rt: SimRuntime, idOrEmail: string) {
  const m = rt.model;
  const now = rt.nowSec();
  const key = idOrEmail.toLowerCase();
  const inv = m.invitations.find((x) => (x.id === idOrEmail || x.email === key) && m.invitationStatus(x, now) === "pending");
  if (!inv) throw new TransitionError(`no pending invitation ${idOrEmail}`, 404);
  const aff = m.acceptInvitation(inv, now);
  rt.pulses?.emit("affiliate.joined", affiliateJoinedPayload(aff));
  return aff;
}

/** Licence activation / revocation (chariow-api.md §8 licence events); revoking twice is a 400 upstream. */
export function changeLicence(rt: SimRuntime, key: string, action: "activate" | "revoke"): SaleModel {
  const m = rt.model;
  const i = m.licenceSaleIndex(key);
  const s = i === null ? null : current(rt, i);
  if (i === null || !s?.licence) throw new TransitionError(`unknown licence ${key}`, 404);
  const l = s.licence;
  if (l.status === "revoked") throw new TransitionError("Licence already revoked.", 400);
  if (action === "activate") {
    if (l.status === "expired") throw new TransitionError("Licence expired.", 400);
    if (l.activations >= l.maxActivations) throw new TransitionError("Maximum activations reached.", 400);
    m.licenceOverrides.set(i, { status: "active", activations: l.activations + 1 });
  } else m.licenceOverrides.set(i, { status: "revoked", activations: l.activations });
  const after = current(rt, i);
  const payload = licencePayload(action === "activate" ? "license.activated" : "license.revoked", after);
  if (payload && rt.pulses) rt.pulses.emit(action === "activate" ? "license.activated" : "license.revoked", payload);
  return after;
}
