// The Chariow API client: the only code that holds the API key. Every call goes through the key's
// scheduler, and every answer is parsed into the domain types or a typed ChariowError.
import "server-only";
import { z } from "zod";
import type { Clock } from "./clock";
import { ChariowValidationError } from "./errors";
import {
  customersListParamsSchema,
  discountsListParamsSchema,
  invitationEmailsSchema,
  licensesListParamsSchema,
  productsListParamsSchema,
  salesListParamsSchema,
  type CustomersListParams,
  type DiscountsListParams,
  type LicensesListParams,
  type ProductsListParams,
  type SalesListParams,
} from "./params";
import { parseBody, throwForStatus } from "./parse";
import { defaultSchedulerRegistry } from "./scheduler-registry";
import type { Priority, Scheduler } from "./scheduler";
import { affiliateSchema, invitationDataSchema, type Affiliate, type Invitation } from "./schemas/affiliate";
import {
  customerSchema,
  discountSchema,
  licenseSchema,
  productSchema,
  pulseConfigSchema,
  storeSchema,
  type Customer,
  type Discount,
  type License,
  type Product,
  type PulseConfig,
  type Store,
} from "./schemas/catalog";
import { itemSchema, listSchema, type Page } from "./schemas/common";
import { checkoutDataSchema, checkoutParamsSchema, type CheckoutParams, type CheckoutResult } from "./schemas/checkout";
import { saleDetailSchema, saleSummarySchema, type Sale } from "./schemas/sale";
import { createTransport, pathWithSegment as segmentPath, type FetchLike, type HttpMethod } from "./transport";

export interface ChariowClientOptions {
  baseUrl: string;
  apiKey: string;
  fetch?: FetchLike;
  /** Defaults to the process-wide scheduler of this API key. */
  scheduler?: Scheduler;
  timeoutMs?: number;
  clock?: Clock;
}

export interface CallOptions {
  /** Default "interactive": a person is waiting. Sync passes "background". */
  priority?: Priority;
  signal?: AbortSignal;
  /** How long to wait for the budget before ChariowBudgetExhaustedError (scheduler's default otherwise). */
  maxWaitMs?: number;
}

export interface InvitationResult {
  invitations: Invitation[];
  /** Null when the API answered with a plain array and said nothing about skipped emails. */
  skipped: { alreadyAffiliate: string[]; alreadyInvited: string[] } | null;
  /** Requested emails that were neither invited nor listed as skipped (e.g. skipped without a reason). */
  notInvited: string[];
}

export type ChariowClient = ReturnType<typeof createChariowClient>;

const salesList = listSchema(saleSummarySchema);
const saleItem = itemSchema(saleDetailSchema);
const customersList = listSchema(customerSchema);
const productsList = listSchema(productSchema);
const discountsList = listSchema(discountSchema);
const licensesList = listSchema(licenseSchema);
const pulsesList = z.union([itemSchema(z.array(pulseConfigSchema)), listSchema(pulseConfigSchema).transform((p) => p.items)]);

function validate<T extends z.ZodType>(endpoint: string, schema: T, params: unknown): z.output<T> {
  const r = schema.safeParse(params ?? {});
  if (r.success) return r.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of r.error.issues) {
    const key = issue.path.map(String).join(".") || "params";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  throw new ChariowValidationError("Invalid parameters", endpoint, fieldErrors, null);
}

