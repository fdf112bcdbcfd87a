// Choices for the Sales filters (products, discount codes, campaigns, currencies, countries), read from
// the catalogue tables and the monthly rollups — small tables, never a scan of the sales.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";

export type SalesFilterOptions = {
  products: { id: string; name: string | null }[];
  discounts: string[];
  campaigns: { id: string; name: string | null }[];
  currencies: string[];
  countries: string[];
};

export async function salesFilterOptions(db: Kysely<Database>): Promise<SalesFilterOptions> {
  const [products, discounts, campaigns, currencies, countries] = await Promise.all([
    db.selectFrom("products").select(["id", "name"]).orderBy("name").limit(500).execute(),
    db.selectFrom("discounts").select("code").where("code", "is not", null).orderBy("code").limit(500).execute(),
    db.selectFrom("campaigns").select(["id", "name"]).orderBy("name").limit(500).execute(),
    db.selectFrom("sales_rollup_monthly").select("currency").distinct().where("dimension", "=", "all").orderBy("currency").execute(),
    db.selectFrom("sales_rollup_monthly").select("dimension_value").distinct().where("dimension", "=", "country").orderBy("dimension_value").execute(),
  ]);
  return {
    products,
    discounts: discounts.map((d) => d.code!).filter(Boolean),
    campaigns,
    currencies: currencies.map((c) => c.currency),
    countries: countries.map((c) => c.dimension_value).filter((c) => /^[A-Z]{2}$/.test(c)),
  };
}
