// The /v1 endpoints: query validation, filters, keyset pages and the two list shapes
// (chariow-api.md §3 nested for current, flat for legacy), over the in-memory model.
import { DISCOUNTS, PRODUCTS } from "./catalog";
import { fail, notFound, ok, type Reply } from "./http-util";
import { handleInvitations } from "./invitations";
import type { StoreModel } from "./model";
import { decodeCursor, lowerBound, pageDesc, type CursorPosition, type Page } from "./pagination";
import { materialiseSale } from "./sale-model";
import { affiliateJson, customerJson, discountJson, isLicenceSale, licenceForSale, licenceJson, productJson, storeJson } from "./serialize-other";
import { saleDetail, saleSummary, type Json, type SerializeContext } from "./serialize-sale";
import { SALE_STATUSES } from "./types";
import { STATUS_CODE } from "./generator";

export interface V1Context extends SerializeContext {
  model: StoreModel;
  pulses: () => Json[];
  origin: string;
  /** Resources this store does not have (SimulatorOptions.missingEndpoints): answered like an unknown route. */
  missing: ReadonlySet<string>;
  /** POST /checkout (checkout.ts): it needs the runtime (clock, Pulses), so the server hands it in. */
  checkout: (rawBody: string) => Reply;
}

class BadRequest extends Error {}

function parseDate(q: URLSearchParams, name: string, endOfDay: boolean): number | null {
  const raw = q.get(name);
  if (raw === null || raw === "") return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const t = m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : NaN;
  if (!m || Number.isNaN(t) || new Date(t).getUTCDate() !== +m[3] || new Date(t).getUTCMonth() !== +m[2] - 1) throw new BadRequest(`The ${name.replace("_", " ")} does not match the format Y-m-d.`);
  return t / 1000 + (endOfDay ? 86_400 : 0);
}

interface ListParams {
  perPage: number;
  cursor: CursorPosition | null;
  startSec: number | null;
  endSecExclusive: number | null;
  search: string | null;
}

function listParams(q: URLSearchParams): ListParams {
  const pp = q.get("per_page");
  let perPage = 15; // the sales guide's default (seed 000/001)
  if (pp !== null && pp !== "") {
    if (!/^\d+$/.test(pp) || Number(pp) < 1) throw new BadRequest("The per page field must be an integer between 1 and 100.");
    perPage = Math.min(100, Number(pp)); // above 100 is undocumented: clamp (chariow-api.md §3)
  }
  const rawCursor = q.get("cursor");
  let cursor: CursorPosition | null = null;
  if (rawCursor !== null && rawCursor !== "") {
    cursor = decodeCursor(rawCursor);
    if (!cursor) throw new BadRequest("The cursor is invalid.");
  }
  const startSec = parseDate(q, "start_date", false);
  const endSecExclusive = parseDate(q, "end_date", true);
  if (startSec !== null && endSecExclusive !== null && endSecExclusive <= startSec) throw new BadRequest("The end date must be a date after or equal to start date.");
  const s = q.get("search")?.trim();
  return { perPage, cursor, startSec, endSecExclusive, search: s ? s : null };
}

function listReply(items: Json[], page: Page, perPage: number, ctx: V1Context, path: string): Reply {
  const pagination = { next_cursor: page.nextCursor, prev_cursor: page.prevCursor, has_more: page.hasMore, per_page: perPage };
  if (ctx.dialect === "legacy") {
    // The seeds' flat shape, read by their pagination loop as result.data / result.pagination.next_cursor.
    const url = `${ctx.origin}/v1/${path}`;
    return { status: 200, body: { data: items, pagination: { ...pagination, path: url, next_page_url: page.nextCursor ? `${url}?cursor=${page.nextCursor}` : null } } };
  }
  return ok({ data: items, pagination });
}

function dateBounds(arr: Uint32Array, n: number, p: ListParams): [number, number] {
  const lo = p.startSec === null ? 0 : lowerBound(arr, n, p.startSec);
  const hi = p.endSecExclusive === null ? n : lowerBound(arr, n, p.endSecExclusive);
  return [lo, hi];
}

function listSales(q: URLSearchParams, ctx: V1Context): Reply {
  const p = listParams(q);
  const m = ctx.model;
  const a = m.arrays;
  const status = q.get("status");
  if (status !== null && status !== "" && !(SALE_STATUSES as readonly string[]).includes(status)) throw new BadRequest("The selected status is invalid.");
  const statusCode = status ? STATUS_CODE[status as (typeof SALE_STATUSES)[number]] : -1;
  const customerRaw = q.get("customer_id");
  const customerIdx = customerRaw ? m.customerIndex(customerRaw) : null;
  if (customerRaw && customerIdx === null) return listReply([], { items: [], hasMore: false, nextCursor: null, prevCursor: null }, p.perPage, ctx, "sales");
  let searchSale: number | null = null;
  let searchCustomers: Set<number> | null = null;
  if (p.search) {
    searchSale = m.saleIndex(p.search);
    searchCustomers = m.customersMatching(p.search);
  }
  const pred = (i: number) =>
    (statusCode < 0 || a.status[i] === statusCode) &&
    (customerIdx === null || a.customer[i] === customerIdx) &&
    (p.search === null || i === searchSale || searchCustomers!.has(a.customer[i]));
  const [lo, hi] = dateBounds(a.created, a.saleCount, p);
  const page = pageDesc(lo, hi, pred, p.perPage, p.cursor);
  const items = page.items.map((i) => saleSummary(materialiseSale(m, i, ctx.nowSec), ctx));
  return listReply(items, page, p.perPage, ctx, "sales");
}

