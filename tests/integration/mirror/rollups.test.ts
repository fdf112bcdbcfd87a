// The rollups, daily and monthly (migration 0016), stay equal to a from-scratch recomputation over the sales rows after any sequence of
// upserts (seeded random arrivals of summaries, details and Pulses), after a timezone change, and after
// migration 0008 backfills the payment_gateway dimension of sales written before it existed, and after
// migration 0013 rewrites payment methods stored as sent (id or name) to one canonical id per method.
import { expect, it } from "vitest";
import type { Kysely } from "kysely";
import type { Database, SaleRow } from "@/lib/db";
import type { Sale } from "@/lib/chariow";
import { rebuildRollups, upsertSales, type SaleSource } from "@/lib/mirror";
import { up as backfillPaymentGateway } from "@/lib/db/migrations/0008-rollup-payment-gateway";
import { up as canonicalPaymentMethods } from "@/lib/db/migrations/0013-canonical-payment-methods";
import { up as monthlyRollups } from "@/lib/db/migrations/0016-monthly-rollups";
import { up as paymentHealthRollups } from "@/lib/db/migrations/0030-payment-health-rollups";
import { describeEachEngine } from "../db/engines";
import { rng } from "../../factories/rng";
import { saleDetail, salePulse, saleSummary, type SaleFacts, type SaleStatus } from "../../factories/sales";


const STATUSES: SaleStatus[] = ["awaiting_payment", "completed", "failed", "abandoned", "settled"];
// Instants around local midnights in Paris and New York, and across the March DST switch.
const CREATED = ["2025-03-29T22:59:00.000Z", "2025-03-29T23:00:00.000Z", "2025-03-30T21:59:00.000Z", "2025-03-30T22:00:00.000Z", "2025-03-31T03:59:00.000Z", "2025-03-31T04:00:00.000Z", "2025-10-26T23:30:00.000Z"];

function randomVersion(r: ReturnType<typeof rng>, id: string, currency: string, createdAt: string): { sale: Sale; source: SaleSource } {
  const status = r.pick(STATUSES);
  const paid = status === "completed" || status === "settled";
  const f: SaleFacts = {
    id, status, currency, createdAt,
    originalMinor: r.pick([4900, 10000, 25000]),
    discountMinor: r.pick([0, 0, 500]),
    productId: r.pick(["prd_a", "prd_b", "prd_c"]),
    discountCode: r.pick([null, "TEN", "VIP"]),
    channel: r.pick(["store", "affiliate", "widget", null] as const),
    country: r.pick(["CI", "SN", null]),
    paymentMethod: r.pick(["mobile_money", "card", null]),
    failureCode: r.pick(["insufficient_funds", "timeout", null]),
    // Checkout → payment: across the pay-time buckets' edges (120 s, 600 s, 1 h, a day), and a negative one.
    completedAt: paid ? new Date(Date.parse(createdAt) + 1000 * r.pick([45, 119, 120, 599, 600, 3599, 4000, 86_399, 90_000, -30])).toISOString() : null,
    gateway: r.pick(["cinetpay", "stripe", null]),
    campaignId: r.pick([null, "cmp_1"]),
    gatewayFeeMinor: paid && r.maybe(0.7) ? r.pick([147, 300]) : null,
    settlementNetMinor: paid && r.maybe(0.6) ? r.pick([4500, 9000]) : null,
    serviceFeeMinor: r.pick([245, null]),
    settlementDoneAt: status === "settled" && r.maybe(0.5) ? "2025-04-05T00:00:00.000Z" : null,
    updatedAt: r.maybe(0.5) ? r.pick(["2025-04-01T00:00:00.000Z", "2025-04-02T00:00:00.000Z", "2025-04-03T00:00:00.000Z"]) : null,
  };
  const source = r.pick(["list", "detail", "pulse"] as const);
  return { sale: source === "detail" ? saleDetail(f) : source === "pulse" ? salePulse(f) : saleSummary(f), source };
}

/**
 * The Payments view's two dimensions (migration 0030), restated: method, country, failure code of every sale;
 * method, country, pay-time bucket of paid sales with both instants and a time ≥ 0.
 */
