// Migration 0031: "charged but sale failed" case files (issue 20, docs/payments.md "Case files"). A customer
// says the operator debited them while Chariow failed the sale; the merchant opens a case from that sale,
// sends its summary to Chariow's support and follows it to resolution. The sale's facts the summary needs
// are copied at opening (`sale_*`, `product_name`, `customer_*`, `payment_*`, `failure_code`), so the case
// still says what support was told when the mirror row changes later. Money in minor units with its
// currency; instants UTC ISO; `debited_on` / `debited_time` are the customer's day and clock time as their
// SMS shows them, in the store's time zone. `store_id` ('store' today) so several stores can share a
// dashboard later.
import "server-only";
import { sql, type Kysely } from "kysely";
import { moneyColumnType, type Engine } from "../engine-sql";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const money = moneyColumnType(engine);
  await db.schema
    .createTable("payment_cases")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("store_id", "text", (c) => c.notNull().defaultTo("store"))
    .addColumn("sale_id", "text", (c) => c.notNull())
    .addColumn("sale_amount", money)
    .addColumn("sale_currency", "text")
    .addColumn("product_name", "text")
    .addColumn("sale_created_at", "text")
    .addColumn("sale_failed_at", "text")
    .addColumn("payment_method", "text")
    .addColumn("payment_gateway", "text")
    .addColumn("transaction_id", "text")
    .addColumn("failure_code", "text")
    .addColumn("customer_email", "text")
    .addColumn("customer_name", "text")
    .addColumn("operator_reference", "text")
    .addColumn("sms_text", "text")
    .addColumn("amount_debited", money, (c) => c.notNull())
    .addColumn("debited_currency", "text", (c) => c.notNull())
    .addColumn("debited_on", "text", (c) => c.notNull())
    .addColumn("debited_time", "text")
    .addColumn("note", "text")
    // open | sent | resolved (lib/payment-cases/schemas.ts)
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("opened_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addColumn("resolved_at", "text")
    .execute();
  await db.schema.createIndex("payment_cases_status_updated").on("payment_cases").columns(["store_id", "status", "updated_at"]).execute();
  await db.schema.createIndex("payment_cases_sale").on("payment_cases").columns(["sale_id"]).execute();
  // At most one case not resolved per sale, even when two members open one at the same moment: the
  // service checks first (to answer 409 with the existing case), this index is what makes it true.
  await db.schema
    .createIndex("payment_cases_one_unresolved")
    .on("payment_cases")
    .columns(["store_id", "sale_id"])
    .unique()
    .where(sql.ref("status"), "<>", "resolved")
    .execute();
}
