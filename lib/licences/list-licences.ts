// The licences view over the mirror (issue 9): one row per licence with its product and customer (the
// licence's own, else its sale's), filtered by status, product, "expiring within N days" and a search,
// sorted and paged in SQL (issue 15). Keys leave this module masked; only reveal-licence.ts and a
// keys-in-clear export read them.
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { UNKNOWN_SALE } from "@/lib/mirror";
import { maskLicenceKey, type LicenceSortColumn, type LicencesList, type LicencesQuery } from "./schemas";

export interface LicenceRow {
  licenceId: string;
  /** null: no payload has named the sale yet. */
  saleId: string | null;
  maskedKey: string | null;
  status: string | null;
  activations: number | null;
  maxActivations: number | null;
  expiresAt: string | null;
  productId: string | null;
  productName: string | null;
  customerName: string | null;
  customerEmail: string | null;
}

const DAY_MS = 86_400_000;

const productName = sql<string | null>`coalesce(l.product_name, s.product_name)`;
const customerName = sql<string | null>`coalesce(l.customer_name, s.customer_name)`;
const customerEmail = sql<string | null>`coalesce(l.customer_email, s.customer_email)`;

/** What each sortable column sorts by; the one the page shows (a product or customer without a name sorts by its id or e-mail). */
const SORT_EXPRESSIONS: Record<LicenceSortColumn, ReturnType<typeof sql>> = {
  expires_at: sql`l.expires_at`,
  status: sql`l.status`,
  product: sql`lower(coalesce(l.product_name, s.product_name, l.product_id, s.product_id))`,
  customer: sql`lower(coalesce(l.customer_name, s.customer_name, l.customer_email, s.customer_email))`,
  activations: sql`l.activations`,
};

/** `%text%` for LIKE with `\` as the escape character, so a `_` in a sale reference matches itself. */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The filters on the licence's own columns (status, expiry window): no join to the sale needed. */
function ownConditions(q: LicencesQuery, now: Date) {
  const conditions = [];
  if (q.status) conditions.push(sql<boolean>`l.status = ${q.status}`);
  if (q.expiringWithinDays !== undefined) {
    // Mirror timestamps are normalised ISO UTC strings (lib/chariow parseTimestamp), so they compare as text.
    const until = new Date(now.getTime() + q.expiringWithinDays * DAY_MS).toISOString();
    conditions.push(sql<boolean>`(l.expires_at >= ${now.toISOString()} and l.expires_at <= ${until} and l.status not in ('revoked', 'expired'))`);
  }
  return conditions;
}

/** The filtered licences, in no order, with their key in clear. */
function filteredLicences(db: Kysely<Database>, q: LicencesQuery, now: Date) {
  let query = db
    .selectFrom("sale_licences as l")
    .leftJoin("sales as s", "s.id", "l.sale_id")
    .select([
      "l.licence_id as licenceId",
      "l.sale_id as saleId",
      "l.licence_key as key",
      "l.status",
      "l.activations",
      "l.max_activations as maxActivations",
      "l.expires_at as expiresAt",
      sql<string | null>`coalesce(l.product_id, s.product_id)`.as("productId"),
      productName.as("productName"),
      customerName.as("customerName"),
      customerEmail.as("customerEmail"),
    ]);
  for (const condition of ownConditions(q, now)) query = query.where(condition);
  if (q.product) query = query.where(sql<boolean>`coalesce(l.product_id, s.product_id) = ${q.product}`);
  if (q.q) {
    const pattern = containsPattern(q.q);
    query = query.where(
      sql<boolean>`(lower(coalesce(${customerName}, '')) like ${pattern} escape '\\' or lower(coalesce(${customerEmail}, '')) like ${pattern} escape '\\' or lower(l.sale_id) like ${pattern} escape '\\')`,
    );
  }
  return query;
}

