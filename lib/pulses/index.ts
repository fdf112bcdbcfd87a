// Pulse (webhook) ingestion: receive (verify + store), process (apply to the mirror), and the log.
import "server-only";

export { receivePulse, MAX_PULSE_BYTES, type ReceivePulseDeps } from "./receive";
export { processDelivery, appliedKeyOf, type PulseSink } from "./process";
export { createPulseQueue, type PulseQueue } from "./queue";
export { getPulseEndpointInfo, type PulseEndpointInfo } from "./pulse-endpoint";
export { getPulseLog, listPulseLog, pulseLogSummary } from "./pulse-log";
export { REFUSALS_LISTED_PER_SOURCE_HOUR, refusalSource } from "./refusal-log";
export * from "./schemas";
