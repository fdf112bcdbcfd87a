// Serialisers for the enrichment endpoints (chariow-api.md §6–7): store, customers, products,
// discounts, licences, affiliates (seeds' shape in legacy, saff_ shape in current), invitations, pulses.
import { COUNTRIES, DISCOUNTS, PRODUCTS, STORE, type Discount, type Product } from "./catalog";
import { NONE } from "./generator";
import type { AffiliateRecord, InvitationRecord, StoreModel } from "./model";
import { amount } from "./money";
import { economics, isPaid, materialiseSale, type LicenceModel } from "./sale-model";
import { isoMicros, isoOffset, type Json, type SerializeContext } from "./serialize-sale";
import type { Currency } from "./types";

const STORE_CURRENCY: Currency = "XOF"; // the shop prices its catalogue in F CFA

export function storeJson(m: StoreModel): Json {
  return {
    id: STORE.id, name: STORE.name, slug: STORE.slug, url: STORE.url, logo: STORE.logo, description: STORE.description,
    created_at: isoOffset(STORE.created_at_sec), updated_at: isoOffset(m.historyEndSec - 86_400 * 12),
  };
}

export function customerJson(m: StoreModel, ci: number, ctx: SerializeContext): Json {
  const c = m.customer(ci);
  const created = m.arrays.custCreated[ci];
  return {
    id: m.customerId(ci), name: c.name, first_name: c.firstName, last_name: c.lastName, email: c.email,
    phone: c.phone,
    country: ctx.dialect === "legacy" ? c.country.code : { code: c.country.code, name: c.country.name },
    created_at: isoOffset(created), updated_at: isoOffset(created),
  };
}

function productStats(m: StoreModel, pIndex: number): { sales: number } {
  let sales = 0;
  const a = m.arrays;
  for (let i = 0; i < a.saleCount; i++) if (a.product[i] === pIndex && (a.status[i] === 1 || a.status[i] === 4)) sales++;
  return { sales };
}

export function productJson(m: StoreModel, p: Product, ctx: SerializeContext): Json {
  const idx = PRODUCTS.indexOf(p);
  const price = amount(p.price[STORE_CURRENCY], STORE_CURRENCY, ctx.dialect) as unknown as Json;
  return {
    id: p.id, name: p.name, slug: p.slug, type: p.type, status: p.published ? "published" : "archived",
    url: `${STORE.url}/${p.slug}`,
    pricing: { type: "one_time", price, current_price: price },
    requires_shipping: p.shipping,
    sales_count: productStats(m, idx).sales,
    created_at: isoOffset(STORE.created_at_sec + idx * 86_400 * 9),
    updated_at: isoOffset(STORE.created_at_sec + idx * 86_400 * 9 + 86_400 * 30),
  };
}

export function discountUsage(m: StoreModel, dIndex: number): number {
  let n = 0;
  const a = m.arrays;
  for (let i = 0; i < a.saleCount; i++) if (a.discount[i] === dIndex && (a.status[i] === 1 || a.status[i] === 4)) n++;
  return n;
}

export function discountJson(m: StoreModel, d: Discount, ctx: SerializeContext): Json {
  const idx = DISCOUNTS.indexOf(d);
  return {
    id: d.id, code: d.code, type: d.type,
    value_off: d.type === "percentage" ? d.percent : (amount(d.fixed[STORE_CURRENCY], STORE_CURRENCY, ctx.dialect) as unknown as Json),
    usage_count: discountUsage(m, idx), usage_limit: d.usageLimit, status: "active",
    created_at: isoOffset(STORE.created_at_sec + idx * 86_400 * 17),
  };
}

export function licenceJson(m: StoreModel, lic: LicenceModel, saleIndex: number, ctx: SerializeContext): Json {
  const s = materialiseSale(m, saleIndex, ctx.nowSec);
  return {
    id: lic.id, key: lic.key, licence_key: lic.key, status: lic.status, activations: lic.activations,
    max_activations: lic.maxActivations, expires_at: isoOffset(lic.expiresSec), activated_at: isoOffset(lic.activatedSec),
    product: { id: s.product.id, name: s.product.name }, customer: { id: s.customerId, email: s.customer.email, name: s.customer.name },
    sale: { id: s.id }, created_at: isoOffset(lic.createdSec),
  };
}