function listCustomers(q: URLSearchParams, ctx: V1Context): Reply {
  const p = listParams(q);
  const m = ctx.model;
  const matches = p.search ? m.customersMatching(p.search) : null;
  const [lo, hi] = dateBounds(m.arrays.custCreated, m.customerCount, p);
  const page = pageDesc(lo, hi, (ci) => matches === null || matches.has(ci), p.perPage, p.cursor);
  return listReply(page.items.map((ci) => customerJson(m, ci, ctx)), page, p.perPage, ctx, "customers");
}

function listSmall<T>(q: URLSearchParams, ctx: V1Context, all: T[], render: (t: T) => Json, path: string): Reply {
  const p = listParams(q);
  const page = pageDesc(0, all.length, () => true, p.perPage, p.cursor);
  return listReply(page.items.map((i) => render(all[i])), page, p.perPage, ctx, path);
}

function listLicences(q: URLSearchParams, ctx: V1Context): Reply {
  const p = listParams(q);
  const m = ctx.model;
  const [lo, hi] = dateBounds(m.arrays.created, m.saleCount, p);
  const page = pageDesc(lo, hi, (i) => isLicenceSale(m, i), p.perPage, p.cursor);
  const items = page.items.map((i) => licenceJson(m, licenceForSale(m, i, ctx.nowSec)!, i, ctx));
  return listReply(items, page, p.perPage, ctx, "licenses");
}

const published = () => PRODUCTS.filter((x) => x.published);

export async function routeV1(method: string, path: string, q: URLSearchParams, body: () => Promise<string>, ctx: V1Context): Promise<Reply> {
  const seg = path.split("/").filter(Boolean); // path without the /v1 prefix
  const m = ctx.model;
  const get = method === "GET" || method === "HEAD";
  try {
    if (seg[0] === "affiliates" && seg[1] === "invitations" && seg.length === 2) {
      if (method !== "POST") return fail(405, `The ${method} method is not supported for route v1/affiliates/invitations. Supported methods: POST.`);
      return handleInvitations(await body(), ctx);
    }
    if (seg[0] === "checkout" && seg.length === 1) {
      if (method !== "POST") return fail(405, `The ${method} method is not supported for route v1/checkout. Supported methods: POST.`);
      return ctx.checkout(await body());
    }
    if (!get) return fail(405, `The ${method} method is not supported for route v1/${seg.join("/")}. Supported methods: GET, HEAD.`);
    const [r, id, extra] = seg;
    if (extra !== undefined || ctx.missing.has(r)) return fail(404, `The route v1/${seg.join("/")} could not be found.`);
    switch (r) {
      case "store":
        if (id === undefined) return ok(storeJson(m));
        break;
      case "sales": {
        if (id === undefined) return listSales(q, ctx);
        const i = m.saleIndex(decodeURIComponent(id));
        return i === null ? notFound("Sale") : ok(saleDetail(materialiseSale(m, i, ctx.nowSec), ctx));
      }
      case "customers": {
        if (id === undefined) return listCustomers(q, ctx);
        const ci = m.customerIndex(decodeURIComponent(id));
        return ci === null ? notFound("Customer") : ok(customerJson(m, ci, ctx));
      }
      case "products": {
        const all = published().reverse();
        if (id === undefined) return listSmall(q, ctx, all, (x) => productJson(m, x, ctx), "products");
        const key = decodeURIComponent(id);
        const prod = all.find((x) => x.id === key || x.slug === key);
        return prod ? ok(productJson(m, prod, ctx)) : notFound("Product");
      }
      case "discounts": {
        const all = [...DISCOUNTS].reverse();
        if (id === undefined) return listSmall(q, ctx, all, (x) => discountJson(m, x, ctx), "discounts");
        const d = all.find((x) => x.id === decodeURIComponent(id));
        return d ? ok(discountJson(m, d, ctx)) : notFound("Discount");
      }
      case "licenses": {
        if (id === undefined) return listLicences(q, ctx);
        const i = m.licenceSaleIndex(decodeURIComponent(id));
        const lic = i === null ? null : licenceForSale(m, i, ctx.nowSec);
        return i === null || !lic ? notFound("License") : ok(licenceJson(m, lic, i, ctx));
      }
      case "affiliates": {
        if (id === undefined) break; // no list endpoint (chariow-api.md §6)
        let code: string;
        try {
          code = decodeURIComponent(id);
        } catch {
          return notFound("Affiliate");
        }
        const aff = m.affiliateByCode(code);
        return aff ? ok(affiliateJson(m, aff, ctx), "Affiliate retrieved successfully") : notFound("Affiliate");
      }
      case "pulses":
        if (id === undefined) return listSmall(q, ctx, ctx.pulses(), (x) => x, "pulses");
        break;
    }
    return fail(404, `The route v1/${seg.join("/")} could not be found.`);
  } catch (e) {
    if (e instanceof BadRequest) return fail(400, e.message);
    if (e instanceof URIError) return fail(400, "Malformed URL.");
    throw e;
  }
}
