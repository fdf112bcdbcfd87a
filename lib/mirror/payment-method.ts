// A sale's payment method in the mirror: how a parsed `payment.method` is stored, the one value every
// reader shows (Sales table, its sort and CSV, sale detail, recovery worklist and stats) and the key the
// Revenue breakdown groups by. chariow-api.md §5: `payment.method` is `{id, name}` or a bare string; the
// client reads a string as `{id: string, name: null}` (lib/chariow/schemas/sale.ts), so a reader that
// took only the name showed nothing for those stores. Sale details send the id ("mtn_momo"), Pulses the
// name ("MTN Mobile Money"): both are stored under one canonical id (lib/format/payment-methods.ts), so a
// method is one Revenue row whichever way its sales arrived (issue 15; migration 0013 for older rows).
import "server-only";
import { sql, type RawBuilder } from "kysely";
import type { SalesTable } from "@/lib/db";
import { PAYMENT_METHOD_KEYS, canonicalPaymentMethod } from "@/lib/format/payment-methods";

export type PaymentMethodColumns = Pick<SalesTable, "payment_method_id" | "payment_method_name">;

const KNOWN_KEYS: ReadonlySet<string> = new Set(PAYMENT_METHOD_KEYS);

/** The canonical key when `value` (an id or a name) is a method the app knows, else null. */
function knownKey(value: string | null): string | null {
  const key = canonicalPaymentMethod(value);
  return key !== null && KNOWN_KEYS.has(key) ? key : null;
}

/**
 * The two columns of a parsed method (either shape); null when the payload did not say. A known method
 * is stored under its canonical id whether Chariow sent the id or the name; a bare string that was a
 * name ("MTN Mobile Money" in a Pulse) is kept as the name too. An unknown method is stored as sent.
 */
export function paymentMethodColumns(method: { id: string | null; name: string | null } | null | undefined): PaymentMethodColumns {
  const id = method?.id ?? null;
  const name = method?.name ?? null;
  const key = knownKey(id) ?? knownKey(name);
  if (key === null) return { payment_method_id: id, payment_method_name: name };
  const idWasAName = name === null && id !== null && id !== key;
  return { payment_method_id: key, payment_method_name: name ?? (idWasAName ? id : null) };
}

/**
 * What a person reads: Chariow's name for the method, else its id — the code a bare string carries
 * ("mtn_momo"). Turning codes into words is the job of the UI's wording, not of this value.
 */
export function paymentMethodShown(c: PaymentMethodColumns): string | null {
  return c.payment_method_name ?? c.payment_method_id ?? null;
}

/** paymentMethodShown in SQL (sorting, selecting), for the `sales` table under `alias`. */
export function paymentMethodShownSql(alias = "sales"): RawBuilder<string | null> {
  return sql<string | null>`coalesce(${sql.ref(`${alias}.payment_method_name`)}, ${sql.ref(`${alias}.payment_method_id`)})`;
}

/**
 * The Revenue breakdown's grouping key (lib/mirror/rollups.ts): the id first, as every existing rollup
 * row was keyed, so a method keeps one row whether its sales came with `{id, name}`, a bare id or a
 * bare name (the stored id is canonical: paymentMethodColumns). Migration 0013 restates it in SQL.
 */
export function paymentMethodKey(c: PaymentMethodColumns): string | null {
  return c.payment_method_id ?? c.payment_method_name ?? null;
}