export interface AffiliateStats {
  referrals: number;
  sales: number;
  earnings: number; // minor units of the affiliate's currency
  firstSec: number | null;
  lastSec: number | null;
}

/** Derived from affiliate-channel sales, so lookups always agree with the sales history. */
export function affiliateStats(m: StoreModel, aff: AffiliateRecord): AffiliateStats {
  const a = m.arrays;
  const st: AffiliateStats = { referrals: 0, sales: 0, earnings: 0, firstSec: null, lastSec: null };
  for (let i = 0; i < a.saleCount; i++) {
    if (a.affiliate[i] !== aff.index || a.affiliate[i] === NONE) continue;
    st.referrals++;
    st.firstSec ??= a.created[i];
    st.lastSec = a.created[i];
    if (a.status[i] === 1 || a.status[i] === 4) {
      st.sales++;
      // Same arithmetic as SaleModel.commission, without materialising the sale (1M-sale stores).
      const currency = COUNTRIES[a.custCountry[a.customer[i]]].currency;
      const d = a.discount[i] === NONE ? null : DISCOUNTS[a.discount[i]];
      st.earnings += Math.round((economics(PRODUCTS[a.product[i]], currency, d).amount * aff.commission) / 100);
    }
  }
  return st;
}

export function affiliateJson(m: StoreModel, aff: AffiliateRecord, ctx: SerializeContext): Json {
  const st = affiliateStats(m, aff);
  const currency = aff.country.currency;
  const name = `${aff.firstName} ${aff.lastName}`;
  if (ctx.dialect === "legacy") {
    // Seed 002: earnings as {amount, currency}; amount in minor units like every legacy Amount.
    return {
      id: aff.accountId, code: aff.code, name, email: aff.email, commission_rate: aff.commission, status: aff.status,
      stats: { total_referrals: st.referrals, total_sales: st.sales, total_earnings: { amount: st.earnings, currency } },
      created_at: isoMicros(aff.createdSec), updated_at: isoMicros(aff.updatedSec),
    };
  }
  const suspended = aff.status === "suspended";
  const visits = st.referrals * 7 + (aff.index * 13) % 50;
  return {
    id: aff.storeAffiliateId, status: aff.status,
    source: { value: aff.source, label: aff.source === "invitation" ? "Invitation" : "Chariow Network" },
    total_visits: visits, total_sales: st.sales, total_earnings: amount(st.earnings, currency, "current") as unknown as Json,
    first_visit_at: isoOffset(st.firstSec), last_visit_at: isoOffset(st.lastSec),
    suspended_at: suspended ? isoOffset(aff.updatedSec) : null,
    suspended_reason: suspended ? "Trafic frauduleux détecté" : null,
    account: {
      id: aff.accountId, code: aff.code, pseudo: aff.pseudo, country: { code: aff.country.code, name: aff.country.name },
      status: aff.status === "suspended" ? "active" : aff.status, user: { name, email: aff.email },
    },
    created_at: isoOffset(aff.createdSec), updated_at: isoOffset(aff.updatedSec),
  };
}

export function invitationJson(m: StoreModel, inv: InvitationRecord, nowSec: number): Json {
  return { id: inv.id, email: inv.email, status: m.invitationStatus(inv, nowSec), expires_at: isoOffset(inv.expiresSec), created_at: isoOffset(inv.createdSec) };
}

/** Paid sales of licence products, in sale order: the /licenses index space. */
export function isLicenceSale(m: StoreModel, i: number): boolean {
  const st = m.arrays.status[i];
  return (st === 1 || st === 4) && PRODUCTS[m.arrays.product[i]].type === "license";
}

export function licenceForSale(m: StoreModel, i: number, nowSec: number): LicenceModel | null {
  const s = materialiseSale(m, i, nowSec);
  return isPaid(s.status) ? s.licence : null;
}
