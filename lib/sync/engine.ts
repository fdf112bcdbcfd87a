// The SyncEngine: one loop that holds the lease and runs the jobs at their cadence — backfill
// until done (in slices so the others get their turn), incremental every minute or on "sync now",
// reconciliation and the licences walk daily once the history is in, enrichment with whatever budget is left,
// and last, with what enrichment leaves, the affiliate lookups (lowest priority, at most once a minute).
// A store without an optional job's endpoint (no /licenses) gets it marked "not available", asked again daily.
import "server-only";
import type { Kysely } from "kysely";
import { isEndpointUnavailable, systemClock, type ChariowClient, type Clock } from "@/lib/chariow";
import type { Database } from "@/lib/db";
import { loadBackfillState, runBackfillSlice, type BackfillOptions } from "./backfill";
import { shiftDay, utcDay, type SyncContext } from "./context";
import { runAffiliateLookups, type AffiliateLookupsOptions } from "./affiliate-lookups";
import { runEnrichment, type EnrichmentOptions } from "./enrichment";
import { runIncremental, type IncrementalOptions } from "./incremental";
import { isOptionalSyncJob, LeaseLostError, notAvailableSince, recordJobFailure, recordJobNotAvailable, recordJobSuccess, type OptionalSyncJob, type SyncJobKey } from "./job-status";
import { acquireLease, releaseLease, renewLease } from "./lease";
import { licencesSyncDue, runLicencesSlice } from "./licences";
import { reconciliationDue, runReconciliationSlice } from "./reconciliation";
import { takeSyncRequest } from "./status";

export interface SyncEngineOptions {
  db: Kysely<Database>;
  client: ChariowClient;
  /** The store timezone, or a function read at every tick (the setting can change while we run). */
  timeZone: string | (() => Promise<string>);
  /** Who holds the lease (hostname:pid); shown in Settings. */
  instanceId: string;
  clock?: Clock;
  leaseTtlMs?: number;
  incrementalEveryMs?: number;
  /**
   * While the backfill runs (default 10 min): every request the incremental spends is one page of
   * history less, and Pulses already show new sales at once meanwhile.
   */
  incrementalDuringBackfillEveryMs?: number;
  reconciliationEveryMs?: number;
  /** Between two walks of GET /licenses (default daily); licence Pulses keep the view current meanwhile. */
  licencesEveryMs?: number;
  /** Between two runs of the affiliate lookups (default a minute; each run takes a few codes at most). */
  affiliateLookupsEveryMs?: number;
  /** Backfill requests per slice before the loop looks at the other jobs again. */
  backfillSliceRequests?: number;
  /** Wait after a failed job before trying it again (doubles up to 10 min). */
  errorBackoffMs?: number;
  backfill?: BackfillOptions;
  incremental?: IncrementalOptions;
  enrichment?: EnrichmentOptions;
  affiliateLookups?: AffiliateLookupsOptions;
  /** Turns jobs off (tests, or a deployment that only wants some). */
  jobs?: Partial<Record<"backfill" | "incremental" | "enrichment" | "reconciliation" | "licences" | "affiliates", boolean>>;
  onError?: (job: SyncJobKey, error: unknown) => void;
}

export interface TickReport {
  holdsLease: boolean;
  ran: SyncJobKey[];
  backfillDone: boolean;
  /** When the loop should look again (epoch ms). */
  nextAt: number;
}

export interface SyncEngine {
  /** One pass of the loop (tests drive it directly). */
  tick(): Promise<TickReport>;
  start(): void;
  /** Stops after aborting in-flight requests; releases the lease. */
  stop(): Promise<void>;
  readonly running: boolean;
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const clock = options.clock ?? systemClock;
  const ttl = options.leaseTtlMs ?? 60_000;
  const incrementalEvery = options.incrementalEveryMs ?? 60_000;
  const incrementalEveryDuringBackfill = options.incrementalDuringBackfillEveryMs ?? 10 * 60_000;
  const reconcileEvery = options.reconciliationEveryMs ?? 24 * 3600_000;
  const licencesEvery = options.licencesEveryMs ?? 24 * 3600_000;
  const affiliatesEvery = options.affiliateLookupsEveryMs ?? 60_000;
  const sliceRequests = options.backfillSliceRequests ?? 10;
  const baseBackoff = options.errorBackoffMs ?? 30_000;
  const enabled = (job: "backfill" | "incremental" | "enrichment" | "reconciliation" | "licences" | "affiliates") => options.jobs?.[job] ?? true;
  let controller = new AbortController();
  let stopping = false;
  let loop: Promise<void> | null = null;
  let lastRenewal = 0;
  let nextIncrementalAt = 0;
  let nextAffiliatesAt = 0;
  let backfillDone = false;
  const backoffUntil = new Map<SyncJobKey, number>();
  const failures = new Map<SyncJobKey, number>();

