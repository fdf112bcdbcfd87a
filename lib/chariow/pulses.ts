// Reading a Pulse delivery: its headers and its JSON payload → a typed event, or a
// ChariowMalformedResponseError naming the field. Signature checking lives in pulse-signature.ts.
import "server-only";
import { ChariowMalformedResponseError } from "./errors";
import { parseWith } from "./parse";
import { pulsePayloadSchema, type PulsePayload } from "./schemas/pulse-event";

export type { PulsePayload } from "./schemas/pulse-event";

export interface PulseHeaders {
  signature: string | null;
  pulseId: string | null;
  event: string | null;
  /** Stable across retries; absent on test deliveries (§8). */
  deliveryId: string | null;
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | null {
  if (source instanceof Headers) return source.get(name);
  const entry = Object.entries(source).find(([k]) => k.toLowerCase() === name);
  const value = entry?.[1];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

export function readPulseHeaders(headers: HeaderSource): PulseHeaders {
  return {
    signature: header(headers, "x-chariow-signature"),
    pulseId: header(headers, "x-pulse-id"),
    event: header(headers, "x-pulse-event"),
    deliveryId: header(headers, "x-pulse-delivery-id"),
  };
}

export type ParsedPulse = PulsePayload & {
  /** Test deliveries carry a `note` and no delivery id: ingest them without side effects. */
  isTest: boolean;
};

/** Parses the raw body of a delivery (verify the signature over the same bytes first). */
export function parsePulsePayload(rawBody: Buffer | Uint8Array | string, headers?: PulseHeaders): ParsedPulse {
  const text = typeof rawBody === "string" ? rawBody : Buffer.from(rawBody).toString("utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ChariowMalformedResponseError("PULSE", "", "body is not JSON");
  }
  const event = (json as { event?: unknown } | null)?.event;
  const endpoint = `PULSE ${typeof event === "string" ? event.slice(0, 40) : "?"}`;
  const payload = parseWith(endpoint, pulsePayloadSchema, json);
  const isTest = payload.note !== null || (headers !== undefined && headers.deliveryId === null);
  return { ...payload, isTest };
}
