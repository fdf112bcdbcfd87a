// POST /api/pulses, minus Next.js: read the raw bytes (capped), verify the HMAC with the secret of the
// delivery's Pulse, store it and answer at once; processing happens later, off the request (§8: answer
// 2xx fast). Refusals are 401/413 with only their metadata recorded, capped per client address.
import "server-only";
import type { Kysely } from "kysely";
import { readPulseHeaders, verifyPulseSignature } from "@/lib/chariow";
import type { Database } from "@/lib/db";
import { ANY_PULSE } from "@/lib/env";
import { declaredBodyTooLarge, readBodyCapped } from "@/lib/http/body-limit";
import { clientIp } from "@/lib/http/client-ip";
import { recordDelivery, type RecordedDelivery } from "./deliveries";
import { recordRefusal, refusalSource } from "./refusal-log";
import type { PulseRejectionReason } from "./schemas";

/** Chariow's bodies are a few kilobytes; 1 MB leaves room and stops memory abuse. */
export const MAX_PULSE_BYTES = 1_048_576;
const MAX_HEADER_CHARS = 120;

export type ReceivePulseDeps = {
  db: Kysely<Database>;
  /** pulseId → secret, `"*"` for one secret for every Pulse (lib/env CHARIOW_PULSE_SECRETS). */
  secrets: Readonly<Record<string, string>>;
  /** Called with the id of each delivery that needs processing (after it is stored). */
  onAccepted: (deliveryRowId: number) => void;
  now?: () => Date;
  maxBytes?: number;
  /** The caller's address, which refusals are counted against (default: the app's client-IP rule). */
  clientAddress?: (req: Request) => string | undefined;
};

export async function receivePulse(req: Request, deps: ReceivePulseDeps): Promise<Response> {
  const receivedAt = (deps.now?.() ?? new Date()).toISOString();
  const h = readPulseHeaders(req.headers);
  const meta = { pulseId: clip(h.pulseId), event: clip(h.event), receivedAt, source: refusalSource((deps.clientAddress ?? ((r) => clientIp(r.headers)))(req)) };
  const refuse = async (status: 401 | 413, reason: PulseRejectionReason) => {
    await recordRefusal(deps.db, { ...meta, reason }).catch((e: unknown) => console.error("[pulses] could not record a rejection", e));
    const code = status === 413 ? "payload_too_large" : "invalid_signature";
    return Response.json({ error: { code, message: reason } }, { status, headers: { "Cache-Control": "no-store" } });
  };

  const body = await readCapped(req, deps.maxBytes ?? MAX_PULSE_BYTES);
  if (body === null) return refuse(413, "too_large");
  const secret = secretFor(deps.secrets, h.pulseId);
  if (typeof secret !== "string") return refuse(401, secret.reason);
  const verified = verifyPulseSignature({ rawBody: body, signatureHeader: h.signature, secrets: secret });
  if (!verified.ok) return refuse(401, verified.reason);

  let recorded: RecordedDelivery;
  try {
    recorded = await recordDelivery(deps.db, { deliveryId: clip(h.deliveryId), pulseId: meta.pulseId, event: meta.event, body: body.toString("utf8"), receivedAt });
  } catch (error) {
    // Chariow's own delivery, answered 500 by the route: a failure it counts towards disabling the Pulse.
    // Noted if the database still takes a small write (it usually does not, when this happens).
    await recordRefusal(deps.db, { ...meta, reason: "server_error" }).catch(() => undefined);
    throw error;
  }
  if (recorded.outcome === "accepted") deps.onAccepted(recorded.id);
  return Response.json({ received: true, status: recorded.outcome }, { headers: { "Cache-Control": "no-store" } });
}

/** The Pulse's own secret; `"*"` covers Pulses without their own; an unknown Pulse id is refused. */
function secretFor(secrets: Readonly<Record<string, string>>, pulseId: string | null): string | { reason: PulseRejectionReason } {
  if (Object.keys(secrets).length === 0) return { reason: "no_secret" };
  if (pulseId && Object.prototype.hasOwnProperty.call(secrets, pulseId) && pulseId !== ANY_PULSE) return secrets[pulseId];
  if (secrets[ANY_PULSE]) return secrets[ANY_PULSE];
  return { reason: "unknown_pulse" };
}

/**
 * The exact bytes of the body, or null when it is over `max`: declared over it, or read past it (the
 * stream is then cancelled, the rest never buffered) — the route wrapper's own reader (lib/http/body-limit).
 */
async function readCapped(req: Request, max: number): Promise<Buffer | null> {
  if (declaredBodyTooLarge(req.headers, max)) return null;
  const bytes = await readBodyCapped(req.body, max);
  return bytes === null ? null : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function clip(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed.slice(0, MAX_HEADER_CHARS);
}