  const ctx: SyncContext = {
    db: options.db,
    client: options.client,
    clock,
    timeZone: typeof options.timeZone === "string" ? options.timeZone : "UTC",
    get signal() {
      return controller.signal;
    },
    async guard() {
      if (stopping) throw controller.signal.reason ?? new Error("sync engine stopping");
      // Renew well before expiry; losing it means another instance may already be syncing.
      if (clock.now() - lastRenewal > ttl / 3) {
        if (!(await renewLease(options.db, options.instanceId, clock.now(), ttl))) throw new LeaseLostError();
        lastRenewal = clock.now();
      }
    },
  };

  async function runJob<T>(job: SyncJobKey, work: () => Promise<T>, counts: (r: T) => Record<string, number>): Promise<T | null> {
    if ((backoffUntil.get(job) ?? 0) > clock.now()) return null;
    try {
      const r = await work();
      await recordJobSuccess(options.db, job, clock.now(), counts(r));
      failures.delete(job);
      return r;
    } catch (error) {
      if (stopping) return null; // our own abort: not an upstream failure
      if (error instanceof LeaseLostError) throw error;
      if (isOptionalSyncJob(job) && isEndpointUnavailable(error)) {
        // The store has no such endpoint: no backoff loop; `optionalJobDue` waits out the job's cadence.
        failures.delete(job);
        await recordJobNotAvailable(options.db, job, clock.now(), error).catch(() => undefined);
        return null;
      }
      const n = (failures.get(job) ?? 0) + 1;
      failures.set(job, n);
      backoffUntil.set(job, clock.now() + Math.min(600_000, baseBackoff * 2 ** (n - 1)));
      options.onError?.(job, error);
      await recordJobFailure(options.db, job, clock.now(), error).catch(() => undefined);
      return null;
    }
  }

  /**
   * An optional job whose endpoint was missing is asked again only after its own cadence (the licences
   * walk: daily). Read from sync_status, so a restart or another instance taking the lease does not ask
   * again sooner; an endpoint that appears later (a plan change) is picked up within one cadence.
   */
  async function optionalJobDue(job: OptionalSyncJob, everyMs: number): Promise<boolean> {
    const since = await notAvailableSince(options.db, job);
    return since === null || clock.now() - since >= everyMs;
  }

  /** During the backfill: only days after its anchor, and one status re-check request. */
  async function incrementalOptions(): Promise<IncrementalOptions> {
    if (backfillDone || !enabled("backfill")) return options.incremental ?? {};
    const state = await loadBackfillState(ctx);
    if (state?.phase === "done") return options.incremental ?? {};
    // No state yet: the backfill about to start anchors at today.
    return { refreshRequests: 1, ...options.incremental, notBefore: shiftDay(state?.anchor ?? utcDay(clock.now()), 1) };
  }

