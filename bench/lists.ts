// The lists that had no bench (issue 17): Payouts, Recovery, Downloads, Licences and Orders, each timed as
// its page's server component loads it — every service call the page awaits for its data, with default
// filters, plus a few common variants — and, in the same run, the naive answer to the same questions.
// SQLite. The store (1,000,000 sales by default) is built once through the app's migrations with direct
// inserts, cached under /tmp (delete it, or pass another size, to rebuild).
// Run: npx tsx --conditions=react-server bench/lists.ts [sales] [view,view…]
//
// The store: 18 months of sales up to NOW; ~65 % paid (their payout due 2–5 days after the sale, paid out
// unless still to come, a few late, the newest and 5 % of the older ones not detailed yet so their payout
// is unknown; some rescheduled with a history row), ~30 % failed or abandoned (the recovery leads: the
// app's leads are these sales themselves plus `recovery_leads` for the worked ones; 1 sale in 10 is a
// customer buying again what an earlier sale of theirs tried, so some leads are recovered), licence
// products with one licence per paid sale, two products shipped with an address (most older orders
// marked shipped in `fulfilments`), download counts on detailed sales.
//
// Naive answers (what a direct query over the base tables takes, without the app's structures): each
// view's questions written the obvious way — a GROUP BY or ORDER BY … LIMIT over `sales NOT INDEXED`
// (or the list's base table NOT INDEXED), joined to the small side tables by primary key.
import fs from "node:fs";
import os from "node:os";
import { sql, type Kysely } from "kysely";
import { openDatabase, type OpenedDatabase } from "../lib/db";
import type { Database } from "../lib/db/schema";
import { DOWNLOAD_TABLES, downloadsPageData, downloadsQuerySchema, type DownloadTable } from "../lib/downloads";
import { licenceCountsByStatus, licenceProducts, licencesListSchema, listLicences } from "../lib/licences";
import { listOrderPage, type OrderFilter } from "../lib/orders";
import {
  buildLeadMessages, defaultLeadRange, isOpenLead, listLeadPage, rangeRecoveries, reasonCountsOf, recoveryStats, type LeadFilters, type LeadRange,
} from "../lib/recovery";
import { fillLeadNextPayments } from "../lib/db/migrations/0027-lead-next-payment";
import { MIRROR_ONLY_LINKS } from "../lib/recovery/recovery-link";
import { getPayoutAnswer, listPayoutGroups, listPayoutMoves, listPayoutSalesPage, listSettlements, monthGrid, resolveSettlementRange, shiftMonth, weekDays } from "../lib/settlements";
import { listStatementCurrencies } from "../lib/settlements/statement";
import { loadLicencesSyncState, notAvailableSince } from "../lib/sync";
import { listMembers } from "../lib/team";
import { addDays, today } from "../lib/time";

const TOTAL = Number(process.argv[2] ?? 1_000_000);
// LISTS_BENCH_FILE: another cached store (helpers working in parallel each keep their own migrations).
const FILE = process.env.LISTS_BENCH_FILE ?? `/tmp/chariow-bench/lists-${TOTAL}.db`;
const TZ = "Africa/Abidjan";
const DAY_MS = 86_400_000;
/** The bench's "now": fixed so the cached store and every run agree on what is past, present and future. */
const NOW = new Date(Date.UTC(2026, 5, 15, 12));
const SPAN_MS = 540 * DAY_MS;
const START = NOW.getTime() - SPAN_MS;
const STATUSES = ["completed", "completed", "completed", "completed", "completed", "completed", "completed", "completed", "completed", "completed", "completed", "completed", "completed", "failed", "failed", "failed", "abandoned", "abandoned", "abandoned", "awaiting_payment"];
const CURRENCIES = [["XOF", [2500, 4900, 15000, 49000]], ["XOF", [2500, 4900, 15000, 49000]], ["XOF", [2500, 4900, 15000, 49000]], ["XAF", [5000, 10000]], ["EUR", [990, 2900, 4900]], ["USD", [990, 1999, 7920]]] as const;
const CHANNELS = ["store", "store", "affiliate", "discover", "widget", "api"];
const COUNTRIES = ["CI", "SN", "BJ", "TG", "CM", "FR", "US", "BF"];
const FAILURES = [["insufficient_funds", "Solde insuffisant"], ["card_declined", "Carte refusée"], ["timeout", "Délai dépassé"]];
const CUSTOMERS = Math.max(1000, Math.floor(TOTAL / 8));
const PRODUCTS = 40;
/** Products 0–29 downloadable or courses, 30–35 licences, 36–37 services, 38–39 shipped with an address. */
const productType = (p: number) => (p < 24 ? "downloadable" : p < 30 ? "course" : p < 36 ? "license" : p < 38 ? "service" : "downloadable");
const LICENCE_STATUSES = ["active", "active", "active", "active", "expired", "revoked", "inactive"];

