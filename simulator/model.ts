// The simulator's mutable state: generated compact indexes plus everything that changes over time
// (status changes, sales and customers added live, affiliates, invitations). Ids map back to indexes.
import { AFFILIATES, COUNTRIES, PAYMENT_METHODS, PRODUCTS, type Country } from "./catalog";
import { asciiSlug, customerIdentity, type CustomerIdentity } from "./customers";
import { NONE, STATUS_CODE, generateStore, grow, statusOf, type StoreArrays } from "./generator";
import { hash32, makeId, parseId, rngFor, Scrambler } from "./prng";
import { retryResolveSec, RetryQueue, type RetryQuotas } from "./returning-buyers";
import { drawMethod } from "./sale-draws";
import type { Json } from "./serialize-sale";
import type { AffiliateStatus, PaymentStatus, SaleStatus } from "./types";
import type { FeesDeducted } from "./sale-model";

export interface SaleMutation {
  status: SaleStatus;
  paymentStatus: PaymentStatus;
  completed: number | null;
  due: number | null;
  done: number | null;
  failed: number | null;
  abandoned: number | null;
  updated: number;
  failureCode: string | null;
}

export interface AffiliateRecord {
  index: number;
  code: string;
  pseudo: string;
  firstName: string;
  lastName: string;
  email: string;
  country: Country;
  phone: string;
  commission: number;
  status: AffiliateStatus;
  source: "invitation" | "network";
  accountId: string; // aff_… (the person's Chariow affiliate account)
  storeAffiliateId: string; // saff_… (their membership of this store)
  createdSec: number;
  updatedSec: number;
}

export interface InvitationRecord {
  id: string;
  email: string;
  createdSec: number;
  expiresSec: number;
  acceptedSec: number | null;
  affiliateIndex: number | null;
}

/** What a checkout made through POST /v1/checkout says about its sale beyond the compact indexes. */
export interface SaleExtras {
  customMetadata: { [key: string]: Json } | null;
  /** The campaign it names (`campaign_id`), or null: the API checkout decides, not the calendar. */
  campaignId: string | null;
  redirectUrl: string | null;
  /** The hosted payment page given back in `data.payment.checkout_url`. */
  checkoutUrl: string | null;
}

const b36 = (n: number, len = 10) => (n >>> 0).toString(36).padStart(7, "0").slice(0, len);

export class StoreModel {
  readonly arrays: StoreArrays;
  readonly baseSaleCount: number;
  readonly mutations = new Map<number, SaleMutation>();
  /**
   * Sales created through the control API: the live engine leaves them alone, so a test that creates a
   * checkout and then completes or fails it never races the demo's own activity (a 409 otherwise).
   */
  readonly controlled = new Set<number>();
  /**
   * The status a sale had before its first live change (its method was drawn given it: sale-draws.ts
   * drawMethod), by sale index; sales never changed read it from the status array.
   */
  private readonly generatedStatus = new Map<number, number>();
  /** Methods chosen rather than drawn (POST /__sim/checkouts `method`, a degradation's extra checkouts). */
  readonly methodOverrides = new Map<number, string>();
  /** Live checkouts caught by a degradation window (degradation.ts): live mode fails them at `resolveSec` with `code`. */
  readonly degradedFailures = new Map<number, { resolveSec: number; code: string }>();
  /** Licence status changes made through the control API, by sale index. */
  readonly licenceOverrides = new Map<number, { status: "active" | "revoked"; activations: number }>();
  readonly affiliates: AffiliateRecord[];
  readonly invitations: InvitationRecord[] = [];
  /** POST /v1/checkout sales: their metadata, campaign and payment link. */
  readonly saleExtras = new Map<number, SaleExtras>();
  /** Customers created by POST /v1/checkout carry the identity they were given, not a derived one. */
  private readonly customerOverrides = new Map<number, CustomerIdentity>();
  private readonly customersByGivenEmail = new Map<string, number>();
  /** Returning buyers (returning-buyers.ts): retry sale index → the failed or abandoned sale it tries again. */
  readonly retryOf: Map<number, number>;
  /** Retry sale index → depth (1: a retry of an original checkout). */
  readonly retryDepth: Map<number, number>;
  /** Retries still awaiting payment → how and when live mode resolves them. */
  readonly retryResolutions = new Map<number, { paid: boolean; resolveSec: number }>();
  /** Retries planned and not yet made; live mode makes them when due. */
  readonly pendingRetries: RetryQueue;
  /** The returning buyers' running quotas (returning-buyers.ts), carried from the history into live mode. */
  readonly retryQuotas: RetryQuotas;
  private readonly saleScr: Scrambler;
  private readonly custScr: Scrambler;
  private readonly licScr: Scrambler;
  private searchCache: string[] | null = null;
  private invitationCounter = 0;

