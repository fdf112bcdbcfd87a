// The alert rules the notification runner evaluates each minute (issue 19, docs/notifications.md
// "Alerts"): `defaultDetectors` builds the list for NotificationDeps.detectors. Each rule reads the store's
// thresholds afresh, so a change in Settings applies on the next tick.
import "server-only";
import type { ChariowClient } from "@/lib/chariow";
import type { NotificationDeps } from "../runner";
import { getStoreSettings } from "../store-settings";
import { failureSpikeAlerts } from "./failure-spike";
import { newSalesAlerts } from "./new-sales";
import { payoutOverdueAlerts } from "./payout-overdue";
import { pulseDisabledAlerts } from "./pulse-disabled";
import { pulseFailingAlerts } from "./pulse-failing";
import { revenueGoalAlerts } from "./revenue-goal";
import { syncStaleAlerts } from "./sync-stale";

export type Detector = NonNullable<NotificationDeps["detectors"]>[number];

/** One rule that fails (a query, an upstream error) must not silence the others: it raises nothing this tick. */
function isolated(name: string, detector: Detector): Detector {
  return async (ctx) => {
    try {
      return await detector(ctx);
    } catch (error) {
      console.error(`[notifications] alert rule ${name} failed`, error);
      return [];
    }
  };
}

/** A rule over the mirror's sales waits for the first backfill: a half-filled mirror would look like a drop. */
function onceReady(ready: (() => Promise<boolean>) | undefined, detector: Detector): Detector {
  return async (ctx) => (ready && !(await ready()) ? [] : detector(ctx));
}

export function defaultDetectors(deps: { client: Pick<ChariowClient, "listPulses">; ready?: () => Promise<boolean> }): Detector[] {
  return [
    isolated("failure_spike", onceReady(deps.ready, async ({ db, now }) => failureSpikeAlerts(db, (await getStoreSettings(db)).failureSpike, now))),
    isolated("pulse_disabled", async ({ db, now, timeZone }) => pulseDisabledAlerts(db, deps.client, now, timeZone)),
    isolated("payout_overdue", onceReady(deps.ready, async ({ db, now, timeZone }) => payoutOverdueAlerts(db, (await getStoreSettings(db)).payoutOverdueDays, now, timeZone))),
    isolated("pulse_failing", async ({ db, now, timeZone }) => pulseFailingAlerts(db, now, timeZone)),
    isolated("sync_stale", async ({ db, now, timeZone }) => syncStaleAlerts(db, (await getStoreSettings(db)).syncStaleMinutes, now, timeZone)),
    isolated("goals", onceReady(deps.ready, async ({ db, now, timeZone }) => revenueGoalAlerts(db, (await getStoreSettings(db)).goals, now, timeZone))),
    isolated("new_sales", onceReady(deps.ready, async ({ db, now, timeZone }) => newSalesAlerts(db, (await getStoreSettings(db)).newSales, now, timeZone))),
  ];
}
