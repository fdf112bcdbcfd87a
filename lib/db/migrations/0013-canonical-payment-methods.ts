// Migration 0013: one key per payment method (issue 15). Sale details name a method by id ("mtn_momo"),
// Pulses by name ("MTN Mobile Money"); until now each form was stored and grouped as sent, so Revenue
// showed the same method twice. From now on every write stores the canonical id (lib/mirror/payment-method.ts);
// this rewrites the rows already stored the same way, then refills the rollups' payment-method buckets
// from the rewritten rows. Idempotent: a second run finds nothing to rewrite and refills the same sums.
import "server-only";
import { sql, type Kysely } from "kysely";

// The spellings known when this migration was written, restated here because a migration must not follow
// later changes to app code (lib/format/payment-methods.ts may learn more; a new spelling of a method
// already stored needs its own backfill).
const SPELLINGS: ReadonlyArray<readonly [key: string, spellings: readonly string[]]> = [
  ["mtn_momo", ["mtn_momo", "mtn mobile money", "mtn momo", "momo", "mtn money", "mtn"]],
  ["orange_money", ["orange_money", "orange money", "orange"]],
  ["wave", ["wave", "wave mobile money"]],
  ["moov_money", ["moov_money", "moov money", "moov", "flooz", "moov africa money"]],
  ["airtel_money", ["airtel_money", "airtel money", "airtel"]],
  ["free_money", ["free_money", "free money"]],
  ["t_money", ["t_money", "t money", "tmoney", "togocom t money"]],
  ["mpesa", ["mpesa", "m pesa"]],
  ["card", ["card", "credit debit card", "credit card", "debit card", "bank card", "carte bancaire", "carte", "visa mastercard"]],
  ["paypal", ["paypal"]],
];

function fold(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const BY_FOLDED = new Map<string, string>();
for (const [key, spellings] of SPELLINGS) for (const s of spellings) BY_FOLDED.set(fold(s), key);

function knownKey(value: string | null): string | null {
  return value === null ? null : (BY_FOLDED.get(fold(value)) ?? null);
}

/** The stored columns of a method, as lib/mirror/payment-method.ts paymentMethodColumns stores it today. */
function canonicalColumns(id: string | null, name: string | null): { id: string | null; name: string | null } {
  const key = knownKey(id) ?? knownKey(name);
  if (key === null) return { id, name };
  const idWasAName = name === null && id !== null && id !== key;
  return { id: key, name: name ?? (idWasAName ? id : null) };
}

// The same rules as lib/mirror/rollups.ts saleSums (as in migration 0008): fees and settlement count only
// when known and in the sale's own currency. The bucket is the id, else the name, else 'unknown'.
const CURRENCY = sql`coalesce(currency, '')`;
const VALUE = sql`coalesce(payment_method_id, payment_method_name, 'unknown')`;
const FEE_KNOWN = sql`gateway_fee is not null and coalesce(gateway_fee_currency, currency, '') = ${CURRENCY}`;
const SETTLEMENT_KNOWN = sql`settlement_net is not null and coalesce(settlement_currency, currency, '') = ${CURRENCY}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  // A store has a handful of distinct methods: rewrite per distinct pair, not per sale.
  const pairs = (await db.selectFrom("sales").select(["payment_method_id", "payment_method_name"]).distinct().execute()) as Array<{
    payment_method_id: string | null;
    payment_method_name: string | null;
  }>;
  for (const { payment_method_id: id, payment_method_name: name } of pairs) {
    const next = canonicalColumns(id, name);
    if (next.id === id && next.name === name) continue;
    await db
      .updateTable("sales")
      .set({ payment_method_id: next.id, payment_method_name: next.name })
      .where((eb) => eb.and([id === null ? eb("payment_method_id", "is", null) : eb("payment_method_id", "=", id), name === null ? eb("payment_method_name", "is", null) : eb("payment_method_name", "=", name)]))
      .execute();
  }
  await db.deleteFrom("sales_rollup_daily").where("dimension", "=", "payment_method").execute();
  await sql`
    insert into sales_rollup_daily (
      dimension, local_day, currency, status, dimension_value, count, original_amount, amount, discount_amount,
      gateway_fee, gateway_fee_known_count, service_fee, settlement_net, settlement_known_count
    )
    select
      'payment_method', local_day, ${CURRENCY}, status, ${VALUE}, count(*),
      coalesce(sum(original_amount), 0), coalesce(sum(amount), 0), coalesce(sum(discount_amount), 0),
      coalesce(sum(case when ${FEE_KNOWN} then gateway_fee else 0 end), 0),
      sum(case when ${FEE_KNOWN} then 1 else 0 end),
      coalesce(sum(case when ${SETTLEMENT_KNOWN} then coalesce(service_fee, 0) else 0 end), 0),
      coalesce(sum(case when ${SETTLEMENT_KNOWN} then settlement_net else 0 end), 0),
      sum(case when ${SETTLEMENT_KNOWN} then 1 else 0 end)
    from sales
    where local_day is not null
    group by local_day, ${CURRENCY}, status, ${VALUE}
  `.execute(db);
}
