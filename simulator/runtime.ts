// The state shared by the HTTP layer, the control API, live mode and the Pulse sender of one
// running simulator (kept in one object so each module takes a single dependency).
import type { Degradation } from "./degradation";
import type { FaultInjector } from "./faults";
import type { LiveEngine } from "./live";
import type { StoreModel } from "./model";
import type { PulseSender } from "./pulses";
import type { RateLimiter } from "./rate-limit";
import type { Dialect, PaymentMethodShape } from "./types";

export interface SimRuntime {
  model: StoreModel;
  seed: number;
  dialect: Dialect;
  paymentMethodAs: PaymentMethodShape;
  /** Effective clock: injected (or real) clock plus the offset moved by /__sim/clock/advance. */
  clockMs(): number;
  nowSec(): number;
  advance(ms: number): void;
  limiter: RateLimiter;
  faults: FaultInjector;
  apiKey: string;
  controlToken: string;
  origin: string;
  signingKey: string;
  pulses: PulseSender | null;
  live: LiveEngine | null;
  /** The degradation window (degradation.ts), or null. */
  degradation: Degradation | null;
}
