// The Sales CSV of a small hand-built store, byte for byte, on both engines: the expected file is written
// out here by hand from the export rules (docs/export.md) — BOM, `;` and decimal comma, instants in Paris
// on both sides of its summer-time changes, quotes, a formula-looking code and name, a newline in a
// message, a sale without created_at after the others — not produced by the code under test.
import { expect, it } from "vitest";
import type { Insertable } from "kysely";
import type { SalesTable } from "@/lib/db";
import { exportSalesCsv, SALE_EXPORT_COLUMNS, type SaleExportColumn } from "@/lib/sales/export-sales";
import { salesViewSchema } from "@/lib/sales/schemas";
import { describeEachEngine } from "../db/engines";

const LABELS = Object.fromEntries(SALE_EXPORT_COLUMNS.map((c) => [c, `col:${c}`])) as Record<SaleExportColumn, string>;
const NOW = "2026-06-01T00:00:00.000Z";

const sale = (s: Partial<Insertable<SalesTable>> & { id: string; status: string }): Insertable<SalesTable> => ({ settled: 0, source: "list", source_at: NOW, ...s });

const SALES = [
  sale({
    id: "s_1",
    created_at: "2026-03-29T01:30:00.250Z",
    status: "completed",
    payment_status: "paid",
    customer_id: "c_1",
    customer_name: 'Awa "Queen" Diop',
    customer_email: "awa@example.com",
    product_id: "p_1",
    product_name: "Cours, niveau 1",
    channel: "store",
    currency: "XOF",
    original_amount: 4900,
    discount_amount: 0,
    amount: 4900,
    gateway_fee: 147,
    service_fee: 245,
    settlement_net: 4508,
    completed_at: "2026-03-29T00:59:59.999Z",
    settlement_due_at: "2026-10-25T00:30:00.000Z",
    discount_code: "=CODE",
    campaign_name: "Black; Friday",
    context_country: "CI",
    payment_gateway: "cinetpay",
    payment_method_id: "wave",
    payment_transaction_id: "tx-1",
    exchange_rate: 1,
  }),
  sale({
    id: "s_2",
    created_at: "2026-01-15T10:30:00.000Z",
    status: "failed",
    payment_status: "failed",
    customer_id: "c_2",
    customer_name: "Kofi, Jr.",
    customer_email: "kofi@example.com",
    product_id: "p_2",
    product_name: "Ebook",
    channel: "checkout",
    currency: "EUR",
    original_amount: 9900,
    discount_amount: 1980,
    amount: 7920,
    shipping_country: "SN",
    context_country: "CI",
    payment_gateway: "paystack",
    payment_method_id: "card",
    payment_method_name: "Carte, bancaire",
    payment_transaction_id: "tx-2",
    exchange_rate: 655.957,
    failure_code: "insufficient_funds",
    failure_message: "line1\nline2",
  }),
  sale({ id: "s_3", created_at: null, status: "awaiting_payment", customer_id: "c_3", customer_name: "-5", currency: "USD" }),
];

const HEADER = SALE_EXPORT_COLUMNS.map((c) => (["createdAt", "completedAt", "settlementDueAt", "settlementDoneAt"].includes(c) ? `col:${c} (Europe/Paris)` : `col:${c}`)).join(";");
const EXPECTED =
  "\uFEFF" +
  [
    HEADER,
    `s_1;2026-03-29T03:30:00.250+02:00;completed;paid;c_1;"Awa ""Queen"" Diop";awa@example.com;p_1;Cours, niveau 1;store;XOF;4900;0;4900;147;245;4508;XOF;2026-03-29T01:59:59.999+01:00;2026-10-25T02:30:00.000+02:00;;'=CODE;"Black; Friday";CI;cinetpay;wave;tx-1;1;;;`,
    `s_2;2026-01-15T11:30:00.000+01:00;failed;failed;c_2;Kofi, Jr.;kofi@example.com;p_2;Ebook;checkout;EUR;99,00;19,80;79,20${";".repeat(10)}SN;paystack;Carte, bancaire;tx-2;655,957;insufficient_funds;"line1\nline2";`,
    `s_3;;awaiting_payment;;c_3;'-5;;;;;USD${";".repeat(20)}`,
  ]
    .map((line) => `${line}\r\n`)
    .join("");

describeEachEngine("Sales CSV bytes of a hand-built store", ({ engine, db }) => {
  it("are exactly the file written out by hand", async () => {
    await db().db.insertInto("sales").values(SALES).execute();
    const res = exportSalesCsv(db().db, { filters: salesViewSchema.parse({}), preset: "excel-fr", timeZone: "Europe/Paris", labels: LABELS, actor: null }, { engine, timeZone: "Africa/Abidjan" });
    expect(Buffer.from(await res.arrayBuffer()).toString("utf8")).toBe(EXPECTED);
    const audit = await db().db.selectFrom("audit_log").select("details").where("action", "=", "sales.export").executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details!)).toMatchObject({ rows: 3, completed: true });
  });
});
