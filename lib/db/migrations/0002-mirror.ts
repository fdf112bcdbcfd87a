// Migration 0002: the local mirror of the store (DESIGN §2 "Mirror", issue 4): sales normalised into
// columns, the catalogue seen through them, affiliates, invitations, licences, and the daily rollups.
// Money = integer minor units (+ currency); instants = ISO UTC text; unknown = NULL, never 0.
import "server-only";
import { sql, type CreateTableBuilder, type Kysely } from "kysely";
import { clusteredByPrimaryKey, moneyColumnType, type Engine } from "../engine-sql";

type Kind = "text" | "money" | "int" | "real";

// The sales columns in one list, so the migration reads like the Sale object (chariow-api.md §5).
const SALE_COLUMNS: ReadonlyArray<readonly [string, Kind]> = [
  ["status", "text"],
  ["payment_status", "text"],
  ["channel", "text"], // detail and never Pulse (§5, §8)
  ["currency", "text"],
  ["original_amount", "money"],
  ["amount", "money"],
  ["discount_amount", "money"],
  ["payment_amount", "money"],
  ["payment_currency", "text"],
  ["exchange_rate", "real"],
  ["gateway_fee", "money"], // payment.fee: detail only
  ["gateway_fee_currency", "text"],
  ["fee_rate_percent", "real"],
  ["service_fee", "money"], // settlement.service_fee: detail or Pulse
  ["settlement_net", "money"], // settlement.amount: what the merchant receives
  ["settlement_currency", "text"],
  ["settlement_due_at", "text"],
  ["settlement_done_at", "text"],
  ["payment_gateway", "text"],
  ["payment_method_id", "text"],
  ["payment_method_name", "text"],
  ["payment_transaction_id", "text"],
  ["failure_code", "text"],
  ["failure_message", "text"],
  ["product_id", "text"],
  ["product_name", "text"],
  ["product_type", "text"],
  ["customer_id", "text"],
  ["customer_email", "text"], // lower-cased: the sales filter and recovery match on it
  ["customer_name", "text"],
  ["discount_id", "text"],
  ["discount_code", "text"],
  ["discount_type", "text"],
  ["campaign_id", "text"],
  ["campaign_name", "text"],
  ["store_affiliate_id", "text"],
  ["store_affiliate_code", "text"],
  ["affiliate_commission", "money"],
  ["affiliate_commission_currency", "text"],
  ["shipping_address", "text"],
  ["shipping_city", "text"],
  ["shipping_state", "text"],
  ["shipping_zip", "text"],
  ["shipping_country", "text"],
  ["context_country", "text"],
  ["context_device", "text"],
  ["context_locale", "text"],
  ["download_total", "int"],
  ["download_last_at", "text"],
  ["rating_value", "real"],
  ["rating_comment", "text"],
  ["created_at", "text"],
  ["updated_at", "text"],
  ["completed_at", "text"],
  ["failed_at", "text"],
  ["abandoned_at", "text"],
  ["awaiting_payment_at", "text"],
  ["settled", "int"], // 0/1 on both engines: status settled or settlement done
  ["local_day", "text"], // created_at's day in the store timezone
  ["paid_local_day", "text"], // completed_at's day in the store timezone
  ["checkout_url", "text"], // recovery link, Pulses only (§8)
  ["raw_json", "text"], // latest payload, download URLs stripped (§5: they are signed and expire)
  ["source", "text"], // list | detail | pulse: which read last changed the row
  ["source_at", "text"],
  ["detail_at", "text"], // when GET /sales/{id} was last applied
];

const NOT_NULL = new Set(["status", "settled", "source", "source_at"]);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
function addColumns<T extends string>(table: CreateTableBuilder<T, any>, columns: ReadonlyArray<readonly [string, Kind]>, engine: Engine) {
  let t = table;
  for (const [name, kind] of columns) {
    const type = kind === "money" ? moneyColumnType(engine) : kind === "int" ? "integer" : kind === "real" ? "double precision" : "text";
    t = NOT_NULL.has(name) ? t.addColumn(name, type, (c) => c.notNull()) : t.addColumn(name, type);
  }
  return t;
}

const ROLLUP_SUMS = ["count", "original_amount", "amount", "discount_amount", "gateway_fee", "gateway_fee_known_count", "service_fee", "settlement_net", "settlement_known_count"];

