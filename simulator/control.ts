// The control API under /__sim/* for tests and demo: clock, checkouts, sale transitions, a payout's due
// instant moved, invitations, test Pulses, faults, dialect, payment-method shape, rate-limit reset,
// a degradation window, ground truth. Only `x-sim-token` opens it: the API key never does (separate prefix, separate secret).
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { saleOfPaymentUrl } from "./checkout";
import { degradationJson, parseDegradation } from "./degradation";
import { fail, readBody, validationError, type Reply } from "./http-util";
import { TransitionError, abandonSale, acceptInvitation, changeLicence, completeSale, createCheckout, failSale, moveSettlementDue, settleSale } from "./lifecycle";
import { rngFor } from "./prng";
import { salePayload } from "./pulse-payloads";
import type { SimRuntime } from "./runtime";
import { materialiseSale } from "./sale-model";
import type { Json } from "./serialize-sale";
import { computePaymentsTruth } from "./payments-truth";
import { computeRecoveryTruth } from "./recovery-truth";
import { computeTruth } from "./truth";
import type { Channel, FaultProfile } from "./types";

function tokenOk(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const plain = (body: unknown, status = 200): Reply => ({ status, body: body as Json });

let checkoutCounter = 0;

export async function handleControl(req: IncomingMessage, url: URL, rt: SimRuntime): Promise<Reply> {
  if (!tokenOk(req.headers["x-sim-token"], rt.controlToken)) return fail(401, "Invalid or missing x-sim-token.");
  const method = req.method ?? "GET";
  const seg = url.pathname.split("/").filter(Boolean).slice(1);
  const raw = method === "GET" ? "" : await readBody(req);
  let body: Record<string, unknown> = {};
  if (raw.trim()) {
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return fail(400, "Body must be JSON.");
    }
  }
  const route = `${method} /${seg.map((s, k) => k === 1 && ["sales", "invitations", "licenses"].includes(seg[0]) ? ":id" : s).join("/")}`;
  const m = rt.model;
  try {
    switch (route) {
      case "GET /truth":
        return plain(computeTruth(m, rt.nowSec()));
      case "GET /truth/recovery": {
        const fromMs = Date.parse(url.searchParams.get("from") ?? "");
        const toMs = Date.parse(url.searchParams.get("to") ?? "");
        const windowDays = Number(url.searchParams.get("window_days") ?? "14");
        if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || !Number.isInteger(windowDays) || windowDays < 1) return fail(422, "Give from and to (ISO instants) and a whole window_days.");
        return plain(computeRecoveryTruth(m, rt.nowSec(), { fromSec: Math.floor(fromMs / 1000), toSec: Math.floor(toMs / 1000), windowDays, metadataKey: url.searchParams.get("metadata_key") ?? undefined }));
      }
      case "GET /truth/payments": {
        const from = url.searchParams.get("from") ?? "";
        const to = url.searchParams.get("to") ?? "";
        if (!Number.isFinite(Date.parse(from)) || !Number.isFinite(Date.parse(to))) return fail(422, "Give from and to (ISO instants).");
        return plain(computePaymentsTruth(m, from, to));
      }
      case "GET /degradation":
        return plain(degradationJson(rt.degradation, rt.nowSec()));
      case "POST /degradation":
      case "PUT /degradation": {
        const parsed = parseDegradation(body, rt.nowSec());
        if (!("ok" in parsed)) return validationError({ [parsed.field]: [parsed.message] });
        rt.degradation = parsed.ok;
        return plain(degradationJson(rt.degradation, rt.nowSec()));
      }
      case "DELETE /degradation":
        rt.degradation = null;
        return plain(degradationJson(null, rt.nowSec()));
      case "GET /clock":
        return plain({ now_ms: rt.clockMs(), now: new Date(rt.clockMs()).toISOString() });
      case "POST /clock/advance": {
        const ms = typeof body.ms === "number" ? body.ms : typeof body.seconds === "number" ? body.seconds * 1000 : NaN;
        if (!Number.isFinite(ms) || ms < 0) return fail(422, "Give a non-negative `ms` or `seconds`.");
        rt.advance(ms);
        return plain({ now_ms: rt.clockMs(), now: new Date(rt.clockMs()).toISOString() });
      }
      case "POST /checkouts": {
        const s = createCheckout(rt, {
          customerId: str(body.customer_id), productId: str(body.product_id), channel: str(body.channel) as Channel | undefined,
          discountCode: str(body.discount_code), affiliateCode: str(body.affiliate_code), method: str(body.method), country: str(body.country),
        }, rngFor(rt.seed, 700, checkoutCounter++));
        rt.model.controlled.add(s.index);
        return plain({ sale: { id: s.id, status: s.status, customer_id: s.customerId, product_id: s.product.id, method: s.method.id, country: s.customer.country.code } }, 201);
      }
      case "POST /checkout/pay": {
        // The customer opens a payment link from POST /v1/checkout and pays (or fails, or gives up).
        const i = typeof body.url === "string" ? saleOfPaymentUrl(rt, body.url) : typeof body.sale_id === "string" ? m.saleIndex(body.sale_id) : null;
        if (i === null || !m.saleExtras.has(i)) return fail(404, "No checkout made through POST /v1/checkout has this url or sale_id.");
        const outcome = body.outcome ?? "paid";
        if (outcome !== "paid" && outcome !== "failed" && outcome !== "abandoned") return fail(422, "outcome must be paid, failed or abandoned.");
        const s = outcome === "paid" ? completeSale(rt, i) : outcome === "failed" ? failSale(rt, i, str(body.code)) : abandonSale(rt, i);
        return plain({ sale: { id: s.id, status: s.status, payment_status: s.paymentStatus, custom_metadata: s.customMetadata ?? null } });
      }
      case "POST /sales/:id/complete":
      case "POST /sales/:id/fail":
      case "POST /sales/:id/abandon":
      case "POST /sales/:id/settle": {
        const i = m.saleIndex(decodeURIComponent(seg[1]));
        if (i === null) return fail(404, `unknown sale ${seg[1]}`);
        const action = seg[2];
        const s = action === "complete" ? completeSale(rt, i) : action === "fail" ? failSale(rt, i, str(body.code)) : action === "abandon" ? abandonSale(rt, i) : settleSale(rt, i);
        return plain({ sale: { id: s.id, status: s.status, payment_status: s.paymentStatus } });
      }
      case "POST /sales/:id/settlement-due": {
        const i = m.saleIndex(decodeURIComponent(seg[1]));
        if (i === null) return fail(404, `unknown sale ${seg[1]}`);
        const ms = typeof body.due_at === "string" ? Date.parse(body.due_at) : NaN;
        if (!Number.isFinite(ms)) return fail(422, "Give `due_at` as an ISO 8601 instant.");
        const s = moveSettlementDue(rt, i, Math.floor(ms / 1000));
        return plain({ sale: { id: s.id, status: s.status, settlement_due_at: s.dueSec === null ? null : new Date(s.dueSec * 1000).toISOString() } });
      }
      case "POST /licenses/:id/activate":
      case "POST /licenses/:id/revoke": {
        const s = changeLicence(rt, decodeURIComponent(seg[1]), seg[2] === "activate" ? "activate" : "revoke");
        return plain({ licence: { key: s.licence?.key ?? null, status: s.licence?.status ?? null, activations: s.licence?.activations ?? null } });
      }
      case "POST /invitations/:id/accept": {
        const a = acceptInvitation(rt, decodeURIComponent(seg[1]));
        return plain({ affiliate: { code: a.code, id: a.storeAffiliateId, account_id: a.accountId, email: a.email } });
      }
      case "POST /pulses/test": {
        if (!rt.pulses) return fail(409, "No Pulse configured (start with a pulse URL and secret).");
        const n = m.saleCount;
        if (n === 0) return fail(409, "The store has no sale to use as a sample.");
        const s = materialiseSale(m, n - 1, rt.nowSec());
        return plain({ attempt: await rt.pulses.sendTest(salePayload("successful.sale", s, rt.dialect)) });
      }
      case "POST /pulses/enable":
        if (!rt.pulses) return fail(409, "No Pulse configured.");
        rt.pulses.enable();
        return plain({ status: rt.pulses.status });
      case "POST /pulses/disable":
        if (!rt.pulses) return fail(409, "No Pulse configured.");
        rt.pulses.disable();
        return plain({ status: rt.pulses.status });
      case "GET /pulses/attempts":
        return plain({ status: rt.pulses?.status ?? null, attempts: rt.pulses?.attempts ?? [] });
      case "GET /faults":
        return plain(rt.faults.get());
      case "PUT /faults":
      case "POST /faults":
        rt.faults.set(body as FaultProfile);
        return plain(rt.faults.get());
      case "PUT /dialect":
      case "POST /dialect":
        if (body.dialect !== "current" && body.dialect !== "legacy") return fail(422, "dialect must be current or legacy.");
        rt.dialect = body.dialect;
        return plain({ dialect: rt.dialect });
      case "PUT /payment-method":
      case "POST /payment-method":
        if (body.as !== "object" && body.as !== "string") return fail(422, "as must be object or string.");
        rt.paymentMethodAs = body.as;
        return plain({ as: rt.paymentMethodAs });
      case "POST /rate-limit/reset":
        rt.limiter.reset();
        return plain({ ok: true });
      case "POST /tick":
        if (!rt.live) return fail(409, "Live engine unavailable.");
        return plain(rt.live.tick());
    }
    return fail(404, `No control route ${route}.`);
  } catch (e) {
    if (e instanceof TransitionError) return fail(e.status, e.message);
    throw e;
  }
}

function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}
