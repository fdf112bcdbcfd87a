// Public surface of the Chariow client. App code imports from "@/lib/chariow" only.
import "server-only";

export { createChariowClient, type ChariowClient, type ChariowClientOptions, type CallOptions, type InvitationResult } from "./client";
export * from "./errors";
export * from "./enums";
export { systemClock, createVirtualClock, type Clock, type VirtualClock } from "./clock";
export { createMemoryBudgetStore, type BudgetStore, type BudgetSnapshot, type Reservation } from "./budget-store";
export { createScheduler, type Scheduler, type SchedulerEvent, type SchedulerOptions, type SchedulerState, type Priority } from "./scheduler";
export { createSchedulerRegistry, defaultSchedulerRegistry, keyFingerprint, type SchedulerRegistry } from "./scheduler-registry";
export { paginate, paginatePages, walkSalesByDateWindows, dateWindows, type SalesWalkCheckpoint, type SalesWalkOptions } from "./pagination";
export { verifyPulseSignature, signPulseBody, type PulseVerification, type PulseSecrets, type VerifyPulseInput } from "./pulse-signature";
export { parsePulsePayload, readPulseHeaders, type ParsedPulse, type PulseHeaders, type PulsePayload } from "./pulses";
export type { SalesListParams, CustomersListParams, ProductsListParams, DiscountsListParams, LicensesListParams } from "./params";
export type { Page, Country } from "./schemas/common";
export type { Sale, SalePayment, SaleSettlement } from "./schemas/sale";
export { CHECKOUT_METADATA_MAX_KEYS, type CheckoutParams, type CheckoutResult, type CheckoutStep } from "./schemas/checkout";
export { rawPayloadOf } from "./schemas/sale";
export type { Affiliate, Invitation } from "./schemas/affiliate";
export type { Customer, Discount, License, Product, PulseConfig, Store } from "./schemas/catalog";
export type { Money } from "@/lib/money";
