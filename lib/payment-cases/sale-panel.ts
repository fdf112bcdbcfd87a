// What a failed sale's page shows about its case (components/payment-cases/sale-case-panel.tsx): the case
// not resolved yet, how many were resolved, and the open form's defaults — the sale's amount and currency
// (the debit is usually the price), the day the sale failed in the store's zone (today at the latest).
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { toMajorString } from "@/lib/money";
import { localDay, today } from "@/lib/time";
import { casesOfSale } from "./cases";

type SaleFacts = { id: string; amounts: { paid: { minor: number; currency: string } | null; original: { minor: number; currency: string } | null }; payment: { amount: { minor: number; currency: string } | null }; times: { failedAt: string | null } };

export async function saleCasePanelProps(db: Kysely<Database>, sale: SaleFacts, opts: { canWrite: boolean; timeZone: string; now?: Date }) {
  const cases = await casesOfSale(db, sale.id);
  const open = cases.find((c) => c.status !== "resolved") ?? null;
  const price = sale.payment.amount ?? sale.amounts.paid ?? sale.amounts.original;
  // The payment's currency first: a mobile-money debit is in the operator's currency.
  const currencies = [...new Set([sale.payment.amount?.currency, sale.amounts.paid?.currency, sale.amounts.original?.currency].filter((c): c is string => Boolean(c)))];
  const day = today(opts.timeZone, opts.now);
  const failedDay = sale.times.failedAt ? localDay(sale.times.failedAt, opts.timeZone) : day;
  return {
    saleId: sale.id,
    existing: open ? { id: open.id, status: open.status } : null,
    resolvedCount: cases.filter((c) => c.status === "resolved").length,
    form: opts.canWrite
      ? {
          initial: { operatorReference: "", smsText: "", amountDebited: price ? toMajorString(price) : "", currency: price?.currency ?? currencies[0] ?? "XOF", debitedOn: failedDay < day ? failedDay : day, debitedTime: "", note: "" },
          currencies: currencies.length > 0 ? currencies : ["XOF"],
          maxDay: day,
        }
      : null,
  };
}