export function createChariowClient(options: ChariowClientOptions) {
  const transport = createTransport({
    baseUrl: options.baseUrl,
    apiKey: options.apiKey,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    now: options.clock ? () => options.clock!.now() : undefined,
  });
  const scheduler = options.scheduler ?? defaultSchedulerRegistry.forKey(options.apiKey, { clock: options.clock });

  async function call<T extends z.ZodType>(
    endpoint: string,
    method: HttpMethod,
    path: string,
    schema: T,
    opts: CallOptions = {},
    extra: { query?: Record<string, string | number | undefined>; body?: unknown; sendOnce?: boolean } = {},
  ): Promise<z.output<T>> {
    const request = { method, path, endpoint, query: extra.query, body: extra.body };
    const raw = await scheduler.run({
      method,
      endpoint,
      priority: opts.priority ?? "interactive",
      signal: opts.signal,
      ...(opts.maxWaitMs !== undefined ? { maxWaitMs: opts.maxWaitMs } : {}),
      ...(extra.sendOnce ? { sendOnce: true } : {}),
      send: (signal) => transport(request, signal),
    });
    throwForStatus(endpoint, raw);
    return parseBody(endpoint, schema, raw);
  }

  function list<T extends z.ZodType, P extends z.ZodType>(endpoint: string, path: string, params: P, schema: T) {
    return async (input?: z.input<P>, opts?: CallOptions): Promise<z.output<T>> => {
      const query = validate(endpoint, params, input) as Record<string, string | number | undefined>;
      return call(endpoint, "GET", path, schema, opts, { query });
    };
  }

  return {
    /** The scheduler serving this key: `state()` and `subscribe()` for budget and queue displays. */
    scheduler,
    getStore: async (opts?: CallOptions): Promise<Store> => call("GET /store", "GET", "/store", itemSchema(storeSchema), opts),
    listSales: list("GET /sales", "/sales", salesListParamsSchema, salesList) as (
      params?: SalesListParams,
      opts?: CallOptions,
    ) => Promise<Page<Sale>>,
    getSale: async (id: string, opts?: CallOptions): Promise<Sale> =>
      call("GET /sales/{id}", "GET", segmentPath("GET /sales/{id}", "/sales/", id), saleItem, opts),
    listCustomers: list("GET /customers", "/customers", customersListParamsSchema, customersList) as (
      params?: CustomersListParams,
      opts?: CallOptions,
    ) => Promise<Page<Customer>>,
    getCustomer: async (id: string, opts?: CallOptions): Promise<Customer> =>
      call("GET /customers/{id}", "GET", segmentPath("GET /customers/{id}", "/customers/", id), itemSchema(customerSchema), opts),
    listProducts: list("GET /products", "/products", productsListParamsSchema, productsList) as (
      params?: ProductsListParams,
      opts?: CallOptions,
    ) => Promise<Page<Product>>,
    getProduct: async (idOrSlug: string, opts?: CallOptions): Promise<Product> =>
      call("GET /products/{id}", "GET", segmentPath("GET /products/{id}", "/products/", idOrSlug), itemSchema(productSchema), opts),
    listDiscounts: list("GET /discounts", "/discounts", discountsListParamsSchema, discountsList) as (
      params?: DiscountsListParams,
      opts?: CallOptions,
    ) => Promise<Page<Discount>>,
    getDiscount: async (id: string, opts?: CallOptions): Promise<Discount> =>
      call("GET /discounts/{id}", "GET", segmentPath("GET /discounts/{id}", "/discounts/", id), itemSchema(discountSchema), opts),
    listLicenses: list("GET /licenses", "/licenses", licensesListParamsSchema, licensesList) as (
      params?: LicensesListParams,
      opts?: CallOptions,
    ) => Promise<Page<License>>,
    getLicense: async (key: string, opts?: CallOptions): Promise<License> =>
      call("GET /licenses/{key}", "GET", segmentPath("GET /licenses/{key}", "/licenses/", key), itemSchema(licenseSchema), opts),
    async getAffiliate(code: string, opts?: CallOptions): Promise<Affiliate> {
      const endpoint = "GET /affiliates/{code}";
      const affiliate = await call(endpoint, "GET", segmentPath(endpoint, "/affiliates/", code), itemSchema(affiliateSchema), opts);
      // The current shape may omit the code on the store affiliate; it is the one we looked up.
      return { ...affiliate, code: affiliate.code ?? code };
    },
    async inviteAffiliates(emails: string[], opts?: CallOptions): Promise<InvitationResult> {
      const endpoint = "POST /affiliates/invitations";
      const body = { emails: validate(endpoint, invitationEmailsSchema, emails) };
      const data = await call(endpoint, "POST", "/affiliates/invitations", itemSchema(invitationDataSchema), opts, { body });
      const accounted = new Set(
        [...data.invitations.map((i) => i.email), ...(data.skipped?.alreadyAffiliate ?? []), ...(data.skipped?.alreadyInvited ?? [])].map(
          (e) => e.toLowerCase(),
        ),
      );
      return { ...data, notInvited: body.emails.filter((e) => !accounted.has(e.toLowerCase())) };
    },
    listPulses: async (opts?: CallOptions): Promise<PulseConfig[]> => call("GET /pulses", "GET", "/pulses", pulsesList, opts),
    /**
     * POST /checkout: makes a sale on Chariow (channel `api`) and, for a paid product, its hosted payment
     * link. Sent once, never retried — not on a 5xx, a timeout, a dropped connection or a 429 — since a
     * lost answer does not mean no sale was made: the caller records such an outcome as unknown. The body
     * is validated before any request is spent (ChariowValidationError with status null). A person is
     * waiting: interactive priority by default, within the key's budget like every call.
     */
    async createCheckout(params: CheckoutParams, opts?: CallOptions): Promise<CheckoutResult> {
      const endpoint = "POST /checkout";
      const body = validate(endpoint, checkoutParamsSchema, params);
      return call(endpoint, "POST", "/checkout", itemSchema(checkoutDataSchema), opts, { body, sendOnce: true });
    },
  };
}
