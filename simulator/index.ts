// Public entry point of the Chariow API simulator: start it in-process (tests, demo) or via cli.ts.
// The simulator never imports app code (lib/, app/): it stands alone, like the real API.
export { startSimulator, DEMO_API_KEY, DEFAULT_SALES } from "./server";
export { parseFaults } from "./faults";
export { signature as pulseSignature, CHARIOW_RETRY_DELAYS_MS } from "./pulses";
export { phpJson } from "./pulse-payloads";
export { formatMoney, EXPONENT } from "./money";
export type {
  AffiliateStatus, Channel, Currency, CurrencyTruth, DegradationInput, Dialect, FaultProfile, GroundTruth, OptionalEndpoint, PaymentMethodShape, PaymentStats, PaymentStatus, PaymentsTruth, PulseOptions,
  RecoveryTruth, RecoveryTruthOptions, RunningSimulator, SaleStatus, SimulatorClock, SimulatorOptions,
} from "./types";
export { isMobileMoney } from "./sale-draws";
export { CHANNELS, CURRENCIES, OPTIONAL_ENDPOINTS, PAYMENT_STATUSES, SALE_STATUSES } from "./types";