function paymentValues(s: SaleRow): Array<[string, string]> {
  const method = s.payment_method_id ?? s.payment_method_name ?? "unknown";
  const country = s.shipping_country ?? s.context_country ?? "unknown";
  const out: Array<[string, string]> = [["payment_health", [method, country, s.status === "failed" ? (s.failure_code ?? "unknown") : ""].join("\u001f")]];
  if ((s.status === "completed" || s.status === "settled") && s.created_at && s.completed_at) {
    const secs = Math.round((Date.parse(s.completed_at) - Date.parse(s.created_at)) / 1000);
    const width = secs < 120 ? 10 : secs < 600 ? 30 : secs < 3600 ? 60 : secs < 86_400 ? 900 : null;
    if (secs >= 0) out.push(["payment_timing", [method, country, width === null ? "86400" : String(secs - (secs % width))].join("\u001f")]);
  }
  return out;
}

type Sums = { count: number; original: number; amount: number; discount: number; fee: number; feeKnown: number; service: number; net: number; netKnown: number };

/** The rollups recomputed in plain TypeScript, written independently of lib/mirror/rollups.ts, per day or month. */
function recompute(rows: SaleRow[], period: "day" | "month"): Map<string, Sums> {
  const out = new Map<string, Sums>();
  for (const s of rows) {
    if (!s.local_day) continue;
    const cur = s.currency ?? "";
    const values: Array<[string, string]> = [
      ["all", ""],
      ["product", s.product_id ?? "unknown"],
      ["channel", s.channel ?? "unknown"],
      ["discount", s.discount_code ?? s.discount_id ?? "unknown"],
      ["campaign", s.campaign_id ?? "unknown"],
      ["country", s.shipping_country ?? s.context_country ?? "unknown"],
      ["payment_method", s.payment_method_id ?? s.payment_method_name ?? "unknown"],
      ["payment_gateway", s.payment_gateway ?? "unknown"],
      ["payment_status", s.payment_status ?? "unknown"],
      ["amount", s.amount === null ? "unknown" : String(s.amount).padStart(16, "0")],
      ...paymentValues(s),
    ];
    const feeKnown = s.gateway_fee !== null && (s.gateway_fee_currency ?? cur) === cur;
    const netKnown = s.settlement_net !== null && (s.settlement_currency ?? cur) === cur;
    for (const [dim, value] of values) {
      // The Payments view's dimensions keep settled sales under completed (paid or not is all they ask).
      const status = (dim === "payment_health" || dim === "payment_timing") && s.status === "settled" ? "completed" : s.status;
      const key = [period === "day" ? s.local_day : s.local_day.slice(0, 7), cur, status, dim, value].join("|");
      const t = out.get(key) ?? { count: 0, original: 0, amount: 0, discount: 0, fee: 0, feeKnown: 0, service: 0, net: 0, netKnown: 0 };
      t.count += 1;
      t.original += s.original_amount ?? 0;
      t.amount += s.amount ?? 0;
      t.discount += s.discount_amount ?? 0;
      if (feeKnown) {
        t.fee += s.gateway_fee!;
        t.feeKnown += 1;
      }
      if (netKnown) {
        t.net += s.settlement_net!;
        t.service += s.service_fee ?? 0;
        t.netKnown += 1;
      }
      out.set(key, t);
    }
  }
  return out;
}

async function storedRollups(db: Kysely<Database>, period: "day" | "month"): Promise<Map<string, Sums>> {
  const rows =
    period === "day"
      ? await db.selectFrom("sales_rollup_daily").selectAll().execute()
      : (await db.selectFrom("sales_rollup_monthly").selectAll().execute()).map(({ local_month, ...r }) => ({ ...r, local_day: local_month }));
  const out = new Map<string, Sums>();
  for (const r of rows) {
    const sums = { count: r.count, original: r.original_amount, amount: r.amount, discount: r.discount_amount, fee: r.gateway_fee, feeKnown: r.gateway_fee_known_count, service: r.service_fee, net: r.settlement_net, netKnown: r.settlement_known_count };
    if (r.count === 0) {
      // A bucket emptied by status changes stays as a zero row; it must be entirely zero.
      expect(Object.values(sums).every((v) => v === 0)).toBe(true);
      continue;
    }
    out.set([r.local_day, r.currency, r.status, r.dimension, r.dimension_value].join("|"), sums);
  }
  return out;
}

