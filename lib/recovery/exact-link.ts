// Exact recovery links (issue 16): a fresh payment link for one lead, made with Chariow's POST /checkout for
// the lead's product and customer (an optional discount code), its custom_metadata carrying the lead's id —
// the sale that pays it then recovers the lead exactly (attribution.ts, "by link"). The request makes a sale
// on Chariow (channel `api`), so it is sent once and never again by itself: one link per lead, claimed by
// inserting the lead's row before the request (a unique lead_id: two clicks, two tabs or two instances make
// one request; the later ones wait for its answer). A lost answer (timeout, dropped connection, 5xx,
// unreadable 2xx) may hide a sale that was made: the outcome is stored as `unknown` and only a member's
// explicit retry (`retryUnknown`) sends a new request. Every request sent is audited
// (`recovery.checkout_link`).
import "server-only";
import type { Kysely, Selectable } from "kysely";
import { z } from "zod";
import { recordAudit, type Actor } from "@/lib/audit";
import {
  ChariowAbortedError,
  ChariowBudgetExhaustedError,
  ChariowError,
  ChariowMalformedResponseError,
  ChariowRateLimitedError,
  ChariowUpstreamUnavailableError,
  ChariowValidationError,
  type ChariowClient,
  type CheckoutParams,
  type CheckoutResult,
} from "@/lib/chariow";
import type { Database, RecoveryCheckoutLinksTable } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { RECOVERY_LEAD_METADATA_KEY, upsertSales } from "@/lib/mirror";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { customerOfPulse } from "./lead-contact";
import type { ExactLinkErrorCode, ExactLinkStatus, ExactLinkStep } from "./exact-link-codes";
import { DIALLING_CODES, internationalPhone } from "./phone";
import { getLead, type Lead } from "./worklist";

/** Hosts a hosted payment page may be on (chariow-api-addendum-2026-12.md §2, a client's allow-list). */
export const CHECKOUT_HOSTS = ["chariow.com", "mychariow.com", "chariow.shop", "moneroo.io"] as const;
/** A claim older than this is a request whose answer never came back (the transport gives up after 15 s). */
const STALE_CLAIM_MS = 2 * 60_000;
/** How long a second request for the same lead waits for the first one's answer before saying it is in progress. */
const WAIT_FOR_CLAIM_MS = 25_000;
const POLL_MS = 150;

export const exactLinkBodySchema = z
  .object({
    /** A Chariow discount code for this customer's link (letters, digits, - and _). */
    discountCode: z.string().trim().min(1).max(50).regex(/^[A-Za-z0-9_-]+$/, "letters, digits, - and _ only").optional(),
    /** After an unknown outcome: the member checked Chariow and asks for a new request anyway. */
    retryUnknown: z.boolean().optional(),
  })
  .strict();
export type ExactLinkBody = z.infer<typeof exactLinkBodySchema>;

export interface ExactRecoveryLink {
  leadId: string;
  /** pending: the request is in flight; created: Chariow answered (see `step`); unknown: no answer came back. */
  status: ExactLinkStatus;
  step: ExactLinkStep | null;
  /** The sale Chariow made (or, already_purchased, the customer's earlier purchase). */
  saleId: string | null;
  /** The hosted payment page to send the customer (step payment). */
  url: string | null;
  discountCode: string | null;
  /** Why the outcome is unknown (timeout, network, server_error, malformed_response, aborted, url_not_allowed, interrupted). */
  failure: string | null;
  attempts: number;
  createdBy: string | null;
  createdAt: string;
}

export interface ExactLinkOutcome {
  link: ExactRecoveryLink;
  /** False when the stored link was returned without a request. */
  created: boolean;
  /** already_purchased: the customer owns the product, so the lead was marked won. */
  leadMarkedWon: boolean;
}

export { EXACT_LINK_ERROR_CODES, type ExactLinkErrorCode } from "./exact-link-codes";

export class ExactLinkError extends AppError {
  constructor(code: ExactLinkErrorCode, status: number, message: string, field?: string) {
    super(message, { code, status, field });
  }
}

type LinkRow = Selectable<RecoveryCheckoutLinksTable>;

function toLink(r: LinkRow): ExactRecoveryLink {
  return {
    leadId: r.lead_id, status: r.status as ExactLinkStatus, step: r.step as ExactLinkStep | null, saleId: r.sale_id, url: r.url,
    discountCode: r.discount_code, failure: r.failure, attempts: r.attempts, createdBy: r.created_by, createdAt: r.created_at,
  };
}

