// CSV export of the Payments view (issue 20): the method × country table for the range and currency — one
// row per method × country, unknown method or country kept as their own rows (never folded into a 0) —
// with codes beside their words, the rates as decimals (0.8125), money in the currency's units, the median
// pay time's bucket in seconds, the header in the member's language, and an audit entry.
import "server-only";
import type { Kysely } from "kysely";
import { recordAudit, type Actor } from "@/lib/audit";
import { decimalCell, moneyCell, type CsvCell } from "@/lib/csv/cells";
import { csvResponse, type CsvPreset } from "@/lib/csv/csv-stream";
import type { Database } from "@/lib/db";
import type { AnalyticsContext } from "@/lib/analytics/overview";
import { codeLabel, type CodesTranslator } from "@/lib/format/codes";
import { countryName } from "@/lib/format/display-names";
import type { Locale } from "@/lib/i18n/locales";
import { getPaymentsReport } from "./health";
import { UNKNOWN_KEY } from "./keys";
import type { PaymentRow, PaymentsQuery } from "./schemas";

export const PAYMENTS_EXPORT_COLUMNS = [
  "method", "methodName", "kind", "country", "countryName", "attempts", "paid", "failed", "successRate", "previousSuccessRate",
  "abandoned", "valueLost", "abandonedValue", "medianPayFrom", "medianPayTo", "currency",
] as const;
export type PaymentsExportColumn = (typeof PAYMENTS_EXPORT_COLUMNS)[number];

const ratio = (v: number | null) => (v === null ? null : Math.round(v * 10_000) / 10_000);

export function paymentsExportRow(r: PaymentRow, currency: string, preset: CsvPreset, words: { method: (m: string) => string; country: (c: string) => string }): CsvCell[] {
  return [
    r.method, r.method === UNKNOWN_KEY ? null : words.method(r.method), r.kind, r.country, r.country === UNKNOWN_KEY ? null : words.country(r.country),
    r.attempts, r.paid, r.failed, decimalCell(ratio(r.successRate), preset), decimalCell(ratio(r.previousSuccessRate), preset),
    r.abandoned, moneyCell(r.valueLost, currency, preset), moneyCell(r.abandonedValue, currency, preset),
    r.medianPay?.from ?? null, r.medianPay?.to ?? null, currency,
  ];
}

export async function exportPayments(
  db: Kysely<Database>,
  params: PaymentsQuery & { preset: CsvPreset },
  ctx: AnalyticsContext & { actor: Actor; labels: Record<PaymentsExportColumn, string>; codes: CodesTranslator; locale: Locale },
): Promise<Response> {
  const report = await getPaymentsReport(db, params, ctx);
  const currency = report.currency ?? params.currency ?? "";
  const words = { method: (m: string) => codeLabel(ctx.codes, "paymentMethod", m), country: (c: string) => countryName(c, ctx.locale) };
  const rows = report.hasSales ? report.rows.map((r) => paymentsExportRow(r, currency, params.preset, words)) : [];
  const { range } = report;
  const filter = { from: range.from, to: range.to, currency, timeZone: ctx.timeZone };
  return csvResponse(`payments-${currency || "none"}-${range.from}_${range.to}.csv`, PAYMENTS_EXPORT_COLUMNS.map((c) => ctx.labels[c]), rows, params.preset, {
    onEnd: ({ rowCount, completed }) => recordAudit(db, { actor: ctx.actor, action: "analytics.export", target: "payments", details: { filter, preset: params.preset, rows: rowCount, completed } }),
  });
}
