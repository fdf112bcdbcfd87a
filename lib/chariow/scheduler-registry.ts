// One scheduler per API key for the whole process, so every caller (sync, pages, route handlers)
// draws on the same budget. Keys are held as SHA-256 digests, never as map keys in clear.
import "server-only";
import { createHash } from "node:crypto";
import { createScheduler, type Scheduler, type SchedulerOptions } from "./scheduler";

export interface SchedulerRegistry {
  forKey(apiKey: string, options?: SchedulerOptions): Scheduler;
}

export function keyFingerprint(apiKey: string): string {
  return createHash("sha256").update(apiKey).digest("hex");
}

export function createSchedulerRegistry(defaults: SchedulerOptions = {}): SchedulerRegistry {
  const schedulers = new Map<string, Scheduler>();
  return {
    forKey(apiKey, options) {
      const id = keyFingerprint(apiKey);
      let scheduler = schedulers.get(id);
      if (!scheduler) {
        // Options only apply when the key's scheduler is created; later callers share it as is.
        scheduler = createScheduler({ ...defaults, ...options });
        schedulers.set(id, scheduler);
      }
      return scheduler;
    },
  };
}

// On globalThis: Next.js bundles instrumentation, pages and route handlers separately, each with its own
// copy of this module; one registry per process keeps one scheduler (one budget, interactive first) per key.
const holder = globalThis as typeof globalThis & { __chariowSchedulerRegistry?: SchedulerRegistry };

/** The process-wide registry used when a client is created without an explicit scheduler. */
export const defaultSchedulerRegistry: SchedulerRegistry = (holder.__chariowSchedulerRegistry ??= createSchedulerRegistry());
