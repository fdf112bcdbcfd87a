// The alert rules the notification runner evaluates each minute (issue 19, docs/notifications.md
// "Alerts"): `defaultDetectors` builds the list for NotificationDeps.detectors. Each rule reads the store's
// thresholds afresh, so a change in Settings applies on the next tick.
import "server-only";
import type { ChariowClient } from "@/lib/chariow";
import type { NotificationDeps } from "../runner";
import { getStoreSettings } from "../store-settings";
import { failureSpikeAlerts } from "./failure-spike";
import { pulseDisabledAlerts } from "./pulse-disabled";

export type Detector = NonNullable<NotificationDeps["detectors"]>[number];

export function defaultDetectors(deps: { client: Pick<ChariowClient, "listPulses"> }): Detector[] {
  return [
    async ({ db, now }) => failureSpikeAlerts(db, (await getStoreSettings(db)).failureSpike, now),
    async ({ db, now, timeZone }) => pulseDisabledAlerts(db, deps.client, now, timeZone),
  ];
}
