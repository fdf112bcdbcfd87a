// A seeded store for the Sales tests: a few hundred sales with varied currencies, statuses, products,
// channels, codes, countries, customers (accented, apostrophes, LIKE wildcards in names) and dates,
// written through the mirror's real write path. The facts stay in memory so each test computes its
// expected answer from them, independently of the SQL under test.
import type { Kysely } from "kysely";
import type { Sale } from "@/lib/chariow";
import type { Database } from "@/lib/db";
import { upsertSales } from "@/lib/mirror";
import { saleDetail, type SaleFacts } from "../../factories/sales";

export type Fact = Required<Pick<SaleFacts, "id" | "status" | "currency" | "originalMinor" | "discountMinor" | "productId" | "customerId" | "email">> & {
  createdAt: string | null;
  name: string;
  channel: NonNullable<Sale["channel"]>;
  discountCode: string | null;
  country: string;
  campaignId: string | null;
};

const CUSTOMERS = [
  { id: "cus_awa", email: "awa.diallo@example.com", name: "Awa Diallo" },
  { id: "cus_elo", email: "eloise@example.fr", name: "Éloïse Koné" },
  { id: "cus_obr", email: "sean@example.ie", name: "Seán O'Brien" },
  { id: "cus_pct", email: "promo100@example.com", name: "100%_Promo" },
  { id: "cus_arb", email: "m.amine@example.ma", name: "محمد الأمين" },
  { id: "cus_kof", email: "kofi@example.gh", name: "Kofi Mensah" },
];
const STATUSES = ["completed", "settled", "failed", "abandoned", "awaiting_payment"] as const;
const CURRENCIES = [
  { code: "XOF", prices: [2500, 4900, 15000, 100000] },
  { code: "EUR", prices: [990, 2500, 4900, 12000] },
  { code: "USD", prices: [500, 1999, 7920, 25000] },
];
const CHANNELS = ["store", "affiliate", "discover", "widget", "api"] as const;
const COUNTRIES = ["CI", "SN", "FR", "US", "BJ"];

/** Deterministic PRNG (mulberry32): the same world every run. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function buildFacts(count: number, seed = 7): Fact[] {
  const rand = prng(seed);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const start = Date.parse("2026-01-01T00:00:00Z");
  const facts: Fact[] = [];
  for (let i = 0; i < count; i++) {
    const customer = pick(CUSTOMERS);
    const currency = pick(CURRENCIES);
    const original = pick(currency.prices);
    const discountCode = rand() < 0.3 ? pick(["WELCOME10", "VIP20"]) : null;
    const discount = discountCode === "WELCOME10" ? Math.floor(original / 10) : discountCode === "VIP20" ? Math.floor(original / 5) : 0;
    // Half-hour steps cross local midnights in every timezone; a few sales have no created_at (§5).
    const createdAt = i % 53 === 17 ? null : new Date(start + Math.floor(rand() * 60 * 48) * 30 * 60_000).toISOString();
    facts.push({
      id: `sal_${String(i).padStart(4, "0")}${pick(["a", "b", "c"])}`,
      status: pick(STATUSES),
      currency: currency.code,
      originalMinor: original,
      discountMinor: discount,
      productId: pick(["prd_course", "prd_ebook", "prd_licence"]),
      customerId: customer.id,
      email: customer.email,
      name: customer.name,
      createdAt,
      channel: pick(CHANNELS),
      discountCode,
      country: pick(COUNTRIES),
      campaignId: rand() < 0.2 ? "cmp_launch" : null,
    });
  }
  return facts;
}

export function toSale(f: Fact): Sale {
  const sale = saleDetail({ ...f, createdAt: f.createdAt, country: f.country, completedAt: f.status === "completed" || f.status === "settled" ? f.createdAt : null });
  return { ...sale, channel: f.channel, customer: { id: f.customerId, email: f.email, name: f.name } };
}

export async function seedWorld(db: Kysely<Database>, facts: Fact[], timeZone = "UTC"): Promise<void> {
  for (let i = 0; i < facts.length; i += 100) {
    await upsertSales(db, facts.slice(i, i + 100).map(toSale), { source: "detail", receivedAt: "2026-06-01T00:00:00.000Z", timeZone });
  }
}

export const PAID = new Set(["completed", "settled"]);
export const amountOf = (f: Fact) => f.originalMinor - f.discountMinor;
