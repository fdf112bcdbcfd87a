// Pulse sender: signs each body with HMAC-SHA256 over the raw bytes, delivers it with Chariow's
// headers and retry schedule, and disables the Pulse after 5 failed attempts (chariow-api.md §8).
import { createHmac } from "node:crypto";
import { hash32 } from "./prng";
import { phpJson } from "./pulse-payloads";
import type { SimRuntime } from "./runtime";
import { isoOffset, type Json } from "./serialize-sale";
import type { PulseOptions } from "./types";

export const CHARIOW_RETRY_DELAYS_MS = [10_000, 100_000, 17 * 60_000, (2 * 60 + 47) * 60_000];
const MAX_ATTEMPTS = 5;

export interface DeliveryAttempt {
  deliveryId: string | null;
  event: string;
  attempt: number;
  at: string;
  /** HTTP status, or null when the attempt timed out / could not connect. */
  status: number | null;
  error: string | null;
  ok: boolean;
}

export function signature(body: Buffer | string, secret: string): string {
  return "sha256=" + createHmac("sha256", secret).update(body).digest("hex");
}

export class PulseSender {
  readonly id: string;
  status: "active" | "disabled" = "active";
  readonly attempts: DeliveryAttempt[] = [];
  private counter = 0;
  private timers = new Set<NodeJS.Timeout>();
  private inflight = new Set<Promise<void>>();
  private pending = 0;
  private stopped = false;
  private readonly createdSec: number;

  constructor(private readonly opts: PulseOptions, private readonly rt: SimRuntime) {
    this.id = opts.pulseId ?? "pulse_demo";
    this.createdSec = rt.model.historyEndSec - 200 * 86_400;
  }

  /** What GET /pulses shows: the configuration without the signing secret. */
  describe(): Json[] {
    return [{
      id: this.id, name: "Tableau de bord", url: this.opts.url, status: this.status,
      events: ["successful.sale", "failed.sale", "abandoned.sale", "license.issued", "license.activated", "license.expired", "license.revoked", "license.nearing_expiry", "affiliate.joined"],
      products: [], created_at: isoOffset(this.createdSec),
    }];
  }

  enable(): void {
    this.status = "active";
  }

  /** As Chariow does after 5 failed attempts, at once (tests and demo of the "Pulse disabled" alert). */
  disable(): void {
    this.status = "disabled";
  }

  /** Queues one event. Returns its delivery id (stable across retries), or null if the Pulse is disabled. */
  emit(event: string, payload: Json): string | null {
    if (this.status === "disabled" || this.stopped) return null;
    const n = this.counter++;
    const deliveryId = "pdlv_" + hash32(this.rt.seed, 77, n).toString(16).padStart(8, "0") + hash32(this.rt.seed, 78, n).toString(16).padStart(8, "0");
    const body = Buffer.from(phpJson(payload), "utf8");
    this.pending++;
    this.attempt(event, body, deliveryId, 1);
    return deliveryId;
  }

  /** A test delivery: single attempt, no delivery id, a `note` field (chariow-api.md §8). */
  async sendTest(payload: Json): Promise<DeliveryAttempt> {
    const withNote = { ...(payload as { [k: string]: Json }), note: "This is a test Pulse sent from your Chariow dashboard." };
    const event = String((payload as { event?: Json }).event ?? "test");
    return this.post(event, Buffer.from(phpJson(withNote), "utf8"), null, 1);
  }

  /** Resolves once every queued delivery has succeeded or given up (tests). */
  async idle(): Promise<void> {
    while (this.pending > 0 && !this.stopped) await new Promise((r) => setTimeout(r, 5));
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private attempt(event: string, body: Buffer, deliveryId: string, n: number): void {
    const p = this.post(event, body, deliveryId, n).then((res) => {
      if (res.ok || this.stopped) {
        this.pending--;
        return;
      }
      const delays = this.opts.retryDelaysMs ?? CHARIOW_RETRY_DELAYS_MS;
      if (n >= MAX_ATTEMPTS) {
        this.status = "disabled"; // Chariow disables a Pulse after 5 failed attempts
        this.pending--;
        return;
      }
      const wait = delays[Math.min(n - 1, delays.length - 1)] ?? 0;
      const t = setTimeout(() => {
        this.timers.delete(t);
        if (this.stopped) return;
        this.attempt(event, body, deliveryId, n + 1);
      }, wait);
      this.timers.add(t);
    });
    this.inflight.add(p);
    void p.finally(() => this.inflight.delete(p));
  }

  private async post(event: string, body: Buffer, deliveryId: string | null, n: number): Promise<DeliveryAttempt> {
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "user-agent": "Chariow-Pulse/1.0 (simulator)",
      "x-chariow-signature": signature(body, this.opts.secret),
      "x-pulse-id": this.id,
      "x-pulse-event": event,
    };
    if (deliveryId) headers["x-pulse-delivery-id"] = deliveryId;
    const rec: DeliveryAttempt = { deliveryId, event, attempt: n, at: new Date(this.rt.clockMs()).toISOString(), status: null, error: null, ok: false };
    try {
      // phpJson output is pure ASCII, so the string is byte-for-byte the signed buffer.
      const res = await fetch(this.opts.url, { method: "POST", headers, body: body.toString("latin1"), signal: AbortSignal.timeout(this.opts.timeoutMs ?? 15_000) });
      rec.status = res.status;
      rec.ok = res.status >= 200 && res.status < 300;
      await res.arrayBuffer().catch(() => undefined);
    } catch (e) {
      rec.error = e instanceof Error ? e.name === "TimeoutError" ? "timeout" : e.message : String(e);
    }
    this.attempts.push(rec);
    return rec;
  }
}
