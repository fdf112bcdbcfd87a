// The Sales export writes its records straight to text (lib/sales/export-sales.ts saleExportRecords). Its
// bytes must be those the export wrote before, when each row became cells for formatCsvRecords: this file
// keeps that earlier row builder, as it was, and compares both over thousands of random rows — every
// currency exponent, every status, nulls and empty strings, quotes, both delimiters, CR/LF, formula
// starts, non-ASCII, numbers where text is stored, odd and non-canonical instants — in both presets,
// several zones, with all columns and with a role's financial columns left out.
import { describe, expect, it } from "vitest";
import { decimalCell, instantCell, moneyCell, type CsvCell } from "@/lib/csv/cells";
import { formatCsvRecords } from "@/lib/csv/csv-stream";
import type { CsvPreset } from "@/lib/csv/presets";
import { paymentMethodShown } from "@/lib/mirror";
import { FINANCIAL_SALE_EXPORT_COLUMNS } from "@/lib/sales/financial-fields";
import { SALE_EXPORT_COLUMNS, SALE_EXPORT_READ, saleExportRecords } from "@/lib/sales/export-sales";
import { saleNet } from "@/lib/settlements/net";
import { rng, type Rng } from "@/tests/factories/rng";

type Read = (typeof SALE_EXPORT_READ)[number];
const AT = Object.fromEntries(SALE_EXPORT_READ.map((c, i) => [c, i])) as Record<Read, number>;
const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** The export's row builder before records were written as text (main at b796434), unchanged. */
function earlierSaleExportRow(v: unknown[], preset: CsvPreset, timeZone: string): CsvCell[] {
  const currency = text(v[AT.currency]);
  const settlementCurrency = text(v[AT.settlement_currency]) ?? currency;
  const settlementNet = saleNet({ currency, settlementNet: num(v[AT.settlement_net]), settlementCurrency })?.minor ?? null;
  const serviceFee = num(v[AT.service_fee]);
  return [
    text(v[AT.id]),
    instantCell(text(v[AT.created_at]), timeZone),
    text(v[AT.status]),
    text(v[AT.payment_status]),
    text(v[AT.customer_id]),
    text(v[AT.customer_name]),
    text(v[AT.customer_email]),
    text(v[AT.product_id]),
    text(v[AT.product_name]),
    text(v[AT.channel]),
    currency,
    moneyCell(num(v[AT.original_amount]), currency, preset),
    moneyCell(num(v[AT.discount_amount]), currency, preset),
    moneyCell(num(v[AT.amount]), currency, preset),
    moneyCell(num(v[AT.gateway_fee]), text(v[AT.gateway_fee_currency]) ?? currency, preset),
    moneyCell(serviceFee, settlementCurrency, preset),
    moneyCell(settlementNet, settlementCurrency, preset),
    settlementNet === null && serviceFee === null ? null : settlementCurrency,
    instantCell(text(v[AT.completed_at]), timeZone),
    instantCell(text(v[AT.settlement_due_at]), timeZone),
    instantCell(text(v[AT.settlement_done_at]), timeZone),
    text(v[AT.discount_code]),
    text(v[AT.campaign_name]),
    text(v[AT.shipping_country]) ?? text(v[AT.context_country]),
    text(v[AT.payment_gateway]),
    paymentMethodShown({ payment_method_id: text(v[AT.payment_method_id]), payment_method_name: text(v[AT.payment_method_name]) }),
    text(v[AT.payment_transaction_id]),
    decimalCell(num(v[AT.exchange_rate]), preset),
    text(v[AT.failure_code]),
    text(v[AT.failure_message]),
    text(v[AT.store_affiliate_code]),
  ];
}

const CURRENCIES = ["XOF", "XAF", "EUR", "USD", "GBP", "NGN", "GHS", "JPY", "KWD", "BHD", "TND", "CLF", "GNF", "xof", "", "ZZZ"];
const STATUSES = ["completed", "settled", "failed", "abandoned", "awaiting_payment", "refunded", "pending"];
const ODD_TEXT = ["", " ", "plain", "a,b", "a;b", 'say "hi"', '"', "l1\nl2", "l1\r\nl2", "\r", "=1+1", "+33 6", "-5", "@SUM(A1)", "\tTAB", "\rCR", "Élodie Ködé", "名前", "emoji 🎉", "x'y", "'=already", "ends,", ";starts", "trailing ", "0", "00123"];
const INSTANTS = ["2026-03-29T00:59:59.999Z", "2026-03-29T01:00:00.000Z", "2026-10-25T00:30:00.000Z", "2024-02-29T23:59:59.999Z", "2025-12-31T23:00:00.000Z", "2026-03-29T01:30:00Z", "2026-03-29T03:30:00+02:00", "2026-03-29T01:30:00.123456Z", "2026-02-30T10:00:00.000Z", "not a date", ""];

function randomInstant(r: Rng): string | null {
  if (r.maybe(0.2)) return null;
  if (r.maybe(0.25)) return r.pick(INSTANTS);
  return new Date(Date.UTC(2019, 0, 1) + Math.floor(r.next() * 8 * 365 * 86_400_000)).toISOString();
}

function randomText(r: Rng, usual: () => string): string | number | null {
  if (r.maybe(0.15)) return null;
  if (r.maybe(0.2)) return r.pick(ODD_TEXT);
  if (r.maybe(0.03)) return Math.floor(r.next() * 1000); // a number where text is stored
  return usual();
}