function hash(i: number, salt: number): number {
  return Math.imul((i + salt) ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
}

const customerId = (c: number) => `cus_${c.toString(36).padStart(6, "0")}`;
const saleId = (j: number) => `sal_${j.toString(36).padStart(7, "0")}`;
/** 1 sale in 10 is a customer coming back for what they tried 37 sales earlier (minutes before): recoveries. */
const buyer = (j: number) => (j >= 37 && hash(j, 11) % 10 === 0 ? { c: hash(j - 37, 6) % CUSTOMERS, p: hash(j - 37, 8) % PRODUCTS } : { c: hash(j, 6) % CUSTOMERS, p: hash(j, 8) % PRODUCTS });
const iso = (ms: number) => new Date(ms).toISOString();

async function generate(opened: OpenedDatabase): Promise<void> {
  const { db } = opened;
  const t0 = performance.now();
  const at = iso(NOW.getTime());
  for (let i = 0; i < CUSTOMERS; i += 2000) {
    await db.insertInto("customers").values(Array.from({ length: Math.min(2000, CUSTOMERS - i) }, (_, k) => ({ id: customerId(i + k), email: `client${i + k}@example.com`, name: `Client ${i + k}`, first_seen_at: null, updated_at: at }))).execute();
  }
  await db.insertInto("products").values(Array.from({ length: PRODUCTS }, (_, p) => ({ id: `prd_${p}`, name: `Produit ${p}`, type: productType(p), updated_at: at }))).execute();
  await db.insertInto("users").values([
    { id: "usr_owner", email: "owner@example.com", name: "Owner", password_hash: null, role: "owner", created_at: at, disabled_at: null },
    { id: "usr_agent", email: "agent@example.com", name: "Agent", password_hash: null, role: "support", created_at: at, disabled_at: null },
  ]).execute();
  const CHUNK = 200;
  for (let start = 0; start < TOTAL; start += 20_000) {
    await db.transaction().execute(async (trx) => {
      for (let i = start; i < Math.min(start + 20_000, TOTAL); i += CHUNK) {
        const sales = [];
        const licences = [];
        const fulfilments = [];
        const leads = [];
        const moves = [];
        for (let j = i; j < Math.min(i + CHUNK, TOTAL); j++) {
          const { c, p } = buyer(j);
          const createdMs = START + Math.floor((j / TOTAL) * SPAN_MS);
          const created = iso(createdMs);
          const age = NOW.getTime() - createdMs;
          let status = STATUSES[hash(j, 1) % STATUSES.length];
          const paid = status === "completed";
          const [currency, prices] = CURRENCIES[hash(j, 2) % CURRENCIES.length];
          const amount = prices[hash(j, 3) % prices.length];
          // Detailed: 5 % of the older paid sales and half of the last 3 days' are not yet.
          const detailed = paid && hash(j, 12) % (age < 3 * DAY_MS ? 2 : 20) !== 0;
          // The payout: a day's sales share one due instant, 2–5 days later at 10:00 UTC.
          const dueMs = Math.floor(createdMs / DAY_MS) * DAY_MS + (2 + (hash(j, 13) % 4)) * DAY_MS + 10 * 3_600_000;
          const late = hash(Math.floor(createdMs / DAY_MS), 14) % 50 === 0; // one payout day in 50 is late
          const done = detailed && dueMs < NOW.getTime() && !late;
          if (done) status = "settled";
          const failed = status === "failed";
          const abandoned = status === "abandoned";
          const shipped = paid && p >= 38;
          const [failureCode, failureMessage] = FAILURES[hash(j, 15) % FAILURES.length];
          sales.push({
            id: saleId(j),
            status,
            payment_status: paid ? "success" : failed ? "failed" : "initiated",
            channel: CHANNELS[hash(j, 7) % CHANNELS.length],
            currency,
            original_amount: amount,
            amount,
            discount_amount: 0,
            payment_amount: amount,
            payment_currency: currency,
            exchange_rate: 1,
            gateway_fee: detailed ? Math.round(amount * 0.03) : null,
            gateway_fee_currency: detailed ? currency : null,
            service_fee: detailed ? Math.round(amount * 0.04) : null,
            settlement_net: detailed ? Math.round(amount * 0.93) : null,
            settlement_currency: detailed ? currency : null,
            settlement_due_at: detailed ? iso(dueMs) : null,
            settlement_done_at: done ? iso(dueMs + 3 * 3_600_000) : null,
            payment_gateway: "cinetpay",
            payment_method_name: "Mobile Money",
            failure_code: failed ? failureCode : null,
            failure_message: failed ? failureMessage : null,
            product_id: `prd_${p}`,
            product_name: `Produit ${p}`,
            product_type: productType(p),
            customer_id: customerId(c),
            customer_email: `client${c}@example.com`,
            customer_name: `Client ${c}`,
            shipping_address: shipped ? `${1 + (j % 90)} rue des Jardins` : null,
            shipping_city: shipped ? "Abidjan" : null,
            shipping_country: COUNTRIES[hash(j, 10) % COUNTRIES.length],
            download_total: detailed && p < 36 ? (hash(j, 16) % 5 === 0 ? 0 : 1 + (hash(j, 17) % 6) + (hash(j, 18) % 500 === 0 ? 80 : 0)) : null,
            download_last_at: detailed && p < 36 ? iso(createdMs + (1 + (hash(j, 19) % 72)) * 3_600_000) : null,
            created_at: created,
            updated_at: created,
            completed_at: paid || status === "settled" ? iso(createdMs + 60_000) : null,
            failed_at: failed ? iso(createdMs + 90_000) : null,
            abandoned_at: abandoned ? iso(createdMs + 1_800_000) : null,
            settled: done ? 1 : 0,
            local_day: created.slice(0, 10),
            paid_local_day: paid || status === "settled" ? iso(createdMs + 60_000).slice(0, 10) : null,
            checkout_url: failed || abandoned ? `https://pay.example.com/c/${saleId(j)}` : null,
            raw_json: null,
            source: detailed ? "detail" : "list",
            source_at: at,
            detail_at: detailed ? created : null,
          });
          const wasPaid = paid || status === "settled";
          if (wasPaid && p >= 30 && p < 36) {
            licences.push({
              sale_id: saleId(j), licence_id: `lic_${j.toString(36)}`, licence_key: `KEY-${hash(j, 20).toString(16)}`, status: LICENCE_STATUSES[hash(j, 21) % LICENCE_STATUSES.length],
              activations: hash(j, 22) % 3, max_activations: 3, expires_at: hash(j, 23) % 3 === 0 ? null : iso(createdMs + 365 * DAY_MS), updated_at: at,
              product_id: `prd_${p}`, product_name: `Produit ${p}`, customer_id: customerId(c), customer_name: `Client ${c}`, customer_email: `client${c}@example.com`,
            });
          }
          // Orders older than 10 days are mostly handled; the newer ones wait.
          if (wasPaid && shipped && age > 10 * DAY_MS && hash(j, 24) % 50 !== 0) {
            const notShippable = hash(j, 25) % 30 === 0;
            fulfilments.push({ sale_id: saleId(j), state: notShippable ? "not_shippable" : "shipped", carrier: notShippable ? null : "DHL", tracking_reference: notShippable ? null : `TRK${j}`, reason: notShippable ? "Adresse incomplète" : null, updated_at: at, updated_by: "usr_owner" });
          }
          if ((failed || abandoned) && hash(j, 26) % 5 === 0) {
            const state = ["contacted", "contacted", "won", "lost", "open"][hash(j, 27) % 5];
            leads.push({ sale_id: saleId(j), state, note: null, assigned_to: hash(j, 28) % 2 ? "usr_agent" : null, contacted_at: state === "open" ? null : iso(createdMs + 7_200_000), updated_at: at, updated_by: "usr_owner" });
          }
          if (detailed && hash(j, 29) % 200 === 0) moves.push({ sale_id: saleId(j), previous_due_at: iso(dueMs - 2 * DAY_MS), new_due_at: iso(dueMs), changed_at: iso(createdMs + DAY_MS) });
        }
        await trx.insertInto("sales").values(sales).execute();
        if (licences.length) await trx.insertInto("sale_licences").values(licences).execute();
        if (fulfilments.length) await trx.insertInto("fulfilments").values(fulfilments).execute();
        if (leads.length) await trx.insertInto("recovery_leads").values(leads).execute();
        if (moves.length) await trx.insertInto("sale_settlement_due_history").values(moves).execute();
      }
    });
  }
  await fillLeadNextPayments(db, "sqlite"); // what upsertSales keeps for each lead (migration 0027)
  console.log(`generated ${TOTAL.toLocaleString("en-US")} sales in ${((performance.now() - t0) / 1000).toFixed(0)} s → ${FILE}`);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

type Db = Kysely<Database>;

// ---- What each page awaits (app/(dashboard)/<page>/page.tsx), with its URL's values ----

async function payoutsPage(db: Db, sp: { from?: string; to?: string; month?: string; currency?: string; day?: string }) {
  const day = today(TZ, NOW);
  const range = resolveSettlementRange({ from: sp.from, to: sp.to }, TZ, NOW);
  const grid = monthGrid(sp.month ?? day.slice(0, 7));
  const strip = weekDays(day);
  const calendarRanges = strip[0]! >= grid.from && strip[6]! <= grid.to ? [grid] : [grid, { from: strip[0]!, to: strip[6]! }];
  const drill = sp.currency && sp.day ? { currency: sp.currency, dueDay: sp.day } : null;
  const timelineRead = listSettlements(db, range, TZ, NOW);
  const [timeline, , answer] = await Promise.all([
    timelineRead,
    drill ? listPayoutSalesPage(db, drill, TZ, { dir: "desc", page: 1, size: 25 }, NOW) : null,
    timelineRead.then((shown) => getPayoutAnswer(db, TZ, NOW, shown)),
    timelineRead.then((shown) => listPayoutGroups(db, calendarRanges.map((r) => ({ from: r.from, to: r.to })), TZ, NOW, shown)),
    listStatementCurrencies(db, TZ, NOW),
  ]);
  const shownDays = [range, ...calendarRanges, ...answer.next.map((g) => ({ from: g.dueDay, to: g.dueDay })), ...(drill ? [{ from: drill.dueDay, to: drill.dueDay }] : [])];
  await listPayoutMoves(db, shownDays, TZ);
  return timeline.groups.length;
}

async function recoveryPage(db: Db, sp: { from?: string; reason?: LeadFilters["reason"]; status?: LeadFilters["status"] }) {
  const fallback = defaultLeadRange(TZ, NOW);
  const range: LeadRange = { from: sp.from ?? fallback.from, to: fallback.to };
  const filters: LeadFilters = { reason: sp.reason, status: sp.status ?? "todo" };
  const [figures] = await Promise.all([rangeRecoveries(db, range, 14), listMembers(db)]);
  reasonCountsOf(figures.groups, filters);
  const page = await listLeadPage(db, range, { filters, recovered: figures.recovered, sort: { column: "at", dir: "desc" }, page: 1, size: 25, windowDays: 14 });
  await buildLeadMessages(db, page.rows.filter(isOpenLead).map((l) => l.saleId), "fr", MIRROR_ONLY_LINKS);
  recoveryStats(figures.groups);
  return page.rows.length;
}

async function downloadsPage(db: Db, q: Record<string, string>) {
  const filter = downloadsQuerySchema.parse(q);
  // Every table on its first page in its default order, as app/(dashboard)/downloads/page.tsx asks.
  const first = (t: DownloadTable) => ({ sort: DOWNLOAD_TABLES[t].sort, page: 1, size: 25 });
  const report = await downloadsPageData(db, filter, { waiting: first("waiting"), unusual: first("unusual"), products: first("products"), recent: first("recent") }, NOW);
  return report.coverage.paidSales;
}

async function licencesPage(db: Db, q: Record<string, string>) {
  const list = licencesListSchema.parse(q);
  const [page] = await Promise.all([listLicences(db, list, { now: NOW }), licenceCountsByStatus(db), licenceProducts(db), loadLicencesSyncState({ db }), notAvailableSince(db, "licences")]);
  return page.total;
}

async function ordersPage(db: Db, filter: OrderFilter) {
  return (await listOrderPage(db, { filter, sort: { column: "paid_at", dir: "asc" }, page: 1, size: 25 })).total;
}

// ---- The naive answers: the same questions over the base tables, no index of the app's ----
// Each page load's questions written the obvious way (GROUP BY / ORDER BY … LIMIT over `sales NOT INDEXED`
// or the list's base table NOT INDEXED, small side tables joined by key; the recovered-lead check looks a
// lead's customer up through the mirror's first customer index, sales_customer_idx, as anyone would),
// run one after the other: a page load's naive answer is their sum.

const PAID = "status in ('completed','settled')";

function payoutsNaive(sp: { from?: string; to?: string; month?: string; currency?: string; day?: string }): string[] {
  const day = today(TZ, NOW);
  const range = resolveSettlementRange({ from: sp.from, to: sp.to }, TZ, NOW);
  const grid = monthGrid(sp.month ?? day.slice(0, 7));
  const payoutDays = (from: string, to: string) =>
    `select coalesce(settlement_currency, currency), substr(settlement_due_at, 1, 10) as due_day, count(*), sum(amount), sum(settlement_net), max(settlement_done_at is null) from sales not indexed where ${PAID} and settlement_due_at >= '${from}' and settlement_due_at < '${addDays(to, 1)}' group by 1, 2`;
  const out = [
    payoutDays(range.from, range.to),
    `select currency, count(*), sum(amount), count(detail_at) from sales not indexed where ${PAID} and paid_local_day between '${range.from}' and '${range.to}' and settlement_due_at is null group by 1`,
    payoutDays(grid.from, grid.to),
    `select coalesce(settlement_currency, currency), substr(settlement_due_at, 1, 10), sum(settlement_net) from sales not indexed where ${PAID} and settlement_done_at is null and settlement_due_at < '${addDays(day, 60)}' group by 1, 2`,
    `select coalesce(settlement_currency, currency), count(*) from sales not indexed where ${PAID} and settlement_due_at >= '${addDays(day, -400)}' group by 1`,
  ];
  if (sp.currency && sp.day) {
    const where = `${PAID} and settlement_due_at >= '${sp.day}' and settlement_due_at < '${addDays(sp.day, 1)}' and coalesce(settlement_currency, currency) = '${sp.currency}'`;
    out.push(`select * from sales not indexed where ${where} order by completed_at desc, id limit 26`, `select count(*) from sales not indexed where ${where}`);
  }
  return out;
}

// Recovery's naive answer asks what the page asks: the inbox page and the reason counts with "recovered"
// meaning either rule (a paid sale naming the lead — its exact link — or the same customer's payment for
// the product within the 14-day window), and the figures: per lead its recovering payment (which one, its
// amount and currency, when: the recovered value counts each payment once, the median needs the times)
// grouped by currency, failure, payment method and contacted — over `sales NOT INDEXED`, each lead's
// payment looked up through the link index and the customer index as anyone would.
function recoveryNaive(sp: { from?: string; reason?: string; status?: string }): string[] {
  const day = today(TZ, NOW);
  const from = sp.from ?? addDays(day, -29);
  const leads = (alias: string) => `${alias}.status in ('failed','abandoned') and ${alias}.local_day between '${from}' and '${day}'`;
  const at = (alias: string) => `coalesce(${alias}.failed_at, ${alias}.abandoned_at, ${alias}.created_at)`;
  const paidAt = "coalesce(p.completed_at, p.created_at)";
  const link = `(select p.id from sales p indexed by sales_recovery_lead_idx where p.recovery_lead_id = s.id and p.${PAID} order by ${paidAt}, p.id limit 1)`;
  const window = `(select p.id from sales p indexed by sales_customer_idx where p.customer_id = s.customer_id and p.product_id = s.product_id and p.${PAID} and ${paidAt} > ${at("s")} and ${paidAt} <= strftime('%Y-%m-%dT%H:%M:%fZ', ${at("s")}, '+14 days') order by ${paidAt}, p.id limit 1)`;
  const recovered = `coalesce(${link}, ${window}) is not null`;
  const state = sp.status === "all" ? "1" : `(r.state is null or r.state not in ('won','lost')) and not ${recovered}`;
  const reason = sp.reason ? `s.status = '${sp.reason}'` : "1";
  return [
    `select s.*, r.state from sales s not indexed left join recovery_leads r on r.sale_id = s.id where ${leads("s")} and ${reason} and ${state} order by ${at("s")} desc, s.id limit 26`,
    `select s.status, count(*) from sales s not indexed left join recovery_leads r on r.sale_id = s.id where ${leads("s")} and ${state} group by s.status`,
    `select s.currency, s.status, s.failure_code, s.failure_message, coalesce(s.payment_method_name, s.payment_method_id), r.contacted_at is not null or r.state = 'contacted',
       pay.id, pay.amount, pay.currency, coalesce(pay.completed_at, pay.created_at), case when pay.id is not null then ${at("s")} end, count(*), sum(coalesce(s.amount, s.original_amount))
     from sales s not indexed left join recovery_leads r on r.sale_id = s.id left join sales pay on pay.id = coalesce(${link}, ${window})
     where ${leads("s")} group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11`,
  ];
}

function downloadsNaive(q: { days?: number; threshold?: number }): string[] {
  const files = `${PAID} and product_type != 'service'`;
  const limit = q.threshold ?? `(select download_total from sales not indexed where ${files} and download_total is not null order by download_total limit 1 offset (select cast(count(download_total) * 0.99 as int) from sales not indexed where ${files}))`;
  const waiting = `${files} and download_total = 0 and completed_at <= '${iso(NOW.getTime() - (q.days ?? 3) * DAY_MS)}'`;
  return [
    `select count(*), count(download_total) from sales not indexed where ${files}`,
    `select * from sales not indexed where ${waiting} order by completed_at, id limit 26`,
    `select count(*) from sales not indexed where ${waiting}`,
    `select * from sales not indexed where ${files} and download_total > ${limit} order by download_total desc, id limit 26`,
    `select product_id, count(*), count(download_total), sum(download_total > 0) from sales not indexed where ${files} group by product_id`,
    `select * from sales not indexed where ${files} order by completed_at desc, id limit 26`,
  ];
}

function licencesNaive(q: { status?: string; expiring?: number; sort?: string }): string[] {
  const where = [q.status ? `l.status = '${q.status}'` : "1", q.expiring ? `l.expires_at between '${NOW.toISOString()}' and '${iso(NOW.getTime() + q.expiring * DAY_MS)}' and l.status not in ('revoked','expired')` : "1"].join(" and ");
  const by = q.sort === "customer" ? "lower(coalesce(l.customer_name, s.customer_name, l.customer_email, s.customer_email))" : "l.expires_at";
  return [
    `select l.*, s.product_name from sale_licences l not indexed left join sales s on s.id = l.sale_id where ${where} order by ${by} is null, ${by}, l.licence_id limit 26`,
    `select count(*) from sale_licences l not indexed where ${where}`,
    `select status, count(*) from sale_licences not indexed group by status`,
    `select coalesce(l.product_id, s.product_id), max(coalesce(l.product_name, s.product_name)) from sale_licences l not indexed left join sales s on s.id = l.sale_id group by 1`,
  ];
}

function ordersNaive(filter: OrderFilter): string[] {
  const state = filter === "to_ship" ? "f.sale_id is null" : filter === "all" ? "1" : `f.state = '${filter}'`;
  const from = `sales s not indexed left join fulfilments f on f.sale_id = s.id where s.${PAID} and trim(s.shipping_address) != '' and ${state}`;
  return [`select s.*, f.state from ${from} order by coalesce(s.completed_at, s.created_at), s.id limit 26`, `select count(*) from ${from}`];
}

type Load = { name: string; run: () => Promise<unknown>; naive: string[] };

function loads(db: Db): Record<string, Load[]> {
  const day = today(TZ, NOW);
  const month = shiftMonth(day.slice(0, 7), -3);
  const drill = { currency: "XOF", day: addDays(day, -10) };
  const week = addDays(day, -6);
  const ninety = { from: addDays(day, -90), to: day };
  return {
    payouts: [
      { name: "default", run: () => payoutsPage(db, {}), naive: payoutsNaive({}) },
      { name: "calendar 3 months back", run: () => payoutsPage(db, { month }), naive: payoutsNaive({ month }) },
      { name: "a payout's sales (XOF, 10 days ago)", run: () => payoutsPage(db, drill), naive: payoutsNaive(drill) },
      { name: "range: last 90 days", run: () => payoutsPage(db, ninety), naive: payoutsNaive(ninety) },
    ],
    recovery: [
      { name: "default", run: () => recoveryPage(db, {}), naive: recoveryNaive({}) },
      { name: "reason failed", run: () => recoveryPage(db, { reason: "failed" }), naive: recoveryNaive({ reason: "failed" }) },
      { name: "status all", run: () => recoveryPage(db, { status: "all" }), naive: recoveryNaive({ status: "all" }) },
      { name: "last 7 days", run: () => recoveryPage(db, { from: week }), naive: recoveryNaive({ from: week }) },
    ],
    downloads: [
      { name: "default", run: () => downloadsPage(db, {}), naive: downloadsNaive({}) },
      { name: "not accessed after 7 days", run: () => downloadsPage(db, { days: "7" }), naive: downloadsNaive({ days: 7 }) },
      { name: "threshold 10", run: () => downloadsPage(db, { threshold: "10" }), naive: downloadsNaive({ threshold: 10 }) },
    ],
    licences: [
      { name: "default", run: () => licencesPage(db, {}), naive: licencesNaive({}) },
      { name: "status active", run: () => licencesPage(db, { status: "active" }), naive: licencesNaive({ status: "active" }) },
      { name: "expiring within 30 days", run: () => licencesPage(db, { expiringWithinDays: "30" }), naive: licencesNaive({ expiring: 30 }) },
      { name: "sorted by customer", run: () => licencesPage(db, { sort: "customer" }), naive: licencesNaive({ sort: "customer" }) },
    ],
    orders: [
      { name: "default (to ship)", run: () => ordersPage(db, "to_ship"), naive: ordersNaive("to_ship") },
      { name: "shipped", run: () => ordersPage(db, "shipped"), naive: ordersNaive("shipped") },
      { name: "all", run: () => ordersPage(db, "all"), naive: ordersNaive("all") },
    ],
  };
}

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}, ${new Date().toISOString()}`);
  fs.mkdirSync("/tmp/chariow-bench", { recursive: true });
  const exists = fs.existsSync(FILE);
  const opened = await openDatabase(`file:${FILE}`);
  if (!exists) await generate(opened);
  const { db } = opened;
  const count = await db.selectFrom("sales").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  console.log(`database: ${Number(count.n).toLocaleString("en-US")} sales, ${(fs.statSync(FILE).size / 1e6).toFixed(0)} MB, now = ${NOW.toISOString()}`);

  const views: Record<string, { p50Ms: number; p95Ms: number; maxMs: number; naiveMs: number }> = {};
  const only = process.argv[3]?.split(",");
  for (const [view, mix] of Object.entries(loads(db))) {
    if (only && !only.includes(view)) continue;
    for (const l of mix) await l.run(); // warm the page cache once, as a server that has been up
    const times: number[] = [];
    const per = new Map<string, number[]>();
    for (let round = 0; round < 5; round++) {
      for (const l of mix) {
        const ms = await timed(l.run);
        times.push(ms);
        per.set(l.name, [...(per.get(l.name) ?? []), ms]);
      }
    }
    // The naive answer of each page load, once (they are slow): its questions one after the other.
    const naiveTimes: number[] = [];
    for (const l of mix) {
      const ms = await timed(async () => {
        for (const text of l.naive) await sql.raw(text).execute(db);
      });
      naiveTimes.push(ms);
      const t = per.get(l.name)!;
      console.log(`  ${view} ${l.name.padEnd(40)} median ${percentile(t, 50).toFixed(1)} ms, max ${Math.max(...t).toFixed(1)} ms; naive ${ms.toFixed(1)} ms`);
    }
    const r = (x: number) => Math.round(x * 10) / 10;
    views[view] = { p50Ms: r(percentile(times, 50)), p95Ms: r(percentile(times, 95)), maxMs: r(Math.max(...times)), naiveMs: r(percentile(naiveTimes, 50)) };
    console.log(`${view}: p50 ${views[view].p50Ms} ms, p95 ${views[view].p95Ms} ms, max ${views[view].maxMs} ms, naive ${views[view].naiveMs} ms (${(views[view].naiveMs / views[view].p50Ms).toFixed(1)}× at p50)`);
  }
  await opened.close();
  console.log(`RESULT ${JSON.stringify({ sales: TOTAL, engine: "sqlite", views })}`);
}

void main();