/** The filtered licences in `sort` order (unknown values last in both directions, then the licence id, so pages never overlap). */
function sortedLicences(db: Kysely<Database>, q: LicencesQuery, now: Date, sort: { column: LicenceSortColumn; dir: "asc" | "desc" }) {
  const by = SORT_EXPRESSIONS[sort.column];
  return filteredLicences(db, q, now).orderBy(sql`case when ${by} is null then 1 else 0 end`).orderBy(sql`${by} ${sql.raw(sort.dir)}`).orderBy("l.licence_id");
}

/** The filtered licences, soonest expiry first (the ones to act on), no expiry last, with their key in clear: the export's order. */
export function licencesQuery(db: Kysely<Database>, q: LicencesQuery, now: Date) {
  return sortedLicences(db, q, now, { column: "expires_at", dir: "asc" });
}

export type LicencesPage = { rows: LicenceRow[]; total: number; page: number; size: number; hasMore: boolean };

/** One page of the filtered licences (LIMIT size + 1 says whether another follows) and how many match in all. */
export async function listLicences(db: Kysely<Database>, q: LicencesList, opts: { now?: Date } = {}): Promise<LicencesPage> {
  const now = opts.now ?? new Date();
  const [rows, count] = await Promise.all([
    sortedLicences(db, q, now, { column: q.sort, dir: q.dir })
      .limit(q.size + 1)
      .offset((q.page - 1) * q.size)
      .execute(),
    countLicences(db, q, now),
  ]);
  return {
    rows: rows.slice(0, q.size).map(({ key, saleId, ...r }) => ({ ...r, saleId: saleId === UNKNOWN_SALE ? null : saleId, maskedKey: maskLicenceKey(key) })),
    total: Number(count.n),
    page: q.page,
    size: q.size,
    hasMore: rows.length > q.size,
  };
}

/**
 * How many licences match. The join to the sale only completes a licence's product and customer (a sale
 * id is unique: it never adds or drops a licence), so without a product filter or a search the count
 * reads sale_licences alone instead of joining each of its rows.
 */
async function countLicences(db: Kysely<Database>, q: LicencesQuery, now: Date): Promise<{ n: number | string }> {
  if (q.product || q.q) return db.selectFrom(filteredLicences(db, q, now).as("f")).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  let query = db.selectFrom("sale_licences as l").select((eb) => eb.fn.countAll<number>().as("n"));
  for (const condition of ownConditions(q, now)) query = query.where(condition);
  return query.executeTakeFirstOrThrow();
}

/** Licences per status straight from the mirror (the page's summary, and what tests compare to the truth). */
export async function licenceCountsByStatus(db: Kysely<Database>): Promise<Record<string, number>> {
  const rows = await db.selectFrom("sale_licences").select(["status", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("status").execute();
  return Object.fromEntries(rows.map((r) => [r.status ?? "unknown", Number(r.n)]));
}

/**
 * The products that have licences, for the product filter. A licence that names its product (the licence
 * walk, migration 0010) is grouped from sale_licences_product_idx alone; only the few that do not are
 * completed from their sale (partial sale_licences_unnamed_idx, migration 0019) — the same groups and
 * names as joining every licence to its sale, without the million-row join.
 */
export async function licenceProducts(db: Kysely<Database>): Promise<{ id: string; name: string }[]> {
  const { rows } = await sql<{ id: string | null; name: string | null }>`
    select id, max(name) as name from (
      select l.product_id as id, max(l.product_name) as name from sale_licences l
      where l.product_id is not null and l.product_name is not null group by l.product_id
      union all
      select coalesce(l.product_id, s.product_id) as id, max(coalesce(l.product_name, s.product_name)) as name
      from sale_licences l left join sales s on s.id = l.sale_id
      where l.product_id is null or l.product_name is null group by coalesce(l.product_id, s.product_id)
    ) named group by id`.execute(db);
  return rows.flatMap((r) => (r.id ? [{ id: r.id, name: r.name ?? r.id }] : [])).sort((a, b) => a.name.localeCompare(b.name));
}