  constructor(readonly seed: number, saleCount: number, readonly historyEndSec: number, readonly feesDeducted: FeesDeducted = "service") {
    const generated = generateStore(seed, saleCount, historyEndSec);
    this.arrays = generated.arrays;
    this.retryOf = generated.retries.retryOf;
    this.retryDepth = generated.retries.depth;
    this.pendingRetries = generated.retries.pending;
    this.retryQuotas = generated.retries.quotas;
    for (const [i, paid] of generated.retries.intended) this.retryResolutions.set(i, { paid, resolveSec: retryResolveSec(seed, i, this.arrays.created[i]) });
    this.baseSaleCount = saleCount;
    this.saleScr = new Scrambler(hash32(seed, 11));
    this.custScr = new Scrambler(hash32(seed, 12));
    this.licScr = new Scrambler(hash32(seed, 13));
    this.affiliates = AFFILIATES.map((a, index) => {
      const country = COUNTRIES.find((c) => c.code === a.country) ?? COUNTRIES[0];
      const createdSec = historyEndSec - (560 - index * 23) * 86_400;
      return {
        index, code: a.code, pseudo: a.pseudo, firstName: a.first, lastName: a.last,
        email: `${asciiSlug(a.first)}.${asciiSlug(a.last)}@${index % 2 ? "gmail.com" : "outlook.fr"}`,
        country, phone: customerIdentity(seed, 900_000_000 + index, COUNTRIES.indexOf(country)).phone,
        commission: a.commission, status: a.status, source: a.source,
        accountId: "aff_" + b36(hash32(seed, 21, index)), storeAffiliateId: "saff_" + b36(hash32(seed, 22, index)),
        createdSec, updatedSec: createdSec + 86_400 * (7 + index),
      };
    });
  }

  get saleCount(): number {
    return this.arrays.saleCount;
  }
  get customerCount(): number {
    return this.arrays.customerCount;
  }

  saleId(i: number): string {
    return makeId("sal_", this.saleScr, i, this.seed);
  }
  saleIndex(id: string): number | null {
    const i = parseId("sal_", this.saleScr, id, this.seed);
    return i !== null && i < this.saleCount ? i : null;
  }
  customerId(ci: number): string {
    return makeId("cus_", this.custScr, ci, this.seed);
  }
  customerIndex(id: string): number | null {
    const i = parseId("cus_", this.custScr, id, this.seed);
    return i !== null && i < this.customerCount ? i : null;
  }
  licenceId(i: number): string {
    return makeId("lic_", this.licScr, i, this.seed + 1);
  }
  /** Licence keys also encode the sale index, e.g. "CPRO-7K2QM-X91ZB". */
  licenceKey(i: number): string {
    const body = makeId("", this.licScr, i, this.seed + 2).toUpperCase();
    const prefix = asciiSlug(PRODUCTS[this.arrays.product[i]].slug).slice(0, 4).toUpperCase();
    return `${prefix}-${body.slice(0, 5)}-${body.slice(5)}`;
  }
  licenceSaleIndex(key: string): number | null {
    const parts = key.split("-");
    if (parts.length !== 3) return null;
    const i = parseId("", this.licScr, (parts[1] + parts[2]).toLowerCase(), this.seed + 2);
    if (i === null || i >= this.saleCount || this.licenceKey(i) !== key.toUpperCase()) return null;
    return i;
  }