  async function tick(): Promise<TickReport> {
    const ran: SyncJobKey[] = [];
    const now = clock.now();
    if (!(await acquireLease(options.db, options.instanceId, now, ttl))) {
      return { holdsLease: false, ran, backfillDone, nextAt: now + ttl / 2 };
    }
    lastRenewal = now;
    try {
      if (typeof options.timeZone === "function") ctx.timeZone = await options.timeZone();
      const requested = await takeSyncRequest(options.db);
      // "Sync now" (say, after the key was fixed) tries at once rather than waiting out a failure's backoff.
      if (requested !== null) backoffUntil.delete("incremental");
      if (enabled("incremental") && (requested !== null || clock.now() >= nextIncrementalAt)) {
        ran.push("incremental");
        await runJob("incremental", async () => runIncremental(ctx, await incrementalOptions()), (r) => ({ requests: r.requests, salesSeen: r.salesSeen, refreshed: r.refreshed }));
        nextIncrementalAt = clock.now() + (backfillDone || !enabled("backfill") ? incrementalEvery : incrementalEveryDuringBackfill);
      }
      if (enabled("backfill") && !backfillDone) {
        ran.push("backfill");
        const r = await runJob("backfill", () => runBackfillSlice(ctx, { ...options.backfill, maxRequests: sliceRequests }), (r) => ({ requests: r.requests, salesSeen: r.salesSeen }));
        if (r?.done && !backfillDone) {
          backfillDone = true;
          nextIncrementalAt = Math.min(nextIncrementalAt, clock.now() + incrementalEvery);
        }
        if (r && !r.done) return { holdsLease: true, ran, backfillDone, nextAt: clock.now() }; // more to read now
      }
      if (backfillDone || !enabled("backfill")) {
        if (enabled("reconciliation") && (await reconciliationDue(ctx, reconcileEvery))) {
          ran.push("reconciliation");
          const r = await runJob("reconciliation", () => runReconciliationSlice(ctx, sliceRequests), (r) => ({ requests: r.requests, monthsChecked: r.monthsChecked, driftedMonths: r.driftedMonths }));
          // Drift re-queues ranges for the backfill: let it run them.
          if (r && r.driftedMonths > 0) backfillDone = false;
          if (r && !r.passDone) return { holdsLease: true, ran, backfillDone, nextAt: clock.now() };
        }
        // Only once the sales history is in, so the walk never takes a request from the backfill.
        if (enabled("licences") && (await licencesSyncDue(ctx, licencesEvery)) && (await optionalJobDue("licences", licencesEvery))) {
          ran.push("licences");
          const r = await runJob("licences", () => runLicencesSlice(ctx, sliceRequests, { ignoreBackfill: !enabled("backfill") }), (r) => ({ requests: r.requests, licencesSeen: r.licencesSeen }));
          if (r && !r.passDone) return { holdsLease: true, ran, backfillDone, nextAt: clock.now() };
        }
        if (enabled("enrichment")) {
          ran.push("enrichment");
          await runJob("enrichment", () => runEnrichment(ctx, options.enrichment), (r) => ({ requests: r.requests, enriched: r.enriched }));
        }
        // Last: only what enrichment left of the budget, above a larger reserve (lib/sync/affiliate-lookups.ts).
        if (enabled("affiliates") && clock.now() >= nextAffiliatesAt) {
          ran.push("affiliates");
          nextAffiliatesAt = clock.now() + affiliatesEvery;
          await runJob("affiliates", () => runAffiliateLookups(ctx, options.affiliateLookups), (r) => ({ requests: r.requests, found: r.found, notFound: r.notFound, failed: r.failed, left: r.left }));
        }
      }
    } catch (error) {
      if (!(error instanceof LeaseLostError)) throw error;
      return { holdsLease: false, ran, backfillDone, nextAt: clock.now() + ttl / 2 };
    }
    return { holdsLease: true, ran, backfillDone, nextAt: Math.max(clock.now() + 1_000, Math.min(nextIncrementalAt, clock.now() + 5_000)) };
  }

  async function run() {
    while (!stopping) {
      let nextAt: number;
      try {
        nextAt = (await tick()).nextAt;
      } catch (error) {
        options.onError?.("engine", error); // the database failed: try again later
        nextAt = clock.now() + baseBackoff;
      }
      const wait = nextAt - clock.now();
      if (wait > 0 && !stopping) await clock.sleep(wait, controller.signal).catch(() => undefined);
    }
  }

  return {
    tick,
    get running() {
      return loop !== null;
    },
    start() {
      if (loop) return;
      stopping = false;
      controller = new AbortController();
      loop = run().finally(() => {
        loop = null;
      });
    },
    async stop() {
      stopping = true;
      controller.abort(new Error("sync engine stopping"));
      await loop;
      await releaseLease(options.db, options.instanceId).catch(() => undefined);
    },
  };
}