// Migrations must not depend on today's schema types, hence Kysely<any>.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  await addColumns(db.schema.createTable("sales").addColumn("id", "text", (c) => c.primaryKey()), SALE_COLUMNS, engine).execute();
  // Every secondary index costs each of the million list inserts a B-tree write (bench/README.md
  // "Mirror ingest"), so only the sales table's filters get one. Date ranges use created_at bounds
  // from lib/time's startOfLocalDay (not local_day); charts read the rollups, not these.
  const index = (name: string, columns: string[]) => db.schema.createIndex(`sales_${name}_idx`).on("sales").columns(columns);
  await index("created", ["created_at"]).execute();
  await index("status_created", ["status", "created_at"]).execute();
  await index("customer", ["customer_id", "created_at"]).execute();
  // No customer_email index: an exact email resolves through customers_email_idx to the customer id.
  await index("product", ["product_id", "created_at"]).execute();
  // Partial: enrichment picks never-detailed sales newest first (lib/mirror/list-sale-ids.ts); a row
  // leaves this index once detailed. Due payouts are known only from details and Pulses, so list
  // inserts never touch the settlement index.
  await index("never_detailed", ["status", "created_at"]).where(sql.ref("detail_at"), "is", null).execute();
  await index("settlement_due", ["settlement_due_at"]).where(sql.ref("settlement_due_at"), "is not", null).execute();

  const entity = (name: string) => db.schema.createTable(name).addColumn("id", "text", (c) => c.primaryKey());
  await entity("customers").addColumn("email", "text").addColumn("name", "text").addColumn("first_seen_at", "text").addColumn("updated_at", "text").execute();
  await db.schema.createIndex("customers_email_idx").on("customers").column("email").execute();
  await entity("products").addColumn("name", "text").addColumn("type", "text").addColumn("updated_at", "text").execute();
  await entity("discounts").addColumn("code", "text").addColumn("type", "text").addColumn("updated_at", "text").execute();
  await entity("campaigns").addColumn("name", "text").addColumn("updated_at", "text").execute();

  // No list endpoint exists (§6): affiliates are learnt from lookups, Pulses and affiliate-channel sales.
  // Keyed by referral code when known (what lookups and sales share), else by the store-affiliate id.
  await db.schema
    .createTable("affiliates")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("code", "text")
    .addColumn("id", "text")
    .addColumn("account_id", "text")
    .addColumn("status", "text")
    .addColumn("name", "text")
    .addColumn("email", "text")
    .addColumn("source", "text", (c) => c.notNull()) // lookup | pulse | sale: the last writer
    .addColumn("commission_rate_percent", "double precision")
    .addColumn("joined_at", "text")
    .addColumn("total_visits", "integer")
    .addColumn("total_sales", "integer")
    .addColumn("total_earnings", moneyColumnType(engine))
    .addColumn("total_earnings_currency", "text")
    .addColumn("first_seen_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("affiliates_id_idx").on("affiliates").column("id").execute();

  await db.schema
    .createTable("affiliate_invitations")
    .addColumn("id", "text", (c) => c.primaryKey()) // affinv_… or, for skipped emails, "skipped:<email>"
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("status", "text")
    .addColumn("result", "text", (c) => c.notNull()) // sent | already_affiliate | already_invited
    .addColumn("expires_at", "text")
    .addColumn("created_at", "text")
    .addColumn("sent_by", "text")
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("affiliate_invitations_email_idx").on("affiliate_invitations").column("email").execute();

  await db.schema
    .createTable("sale_licences")
    .addColumn("sale_id", "text", (c) => c.notNull())
    .addColumn("licence_id", "text", (c) => c.notNull())
    .addColumn("licence_key", "text")
    .addColumn("status", "text")
    .addColumn("activations", "integer")
    .addColumn("max_activations", "integer")
    .addColumn("expires_at", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("sale_licences_pk", ["sale_id", "licence_id"])
    .execute();
  await db.schema.createIndex("sale_licences_licence_idx").on("sale_licences").column("licence_id").execute();

  // Charts read these instead of rescanning sales; maintained by delta in the same transaction as the
  // sale write (lib/mirror/rollups.ts). dimension "all" has value ""; a missing value is "unknown".
  let rollup = db.schema
    .createTable("sales_rollup_daily")
    .addColumn("local_day", "text", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("dimension", "text", (c) => c.notNull())
    .addColumn("dimension_value", "text", (c) => c.notNull());
  for (const name of ROLLUP_SUMS) rollup = rollup.addColumn(name, name.endsWith("count") ? "integer" : moneyColumnType(engine), (c) => c.notNull().defaultTo(0));
  await clusteredByPrimaryKey(rollup.addPrimaryKeyConstraint("sales_rollup_daily_pk", ["dimension", "local_day", "currency", "status", "dimension_value"]), engine).execute();
}