async function readRow(db: Kysely<Database>, leadId: string): Promise<LinkRow | undefined> {
  return db.selectFrom("recovery_checkout_links").selectAll().where("lead_id", "=", leadId).executeTakeFirst();
}

/** The lead's exact recovery link, if one was ever asked for (for the lead's panel). */
/**
 * How long the link may wait for the API budget before "try again in a few minutes". Longer than other
 * interactive reads (5 s): the member asked for it and watches "Creating the link…", and at 10 requests a
 * minute a slot frees about every 6 s while the sync is busy. Nothing is sent until a slot is held, so the
 * wait never risks a second sale.
 */
export const CHECKOUT_MAX_WAIT_MS = 20_000;

export async function getExactRecoveryLink(db: Kysely<Database>, leadId: string): Promise<ExactRecoveryLink | null> {
  const row = await readRow(db, leadId);
  return row ? toLink(row) : null;
}

export function isAllowedCheckoutUrl(url: string): boolean {
  try {
    const u = new URL(url);
    const host = u.hostname.toLowerCase();
    return u.protocol === "https:" && CHECKOUT_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
  } catch {
    return false;
  }
}

export interface ExactLinkDeps {
  /** The key's client (null: no key configured → 503 not_connected). */
  client: ChariowClient | null;
  now?: () => Date;
}

class NotConnected extends AppError {
  constructor() {
    super("No Chariow API key is configured", { code: "not_connected", status: 503 });
  }
}

/**
 * The lead's exact recovery link: the stored one when it exists, else one request to POST /checkout.
 * Throws ExactLinkError (codes above), NotFound-like errors, or passes a spent budget through (503).
 */
export async function createExactRecoveryLink(db: Kysely<Database>, leadId: string, body: ExactLinkBody, actor: Actor, deps: ExactLinkDeps): Promise<ExactLinkOutcome> {
  const now = deps.now ?? (() => new Date());
  const lead = await getLead(db, leadId);
  if (!lead) throw new ExactLinkError("lead_not_found", 404, "Not a failed or abandoned sale");
  const existing = await settledRow(db, leadId, now);
  if (existing?.status === "created") return { link: toLink(existing), created: false, leadMarkedWon: false };
  if (existing?.status === "pending") return waitForClaim(db, leadId, now);
  if (existing?.status === "unknown" && !body.retryUnknown) throw outcomeUnknown(409, existing.failure);

  if (lead.recovered || lead.state === "won") throw new ExactLinkError("lead_not_recoverable", 409, lead.recovered ? "The lead is already recovered" : "The lead is already won");
  const params = checkoutParams(lead, await customerPhone(db, leadId), body.discountCode);
  if (!deps.client) throw new NotConnected();

  // The claim: the lead's row, inserted (or moved from unknown back to pending) before anything is sent.
  const at = now().toISOString();
  const claimed = existing
    ? await db
        .updateTable("recovery_checkout_links")
        .set({ status: "pending", step: null, sale_id: null, url: null, failure: null, discount_code: body.discountCode ?? null, attempts: existing.attempts + 1, created_by: actor.id, updated_at: at })
        .where("lead_id", "=", leadId)
        .where("status", "=", "unknown")
        .executeTakeFirst()
    : await db
        .insertInto("recovery_checkout_links")
        .values({ lead_id: leadId, status: "pending", discount_code: body.discountCode ?? null, created_by: actor.id, created_at: at, updated_at: at })
        .onConflict((oc) => oc.column("lead_id").doNothing())
        .executeTakeFirst();
  const won = Number("numUpdatedRows" in claimed ? claimed.numUpdatedRows : (claimed.numInsertedOrUpdatedRows ?? 0)) > 0;
  if (!won) return waitForClaim(db, leadId, now);
  const attempt = existing ? existing.attempts + 1 : 1;

  let result: CheckoutResult;
  try {
    result = await deps.client.createCheckout(params, { priority: "interactive", maxWaitMs: CHECKOUT_MAX_WAIT_MS });
  } catch (error) {
    throw await recordFailure(db, { leadId, actor, attempt, discountCode: body.discountCode ?? null, wasUnknown: existing?.status === "unknown", previousFailure: existing?.failure ?? null, now }, error);
  }
  return recordSuccess(db, { leadId, actor, attempt, discountCode: body.discountCode ?? null, now }, result);
}

/** The stored row, with a claim whose answer never came back (a crash mid-request) turned into unknown. */
async function settledRow(db: Kysely<Database>, leadId: string, now: () => Date): Promise<LinkRow | undefined> {
  const row = await readRow(db, leadId);
  if (row?.status !== "pending" || now().getTime() - Date.parse(row.updated_at) < STALE_CLAIM_MS) return row;
  await db.updateTable("recovery_checkout_links").set({ status: "unknown", failure: "interrupted", updated_at: now().toISOString() }).where("id", "=", row.id).where("status", "=", "pending").execute();
  return readRow(db, leadId);
}

