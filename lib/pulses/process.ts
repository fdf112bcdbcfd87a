// Applies one stored Pulse delivery to the mirror: parse, skip replays of an (event, object) already
// applied, hand the event to the sink (version-aware upserts), and record the outcome for the log.
import "server-only";
import type { Kysely } from "kysely";
import { parsePulsePayload, type Affiliate, type License, type ParsedPulse, type Sale } from "@/lib/chariow";
import type { Database } from "@/lib/db";
import { claimDelivery, finishDelivery, isApplied } from "./deliveries";
import type { PulseDeliveryStatus } from "./schemas";

/** Where Pulse events go: the mirror (lib/pulses/mirror-sink.ts), or a fake in tests. */
export interface PulseSink {
  /** "stale" when the mirror already holds a newer version of the sale (out-of-order delivery). */
  applySale(input: { sale: Sale; checkoutUrl: string | null; receivedAt: string; raw: unknown }): Promise<"applied" | "stale">;
  applyAffiliate(input: { affiliate: Affiliate; receivedAt: string }): Promise<void>;
  applyLicence(input: { saleId: string | null; licence: License; receivedAt: string }): Promise<void>;
}

type Applicable = Exclude<ParsedPulse, { kind: "unknown" }>;

/**
 * What a manual replay repeats. Licence events include the licence's state, because one licence is
 * legitimately activated several times (each `license.activated` carries a new activation count).
 */
export function appliedKeyOf(p: Applicable): { objectId: string; key: string } {
  switch (p.kind) {
    case "sale":
      return { objectId: p.sale.id, key: `${p.event}|${p.sale.id}` };
    case "affiliate":
      return { objectId: p.affiliate.id, key: `${p.event}|${p.affiliate.id}` };
    case "license": {
      const l = p.license;
      return { objectId: l.id, key: `${p.event}|${l.id}|${l.status ?? ""}|${l.activations ?? ""}` };
    }
  }
}

const MAX_DETAIL = 300;

/** Processes delivery `id` if it is still `received`; returns its final status (null: not ours to do). */
export async function processDelivery(db: Kysely<Database>, id: number, sink: PulseSink, now: () => Date = () => new Date()): Promise<PulseDeliveryStatus | null> {
  const d = await claimDelivery(db, id);
  if (!d) return null;
  const finish = async (status: PulseDeliveryStatus, extra: { detail?: string | null; event?: string | null; objectId?: string | null; appliedKey?: string | null } = {}) => {
    await finishDelivery(db, id, { status, ...extra, at: now().toISOString() });
    return status;
  };
  let parsed: ParsedPulse;
  try {
    parsed = parsePulsePayload(d.body, { signature: null, pulseId: d.pulseId, event: d.event, deliveryId: d.deliveryId });
  } catch (error) {
    return finish("failed", { detail: describe(error) });
  }
  const event = d.event ?? parsed.event;
  if (parsed.isTest) return finish("test", { event });
  if (parsed.kind === "unknown") return finish("ignored", { event, detail: "unknown_event" });

  const { objectId, key } = appliedKeyOf(parsed);
  if (await isApplied(db, key)) return finish("duplicate", { event, objectId, detail: "replay" });
  let status: PulseDeliveryStatus = "processed";
  try {
    status = (await apply(parsed, d.body, d.receivedAt, sink)) === "stale" ? "stale" : "processed";
  } catch (error) {
    console.error(`[pulses] delivery ${id} (${event}) failed`, error);
    return finish("failed", { event, objectId, detail: describe(error) });
  }
  try {
    return await finish(status, { event, objectId, appliedKey: key, detail: status === "stale" ? "older_version" : null });
  } catch {
    // Another delivery applied the same key at the same moment (unique applied_key): a replay.
    return finish("duplicate", { event, objectId, detail: "replay" });
  }
}

async function apply(p: Applicable, body: string, receivedAt: string, sink: PulseSink): Promise<"applied" | "stale"> {
  switch (p.kind) {
    case "sale":
      // The mirror keeps the sale object as Chariow sent it (its raw_json), not the whole envelope.
      return sink.applySale({ sale: p.sale as Sale, checkoutUrl: p.checkoutUrl, receivedAt, raw: (JSON.parse(body) as { sale?: unknown }).sale ?? null });
    case "affiliate":
      await sink.applyAffiliate({ affiliate: p.affiliate, receivedAt });
      return "applied";
    case "license":
      await sink.applyLicence({ saleId: p.sale?.id ?? p.license.saleId ?? null, licence: p.license, receivedAt });
      return "applied";
  }
}

function describe(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.slice(0, MAX_DETAIL);
}
