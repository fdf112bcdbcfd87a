// A sale's payment method in the mirror: how a parsed `payment.method` is stored, the one value every
// reader shows (Sales table, its sort and CSV, sale detail, recovery worklist and stats) and the key the
// Revenue breakdown groups by. chariow-api.md §5: `payment.method` is `{id, name}` or a bare string; the
// client reads a string as `{id: string, name: null}` (lib/chariow/schemas/sale.ts), so a reader that
// took only the name showed nothing for those stores.
import "server-only";
import { sql, type RawBuilder } from "kysely";
import type { SalesTable } from "@/lib/db";

export type PaymentMethodColumns = Pick<SalesTable, "payment_method_id" | "payment_method_name">;

/** The two columns of a parsed method (either shape); null when the payload did not say. */
export function paymentMethodColumns(method: { id: string | null; name: string | null } | null | undefined): PaymentMethodColumns {
  return { payment_method_id: method?.id ?? null, payment_method_name: method?.name ?? null };
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
 * row was keyed, so a method keeps one row whether its sales came with `{id, name}` or a bare id.
 */
export function paymentMethodKey(c: PaymentMethodColumns): string | null {
  return c.payment_method_id ?? c.payment_method_name ?? null;
}