/** Another request holds the claim: wait for its answer and give the same one. */
async function waitForClaim(db: Kysely<Database>, leadId: string, now: () => Date): Promise<ExactLinkOutcome> {
  const deadline = Date.now() + WAIT_FOR_CLAIM_MS;
  for (;;) {
    const row = await readRow(db, leadId);
    if (row?.status === "created") return { link: toLink(row), created: false, leadMarkedWon: false };
    if (row?.status === "unknown") throw outcomeUnknown(409, row.failure);
    if (!row) throw new ExactLinkError("checkout_refused", 502, "Chariow refused the other request for this lead; nothing was made");
    if (Date.now() >= deadline || now().getTime() - Date.parse(row.updated_at) >= STALE_CLAIM_MS) throw inProgress();
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

const inProgress = () => new ExactLinkError("checkout_in_progress", 409, "A link for this lead is being made; try again in a moment");

function outcomeUnknown(status: number, failure: string | null): ExactLinkError {
  return new ExactLinkError(
    "checkout_outcome_unknown",
    status,
    `Chariow's answer never came back (${failure ?? "unknown"}): a sale may or may not have been made on Chariow. Nothing is sent again by itself; check Chariow's sales (channel API) and ask again with retryUnknown to make a new link.`,
  );
}

/** POST /checkout's body for the lead: its product and customer, the lead's id in custom_metadata. */
function checkoutParams(lead: Lead, phone: CheckoutParams["phone"], discountCode: string | undefined): CheckoutParams {
  if (!lead.productId) throw new ExactLinkError("lead_incomplete", 409, "The lead has no product");
  const email = lead.customerEmail?.trim() ?? "";
  if (!z.email().safeParse(email).success) throw new ExactLinkError("lead_incomplete", 409, "The lead has no valid customer e-mail");
  // Chariow asks for a first and a last name; a sale may only know the e-mail.
  const words = (lead.customerName ?? "").trim().split(/\s+/).filter(Boolean);
  const firstName = (words[0] ?? email.split("@")[0]).slice(0, 100);
  const lastName = (words.slice(1).join(" ") || firstName).slice(0, 100);
  return {
    product_id: lead.productId,
    email,
    first_name: firstName,
    last_name: lastName,
    ...(phone ? { phone } : {}),
    ...(discountCode ? { discount_code: discountCode } : {}),
    custom_metadata: { [RECOVERY_LEAD_METADATA_KEY]: lead.saleId },
  };
}

/** The customer's phone as Chariow takes it (national number + ISO2 country), from the lead's Pulse; else none. */
async function customerPhone(db: Kysely<Database>, leadId: string): Promise<CheckoutParams["phone"]> {
  const delivery = await db
    .selectFrom("pulse_deliveries")
    .select("body")
    .where("applied_key", "in", [`failed.sale|${leadId}`, `abandoned.sale|${leadId}`])
    .orderBy("id", "desc")
    .executeTakeFirst();
  const { phone, country } = customerOfPulse(delivery?.body ?? null);
  const e164 = internationalPhone(phone, country);
  const iso = country?.trim().toUpperCase() ?? "";
  const code = DIALLING_CODES[iso];
  if (!e164.ok || !code || !e164.digits.startsWith(code)) return undefined;
  const national = e164.digits.slice(code.length);
  return /^\d{6,15}$/.test(national) ? { number: national, country_code: iso } : undefined;
}

type Attempt = { leadId: string; actor: Actor; attempt: number; discountCode: string | null; now: () => Date };

async function recordSuccess(db: Kysely<Database>, a: Attempt, result: CheckoutResult): Promise<ExactLinkOutcome> {
  const at = a.now().toISOString();
  // A payment page off Chariow's hosts is not sent to a customer; a sale may exist, so the outcome is unknown.
  const badUrl = result.step === "payment" && (!result.checkoutUrl || !isAllowedCheckoutUrl(result.checkoutUrl));
  await db
    .updateTable("recovery_checkout_links")
    .set(badUrl ? { status: "unknown", failure: "url_not_allowed", sale_id: result.saleId, updated_at: at } : { status: "created", step: result.step, sale_id: result.saleId, url: result.checkoutUrl, failure: null, updated_at: at })
    .where("lead_id", "=", a.leadId)
    .execute();
  await recordAudit(db, {
    actor: a.actor,
    action: "recovery.checkout_link",
    target: a.leadId,
    details: { outcome: badUrl ? "unknown" : result.step, saleId: result.saleId, discountCode: a.discountCode, attempt: a.attempt, ...(badUrl ? { failure: "url_not_allowed" } : {}) },
  });
  // The sale Chariow made, in the mirror at once (its metadata names the lead): a completed one recovers it
  // now. Best effort: the sync and its Pulses bring it anyway, and the link is made whatever happens here.
  if (result.sale) {
    const sale = result.sale;
    await getStoreTimeZone(db)
      .then((timeZone) => upsertSales(db, [sale], { source: "list", receivedAt: at, timeZone }))
      .catch((e: unknown) => console.error("[recovery] could not mirror the checkout's sale", e));
  }
  if (badUrl) throw outcomeUnknown(502, "url_not_allowed");
  const leadMarkedWon = result.step === "already_purchased" && (await markWon(db, a.leadId, a.actor, at));
  return { link: toLink((await readRow(db, a.leadId))!), created: true, leadMarkedWon };
}

/**
 * Chariow says the customer already owns the product: there is nothing left to recover, so the lead is
 * marked won (audited like a member's own change), unless it was already.
 */
async function markWon(db: Kysely<Database>, leadId: string, actor: Actor, at: string): Promise<boolean> {
  const prev = await db.selectFrom("recovery_leads").selectAll().where("sale_id", "=", leadId).executeTakeFirst();
  if (prev?.state === "won") return false;
  if (prev) await db.updateTable("recovery_leads").set({ state: "won", updated_at: at, updated_by: actor.id }).where("sale_id", "=", leadId).execute();
  else await db.insertInto("recovery_leads").values({ sale_id: leadId, state: "won", note: null, assigned_to: null, contacted_at: null, updated_at: at, updated_by: actor.id }).execute();
  await recordAudit(db, { actor, action: "recovery.lead_updated", target: leadId, details: { state: "won", previousState: prev?.state ?? "open", reason: "already_purchased" } });
  return true;
}

/** What a failed request leaves behind, audited when it was sent; returns the error to throw. */
async function recordFailure(db: Kysely<Database>, a: Attempt & { wasUnknown: boolean; previousFailure: string | null }, error: unknown): Promise<unknown> {
  const at = a.now().toISOString();
  const unknownOutcome = error instanceof ChariowUpstreamUnavailableError || error instanceof ChariowMalformedResponseError || error instanceof ChariowAbortedError;
  // A parameter refused before sending (status null) or a spent budget sent nothing.
  const sent = !(error instanceof ChariowBudgetExhaustedError) && !(error instanceof ChariowValidationError && error.status === null);
  if (unknownOutcome) {
    const failure = error instanceof ChariowUpstreamUnavailableError ? error.failure : error.code;
    await db.updateTable("recovery_checkout_links").set({ status: "unknown", failure, updated_at: at }).where("lead_id", "=", a.leadId).execute();
    await recordAudit(db, { actor: a.actor, action: "recovery.checkout_link", target: a.leadId, details: { outcome: "unknown", failure, discountCode: a.discountCode, attempt: a.attempt } });
    return outcomeUnknown(502, failure);
  }
  // Chariow refused, or nothing was sent: no sale exists, the claim goes (or back to unknown after a retry).
  if (a.wasUnknown) await db.updateTable("recovery_checkout_links").set({ status: "unknown", failure: a.previousFailure, attempts: a.attempt - 1, updated_at: at }).where("lead_id", "=", a.leadId).execute();
  else await db.deleteFrom("recovery_checkout_links").where("lead_id", "=", a.leadId).where("status", "=", "pending").execute();
  if (sent && error instanceof ChariowError) {
    await recordAudit(db, { actor: a.actor, action: "recovery.checkout_link", target: a.leadId, details: { outcome: "refused", code: error.code, status: error.status, discountCode: a.discountCode, attempt: a.attempt } });
  }
  if (error instanceof ChariowRateLimitedError) return error; // 503 with retryAt (lib/http/errors.ts)
  if (error instanceof ChariowValidationError) {
    if (error.status === null) return new ExactLinkError("lead_incomplete", 409, `Chariow cannot take this lead: ${Object.keys(error.fieldErrors).join(", ")}`);
    if (Object.keys(error.fieldErrors).some((f) => f.startsWith("discount_code"))) return new ExactLinkError("discount_code_refused", 400, "Chariow refused this discount code", "discountCode");
  }
  if (error instanceof ChariowError) return new ExactLinkError("checkout_refused", 502, `Chariow refused the checkout (${error.code}${error.status ? ` ${error.status}` : ""}); nothing was made`);
  return error;
}
