// The shapes of the Pulse delivery log (one source of truth for statuses and reasons), shared by the
// service, the API route and the Settings page. No `server-only`: the client island uses the types.
import { z } from "zod";

/**
 * received → processing → processed | stale (an older version than the mirror's, ignored) | failed;
 * duplicate (same delivery id, or a replay of an applied event+object), ignored (unknown event), test.
 */
export const PULSE_DELIVERY_STATUSES = ["received", "processing", "processed", "stale", "duplicate", "ignored", "test", "failed"] as const;
export const pulseDeliveryStatusSchema = z.enum(PULSE_DELIVERY_STATUSES);
export type PulseDeliveryStatus = z.infer<typeof pulseDeliveryStatusSchema>;

/**
 * Why a delivery was refused: 401/413 before it could be verified (the signature reasons come from
 * lib/chariow) — forged, or sent with a secret we do not have — or `server_error`: a verified delivery
 * we could not store and answered 500 (Chariow retries it, and counts it as failed).
 */
export const PULSE_REJECTION_REASONS = ["missing_signature", "malformed_signature", "no_secret", "unknown_pulse", "mismatch", "too_large", "server_error"] as const;
export type PulseRejectionReason = (typeof PULSE_REJECTION_REASONS)[number];

/** Refusals a Chariow Pulse whose secret is not (rightly) configured here would also get. */
export const WRONG_SECRET_REASONS: readonly PulseRejectionReason[] = ["mismatch", "unknown_pulse", "no_secret"];

/** One line of the delivery log: an accepted delivery or a refused one (metadata only). */
export type PulseLogEntry = {
  key: string;
  receivedAt: string;
  pulseId: string | null;
  event: string | null;
  deliveryId: string | null;
  status: PulseDeliveryStatus | "rejected";
  /** Duplicate reason, processing error, rejection reason… never a secret or a body. */
  detail: string | null;
  /** Refusals this line stands for: 1, or a source's refusals beyond its hourly allowance (the latest shown). */
  count: number;
  /** Where a refusal came from (client address, IPv6 /64); null for deliveries and unknown sources. */
  source: string | null;
};

export type PulseLogSummary = {
  /** When the server read the log (ISO): relative times are measured from it. */
  readAt: string;
  /**
   * Deliveries Chariow really sent that failed here, last 24 h: verified ones whose processing failed,
   * and verified ones we answered 500. Never unverified refusals: anyone can POST to this URL.
   */
  failuresLast24h: number;
  /** Unverified refusals (unsigned, bad signature, unknown Pulse, too large), counted apart, last 24 h. */
  rejectedLast24h: number;
  /**
   * Refusals a wrong or missing secret would explain (bad signature, unknown Pulse, no secret) received
   * after the newest verified delivery, last 24 h: forged, or Chariow's own — then it will disable the Pulse.
   */
  refusedSinceAccepted: number;
  processedLast24h: number;
  lastReceivedAt: string | null;
  /** Accepted but not processed yet. */
  pending: number;
};

/** GET /api/pulses/log: `limit` entries after skipping `offset` (the Settings page's numbered pages). */
export const pulseLogQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