  customer(ci: number): CustomerIdentity {
    return this.customerOverrides.get(ci) ?? customerIdentity(this.seed, ci, this.arrays.custCountry[ci]);
  }

  /**
   * The customer with this e-mail (case-insensitive), or null. Derived e-mails end with the customer's
   * index before the `@` (customers.ts), so the lookup is O(1) whatever the store's size.
   */
  customerByEmail(email: string): number | null {
    const e = email.trim().toLowerCase();
    const given = this.customersByGivenEmail.get(e);
    if (given !== undefined) return given;
    const m = /(\d+)@[^@]+$/.exec(e);
    if (!m) return null;
    const ci = Number(m[1]);
    return ci < this.customerCount && !this.customerOverrides.has(ci) && this.customer(ci).email.toLowerCase() === e ? ci : null;
  }

  status(i: number): SaleStatus {
    return statusOf(this.arrays.status[i]);
  }

  /** The status sale `i`'s payment method was drawn given: the generated one (a live checkout: awaiting_payment). */
  drawStatus(i: number): SaleStatus {
    return statusOf(this.generatedStatus.get(i) ?? this.arrays.status[i]);
  }

  /** Sale `i`'s payment method: chosen, or drawn first from its stream 2 given its country and drawStatus. */
  method(i: number): { id: string; name: string } {
    const chosen = this.methodOverrides.get(i);
    if (chosen !== undefined) return PAYMENT_METHODS[chosen];
    return drawMethod(rngFor(this.seed, i, 2), this.arrays.custCountry[this.arrays.customer[i]], this.drawStatus(i));
  }

  setMutation(i: number, m: SaleMutation): void {
    if (!this.generatedStatus.has(i)) this.generatedStatus.set(i, this.arrays.status[i]);
    this.mutations.set(i, m);
    this.arrays.status[i] = STATUS_CODE[m.status];
  }

  /** A customer created by POST /v1/checkout with the identity it was given. */
  appendNamedCustomer(createdSec: number, countryIndex: number, identity: Omit<CustomerIdentity, "index" | "country">): number {
    const ci = this.appendCustomer(createdSec, countryIndex, false);
    this.customerOverrides.set(ci, { ...identity, index: ci, country: COUNTRIES[countryIndex] });
    this.customersByGivenEmail.set(identity.email.toLowerCase(), ci);
    this.searchCache?.push(this.searchText(ci));
    return ci;
  }

  appendCustomer(createdSec: number, countryIndex: number, indexForSearch = true): number {
    const a = this.arrays;
    const ci = a.customerCount;
    a.custCreated = grow(a.custCreated, ci + 1);
    a.custCountry = grow(a.custCountry, ci + 1);
    a.custCreated[ci] = Math.max(createdSec, ci > 0 ? a.custCreated[ci - 1] : 0);
    a.custCountry[ci] = countryIndex;
    a.customerCount = ci + 1;
    if (indexForSearch) this.searchCache?.push(this.searchText(ci));
    return ci;
  }

  /** Adds a live checkout (awaiting_payment). Creation time never goes backwards: keyset order. */
  appendSale(s: { createdSec: number; customer: number; product: number; channel: number; affiliate: number; discount: number }): number {
    const a = this.arrays;
    const i = a.saleCount;
    const grown: (keyof StoreArrays)[] = ["created", "status", "customer", "product", "channel", "discount", "affiliate"];
    // The arrays differ in element type; `grow` keeps each one's own type, so a loose view is safe here.
    for (const k of grown) (a as unknown as Record<string, Uint8Array>)[k] = grow(a[k] as Uint8Array, i + 1);
    const createdSec = Math.max(s.createdSec, i > 0 ? a.created[i - 1] : 0);
    a.created[i] = createdSec;
    a.customer[i] = s.customer;
    a.product[i] = s.product;
    a.channel[i] = s.channel;
    a.affiliate[i] = s.affiliate;
    a.discount[i] = s.discount;
    a.status[i] = STATUS_CODE.awaiting_payment; // its method is drawn as a checkout's (drawStatus)
    a.saleCount = i + 1;
    this.setMutation(i, {
      status: "awaiting_payment", paymentStatus: "initiated", completed: null, due: null, done: null,
      failed: null, abandoned: null, updated: createdSec, failureCode: null,
    });
    return i;
  }