function randomAmount(r: Rng): number | null {
  if (r.maybe(0.15)) return null;
  return r.pick([0, 1, 5, 99, 100, 4900, 7920, 123456789, -250, -5, Number.MAX_SAFE_INTEGER, Math.floor(r.next() * 1e7)]);
}

function randomRow(r: Rng): unknown[] {
  const currency = r.maybe(0.05) ? null : r.pick(CURRENCIES);
  const values: Record<Read, unknown> = {
    id: randomText(r, () => `s_${Math.floor(r.next() * 1e9).toString(36)}`),
    created_at: randomInstant(r),
    status: r.maybe(0.1) ? r.pick(ODD_TEXT) : r.pick(STATUSES),
    payment_status: r.maybe(0.3) ? null : r.pick(["paid", "failed", "pending", "=HYPERLINK()"]),
    customer_id: randomText(r, () => `c_${Math.floor(r.next() * 1e6)}`),
    customer_name: randomText(r, () => r.pick(["Ama Mensah", "Kofi, Jr.", 'Awa "Queen" Diop', "Jean-Luc; Paris"])),
    customer_email: randomText(r, () => `buyer${Math.floor(r.next() * 1e5)}@example.com`),
    product_id: randomText(r, () => `p_${Math.floor(r.next() * 100)}`),
    product_name: randomText(r, () => r.pick(["Ebook", "Cours, niveau 1", "Pack\n2 fichiers", "Formation « Excel »"])),
    channel: r.maybe(0.3) ? null : r.pick(["store", "checkout", "api", "-link"]),
    currency,
    original_amount: randomAmount(r),
    discount_amount: randomAmount(r),
    amount: randomAmount(r),
    gateway_fee: randomAmount(r),
    gateway_fee_currency: r.maybe(0.5) ? null : r.pick(CURRENCIES),
    service_fee: randomAmount(r),
    settlement_net: randomAmount(r),
    settlement_currency: r.maybe(0.5) ? null : r.pick(CURRENCIES),
    completed_at: randomInstant(r),
    settlement_due_at: randomInstant(r),
    settlement_done_at: randomInstant(r),
    discount_code: randomText(r, () => r.pick(["PROMO10", "-50%", "=CODE"])),
    campaign_name: randomText(r, () => r.pick(["Tabaski", "Black; Friday", "Noël \"2025\""])),
    shipping_country: r.maybe(0.6) ? null : r.pick(["CI", "SN", "FR", ""]),
    context_country: r.maybe(0.3) ? null : r.pick(["CI", "BJ", "+CM"]),
    payment_gateway: randomText(r, () => r.pick(["cinetpay", "paystack", "stripe"])),
    payment_method_id: r.maybe(0.4) ? null : r.pick(["wave", "orange_money", "card", ""]),
    payment_method_name: r.maybe(0.5) ? null : r.pick(["Wave", "Orange Money", "Carte, bancaire", "@pay"]),
    payment_transaction_id: randomText(r, () => `tx-${Math.floor(r.next() * 1e9)}`),
    exchange_rate: r.maybe(0.3) ? null : r.pick([1, 655.957, 0.00152, 1e-7, 1e21, 100, -1, Number.NaN, Number.POSITIVE_INFINITY, 0.1 + 0.2]),
    failure_code: randomText(r, () => r.pick(["insufficient_funds", "timeout"])),
    failure_message: randomText(r, () => r.pick(["Solde insuffisant", 'Refusé: "code 51"', "line1\nline2"])),
    store_affiliate_code: randomText(r, () => r.pick(["AFF1", "=aff"])),
  };
  return SALE_EXPORT_READ.map((c) => values[c]);
}

const WITHOUT_FINANCIALS = SALE_EXPORT_COLUMNS.flatMap((c, i) => (FINANCIAL_SALE_EXPORT_COLUMNS.has(c) ? [] : [i]));

describe("Sales export records", () => {
  for (const preset of ["excel-fr", "standard"] as const) {
    for (const timeZone of ["Europe/Paris", "UTC", "Africa/Abidjan", "Asia/Kathmandu", "America/New_York"]) {
      it(`are the bytes of the earlier cells + formatCsvRecords (${preset}, ${timeZone}), all columns and without the financial ones`, () => {
        const r = rng(preset.length * 131 + timeZone.length);
        const rows = Array.from({ length: 3000 }, () => randomRow(r));
        const cells = rows.map((v) => earlierSaleExportRow(v, preset, timeZone));
        expect(saleExportRecords(rows, preset, timeZone)).toBe(formatCsvRecords(cells, preset));
        expect(saleExportRecords(rows, preset, timeZone, WITHOUT_FINANCIALS)).toBe(formatCsvRecords(cells.map((c) => WITHOUT_FINANCIALS.map((i) => c[i])), preset));
      });
    }
  }

  it("write one record per row, each ending in CRLF, with one field per column", () => {
    const rows = [randomRow(rng(3)), randomRow(rng(4))].map((v) => v.map((x) => (typeof x === "string" ? x.replace(/[\r\n";,]/g, "") : x)));
    const text = saleExportRecords(rows, "standard", "UTC");
    const records = text.split("\r\n");
    expect(records).toHaveLength(3);
    expect(records[2]).toBe("");
    for (const record of records.slice(0, 2)) expect(record.split(",")).toHaveLength(SALE_EXPORT_COLUMNS.length);
  });
});
