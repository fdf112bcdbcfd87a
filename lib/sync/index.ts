// The sync engine (DESIGN §2): keeps the local mirror filled from Chariow's API within its rate
// limit. App code uses startSyncRunner (once per process), getSyncStatus and requestSyncNow.
import "server-only";

export { startSyncRunner, createSharedScheduler, type SyncRunner, type SyncRunnerOptions } from "./runner";
export { createSyncEngine, type SyncEngine, type SyncEngineOptions, type TickReport } from "./engine";
export { getSyncStatus, requestSyncNow, SyncRequestForbiddenError, type OptionalJobStatus, type SyncStatus } from "./status";
export { createDbBudgetStore, type DbBudgetStoreOptions } from "./db-budget-store";
export { acquireLease, renewLease, releaseLease, readLease, type LeaseInfo } from "./lease";
export { runBackfillSlice, loadBackfillState, requeueBackfillRanges, type BackfillOptions, type BackfillSliceResult } from "./backfill";
export { runIncremental, type IncrementalOptions, type IncrementalResult } from "./incremental";
export { runEnrichment, type EnrichmentOptions, type EnrichmentResult } from "./enrichment";
export { runReconciliationSlice, type ReconciliationResult } from "./reconciliation";
export { runLicencesSlice, licencesSyncDue, loadLicencesSyncState, type LicencesSyncResult } from "./licences";
export {
  runAffiliateLookups,
  loadAffiliateLookups,
  nextAffiliateLookupAt,
  AFFILIATE_LOOKUP_MIN_INTERVAL_MS,
  type AffiliateLookupEntry,
  type AffiliateLookupsOptions,
  type AffiliateLookupsResult,
} from "./affiliate-lookups";
export { classifySyncError, notAvailableSince, CORE_SYNC_JOBS, OPTIONAL_SYNC_JOBS, type CoreSyncJob, type OptionalSyncJob, type SyncErrorKind } from "./job-status";
export type { SyncContext } from "./context";