  /** The customer comes back: a new awaiting_payment checkout for the same purchase as sale `lead`. */
  appendRetry(lead: number, createdSec: number): number {
    const a = this.arrays;
    const i = this.appendSale({ createdSec, customer: a.customer[lead], product: a.product[lead], channel: a.channel[lead], affiliate: a.affiliate[lead], discount: a.discount[lead] });
    this.retryOf.set(i, lead);
    this.retryDepth.set(i, (this.retryDepth.get(lead) ?? 0) + 1);
    return i;
  }

  private searchText(ci: number): string {
    const c = this.customer(ci);
    return `${c.name}\u0000${c.email}`.toLowerCase();
  }

  /** Customer indexes whose name or email contains `q` (case-insensitive). Cached for big stores. */
  customersMatching(q: string): Set<number> {
    if (!this.searchCache) {
      this.searchCache = new Array<string>(this.customerCount);
      for (let ci = 0; ci < this.customerCount; ci++) this.searchCache[ci] = this.searchText(ci);
    }
    const needle = q.toLowerCase();
    const out = new Set<number>();
    for (let ci = 0; ci < this.searchCache.length; ci++) if (this.searchCache[ci].includes(needle)) out.add(ci);
    return out;
  }

  affiliateByCode(code: string): AffiliateRecord | null {
    const up = code.toUpperCase();
    return this.affiliates.find((a) => a.code.toUpperCase() === up) ?? null;
  }

  addInvitation(email: string, nowSec: number): InvitationRecord {
    const n = this.invitationCounter++;
    const inv: InvitationRecord = {
      id: "affinv_" + b36(hash32(this.seed, 31, n)), email, createdSec: nowSec,
      expiresSec: nowSec + 30 * 86_400, acceptedSec: null, affiliateIndex: null,
    };
    this.invitations.push(inv);
    return inv;
  }

  invitationStatus(inv: InvitationRecord, nowSec: number): "pending" | "accepted" | "expired" {
    if (inv.acceptedSec !== null) return "accepted";
    return nowSec >= inv.expiresSec ? "expired" : "pending";
  }

  /** An invitation accepted: the invitee becomes an active affiliate (source invitation). */
  acceptInvitation(inv: InvitationRecord, nowSec: number): AffiliateRecord {
    const index = this.affiliates.length;
    const local = inv.email.split("@")[0];
    const parts = local.split(/[._-]+/).filter(Boolean);
    const cap = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);
    const firstName = cap(parts[0] ?? "Nouvel");
    const lastName = cap(parts[1] ?? "Affilié");
    const country = COUNTRIES[hash32(this.seed, 41, index) % 6]; // an XOF-zone country
    const rec: AffiliateRecord = {
      index, code: (asciiSlug(firstName).slice(0, 8) + String(10 + (hash32(this.seed, 42, index) % 90))).toUpperCase(),
      pseudo: asciiSlug(local).slice(0, 20) || `affilie${index}`, firstName, lastName, email: inv.email, country,
      phone: customerIdentity(this.seed, 900_000_000 + index, COUNTRIES.indexOf(country)).phone,
      commission: 15, status: "active", source: "invitation",
      accountId: "aff_" + b36(hash32(this.seed, 21, index)), storeAffiliateId: "saff_" + b36(hash32(this.seed, 22, index)),
      createdSec: nowSec, updatedSec: nowSec,
    };
    while (this.affiliateByCode(rec.code)) rec.code += "X";
    this.affiliates.push(rec);
    inv.acceptedSec = nowSec;
    inv.affiliateIndex = index;
    return rec;
  }

  affiliateOfSale(i: number): AffiliateRecord | null {
    const a = this.arrays.affiliate[i];
    return a === NONE ? null : this.affiliates[a] ?? null;
  }
}