async function expectRollupsMatch(db: Kysely<Database>): Promise<number> {
  const rows = await db.selectFrom("sales").selectAll().execute();
  for (const period of ["day", "month"] as const) {
    const expected = recompute(rows, period);
    const actual = await storedRollups(db, period);
    expect(Object.fromEntries([...actual].sort())).toEqual(Object.fromEntries([...expected].sort()));
  }
  return rows.length;
}

describeEachEngine("mirror rollups", ({ db }) => {
  for (const seed of [1, 2, 3]) {
    it(`equal a recomputation after a random sequence of upserts (seed ${seed})`, async () => {
      const r = rng(seed);
      const ids = Array.from({ length: 40 }, (_, i) => `sal_${seed}_${i}`);
      const facts = new Map(ids.map((id) => [id, { currency: r.pick(["XOF", "EUR", "USD"]), createdAt: r.pick(CREATED) }]));
      let stale = 0;
      for (let step = 0; step < 60; step++) {
        const source = r.pick(["list", "detail", "pulse"] as const);
        const batch = Array.from({ length: 1 + Math.floor(r.next() * 8) }, () => {
          const id = r.pick(ids);
          const f = facts.get(id)!;
          return randomVersion(r, id, f.currency, f.createdAt).sale;
        });
        const result = await upsertSales(db().db, batch, { source, receivedAt: new Date(Date.UTC(2025, 3, 10, 0, step)).toISOString(), timeZone: "Europe/Paris" });
        stale += result.skippedStale;
        expect(result.inserted + result.updated + result.unchanged + result.skippedStale).toBe(batch.length);
      }
      expect(stale).toBeGreaterThan(0); // the sequence did exercise out-of-order versions
      expect(await expectRollupsMatch(db().db)).toBeGreaterThan(30);
    });
  }

  it("migration 0008 fills the payment_gateway buckets of sales already in the mirror", async () => {
    const r = rng(7);
    const sales = Array.from({ length: 40 }, (_, i) => randomVersion(r, `sal_g${i}`, r.pick(["XOF", "EUR"]), r.pick(CREATED)));
    for (const { sale, source } of sales) await upsertSales(db().db, [sale], { source, receivedAt: "2025-04-10T00:00:00.000Z", timeZone: "Europe/Paris" });
    // A mirror written before the dimension existed: its buckets are absent.
    await db().db.deleteFrom("sales_rollup_daily").where("dimension", "=", "payment_gateway").execute();
    await backfillPaymentGateway(db().db);
    await monthlyRollups(db().db, db().engine); // migrations run in order: the months are summed from these days
    expect(await expectRollupsMatch(db().db)).toBe(40);
    const gateways = await db().db.selectFrom("sales_rollup_daily").select("dimension_value").distinct().where("dimension", "=", "payment_gateway").execute();
    expect(gateways.map((g) => g.dimension_value).sort()).toEqual(expect.arrayContaining(["cinetpay", "stripe", "unknown"]));
    // Later writes keep it by delta from the backfilled buckets (no bucket goes negative).
    await upsertSales(db().db, [saleDetail({ id: "sal_g0", status: "settled", gateway: "stripe", updatedAt: "2025-05-01T00:00:00.000Z", createdAt: CREATED[0] })], { source: "detail", receivedAt: "2025-05-01T00:00:00.000Z", timeZone: "Europe/Paris" });
    await expectRollupsMatch(db().db);
  });

  it("migration 0013 stores one id per payment method, whichever form was stored, and regroups the buckets", async () => {
    // How methods were stored before: as sent — a detail's {id, name}, a bare id, a Pulse's bare name.
    const stored: Array<[id: string | null, name: string | null]> = [
      ["mtn_momo", "MTN Mobile Money"],
      ["mtn_momo", null],
      ["MTN Mobile Money", null],
      ["MTN Mobile Money", null],
      ["Credit/Debit Card", null],
      [null, "Orange Money"],
      ["cinetpay_wallet", null],
      [null, null],
    ];
    const sales = stored.map((_, i) => saleDetail({ id: `sal_m${i}`, status: "completed", currency: "XOF", createdAt: CREATED[0], completedAt: CREATED[0] }));
    await upsertSales(db().db, sales, { source: "detail", receivedAt: "2025-04-10T00:00:00.000Z", timeZone: "Europe/Paris" });
    for (const [i, [id, name]] of stored.entries()) {
      await db().db.updateTable("sales").set({ payment_method_id: id, payment_method_name: name }).where("id", "=", `sal_m${i}`).execute();
    }
    await rebuildRollups(db().db, "Europe/Paris"); // the buckets as they were: keyed by the stored form
    const buckets = async () =>
      Object.fromEntries(
        (await db().db.selectFrom("sales_rollup_daily").select(["dimension_value", "count"]).where("dimension", "=", "payment_method").where("count", ">", 0).execute()).map((r) => [r.dimension_value, r.count]),
      );
    expect(await buckets()).toEqual({ mtn_momo: 2, "MTN Mobile Money": 2, "Credit/Debit Card": 1, "Orange Money": 1, cinetpay_wallet: 1, unknown: 1 });

    await canonicalPaymentMethods(db().db);
    await monthlyRollups(db().db, db().engine); // migrations run in order: the months are summed from these days
    await paymentHealthRollups(db().db, db().engine); // …and 0030 keys the Payments view by the canonical ids
    const rows = await db().db.selectFrom("sales").select(["id", "payment_method_id", "payment_method_name"]).orderBy("id").execute();
    expect(rows.map((r) => [r.payment_method_id, r.payment_method_name])).toEqual([
      ["mtn_momo", "MTN Mobile Money"],
      ["mtn_momo", null],
      ["mtn_momo", "MTN Mobile Money"],
      ["mtn_momo", "MTN Mobile Money"],
      ["card", "Credit/Debit Card"],
      ["orange_money", "Orange Money"],
      ["cinetpay_wallet", null],
      [null, null],
    ]);
    expect(await buckets()).toEqual({ mtn_momo: 4, card: 1, orange_money: 1, cinetpay_wallet: 1, unknown: 1 });
    await expectRollupsMatch(db().db);

    // Idempotent, and later writes (a Pulse naming the method) keep the same bucket by delta.
    await canonicalPaymentMethods(db().db);
    await monthlyRollups(db().db, db().engine);
    await paymentHealthRollups(db().db, db().engine);
    expect(await buckets()).toEqual({ mtn_momo: 4, card: 1, orange_money: 1, cinetpay_wallet: 1, unknown: 1 });
    const pulse = salePulse({ id: "sal_m8", status: "completed", currency: "XOF", createdAt: CREATED[0], completedAt: CREATED[0] });
    const named: Sale = { ...pulse, payment: { ...pulse.payment!, method: { id: "MTN Mobile Money", name: null } } }; // a Pulse's bare name
    await upsertSales(db().db, [named], { source: "pulse", receivedAt: "2025-04-11T00:00:00.000Z", timeZone: "Europe/Paris" });
    expect((await buckets()).mtn_momo).toBe(5);
    await expectRollupsMatch(db().db);
  });

  it("migration 0016 fills the payment_status and amount buckets and sums the monthly rollups from the daily ones, idempotently", async () => {
    const r = rng(11);
    const sales = Array.from({ length: 40 }, (_, i) => randomVersion(r, `sal_p${i}`, r.pick(["XOF", "EUR"]), r.pick(CREATED)));
    for (const { sale, source } of sales) await upsertSales(db().db, [sale], { source, receivedAt: "2025-04-10T00:00:00.000Z", timeZone: "Europe/Paris" });
    // A mirror written before 0016: no payment-status buckets, no months.
    await db().db.deleteFrom("sales_rollup_daily").where("dimension", "in", ["payment_status", "amount"]).execute();
    await db().db.deleteFrom("sales_rollup_monthly").execute();
    await monthlyRollups(db().db, db().engine);
    expect(await expectRollupsMatch(db().db)).toBe(40);
    await monthlyRollups(db().db, db().engine);
    expect(await expectRollupsMatch(db().db)).toBe(40);
    const months = await db().db.selectFrom("sales_rollup_monthly").select("local_month").distinct().where("count", ">", 0).orderBy("local_month").execute();
    expect(months.map((m) => m.local_month)).toEqual(["2025-03", "2025-10"]);
    // Later writes keep both by delta.
    await upsertSales(db().db, [saleDetail({ id: "sal_p0", status: "failed", updatedAt: "2025-05-01T00:00:00.000Z", createdAt: CREATED[6] })], { source: "detail", receivedAt: "2025-05-01T00:00:00.000Z", timeZone: "Europe/Paris" });
    await expectRollupsMatch(db().db);
  });

  it("a timezone change moves sales to their new local days and rebuilds the rollups", async () => {
    const sales = CREATED.map((createdAt, i) => saleSummary({ id: `sal_${i}`, createdAt, completedAt: createdAt }));
    await upsertSales(db().db, sales, { source: "list", receivedAt: "2025-04-10T00:00:00.000Z", timeZone: "Europe/Paris" });
    const day = async (id: string) => (await db().db.selectFrom("sales").select(["local_day", "paid_local_day"]).where("id", "=", id).executeTakeFirstOrThrow());
    expect(await day("sal_3")).toEqual({ local_day: "2025-03-31", paid_local_day: "2025-03-31" }); // 00:00 Paris
    await expectRollupsMatch(db().db);

    await rebuildRollups(db().db, "America/New_York");
    expect(await day("sal_3")).toEqual({ local_day: "2025-03-30", paid_local_day: "2025-03-30" }); // 18:00 New York
    expect((await day("sal_4")).local_day).toBe("2025-03-30"); // 23:59 EDT
    expect((await day("sal_5")).local_day).toBe("2025-03-31"); // 00:00 EDT
    await expectRollupsMatch(db().db);
    const perDay = await db().db.selectFrom("sales_rollup_daily").select(["local_day", "count"]).where("dimension", "=", "all").where("count", ">", 0).orderBy("local_day").execute();
    expect(perDay).toEqual([
      { local_day: "2025-03-29", count: 2 },
      { local_day: "2025-03-30", count: 3 },
      { local_day: "2025-03-31", count: 1 },
      { local_day: "2025-10-26", count: 1 },
    ]);

    // Later writes use the new zone and keep the rollups consistent.
    await upsertSales(db().db, [saleSummary({ id: "sal_3", status: "settled", createdAt: CREATED[3], completedAt: CREATED[3] })], { source: "list", receivedAt: "2025-04-11T00:00:00.000Z", timeZone: "America/New_York" });
    await expectRollupsMatch(db().db);
  });

  it("migration 0030 fills the payment_health and payment_timing buckets of sales already stored, days and months, idempotently", async () => {
    const r = rng(13);
    const sales = Array.from({ length: 60 }, (_, i) => randomVersion(r, `sal_h${i}`, r.pick(["XOF", "EUR"]), r.pick(CREATED)));
    for (const { sale, source } of sales) await upsertSales(db().db, [sale], { source, receivedAt: "2025-04-10T00:00:00.000Z", timeZone: "Europe/Paris" });
    // A mirror written before 0030: neither dimension exists.
    for (const table of ["sales_rollup_daily", "sales_rollup_monthly"] as const) await db().db.deleteFrom(table).where("dimension", "in", ["payment_health", "payment_timing"]).execute();
    await paymentHealthRollups(db().db, db().engine);
    expect(await expectRollupsMatch(db().db)).toBe(60);
    await paymentHealthRollups(db().db, db().engine);
    expect(await expectRollupsMatch(db().db)).toBe(60);
    // The sample did reach several buckets, a failure code and a sale without one.
    const timing = await db().db.selectFrom("sales_rollup_daily").select("dimension_value").distinct().where("dimension", "=", "payment_timing").execute();
    expect(new Set(timing.map((t) => t.dimension_value.split("\u001f")[2])).size).toBeGreaterThan(4);
    const health = await db().db.selectFrom("sales_rollup_daily").select("dimension_value").distinct().where("dimension", "=", "payment_health").where("status", "=", "failed").execute();
    expect(new Set(health.map((h) => h.dimension_value.split("\u001f")[2]))).toEqual(new Set(["insufficient_funds", "timeout", "unknown"]));
  });
});
