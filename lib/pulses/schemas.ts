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

/** Why a delivery was refused with 401/413 (the signature reasons come from lib/chariow). */
export const PULSE_REJECTION_REASONS = ["missing_signature", "malformed_signature", "no_secret", "unknown_pulse", "mismatch", "too_large"] as const;
export type PulseRejectionReason = (typeof PULSE_REJECTION_REASONS)[number];

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
};

export type PulseLogSummary = {
  /** When the server read the log (ISO): relative times are measured from it. */
  readAt: string;
  /** Refused deliveries (Chariow counts them as failed) plus processing failures, last 24 h. */
  failuresLast24h: number;
  rejectedLast24h: number;
  processedLast24h: number;
  lastReceivedAt: string | null;
  /** Accepted but not processed yet. */
  pending: number;
};

export const pulseLogQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });
