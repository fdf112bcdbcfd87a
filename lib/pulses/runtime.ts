// The process-wide Pulse queue, wired to the app's database and the mirror. Kept on globalThis so dev
// reloads and several route bundles share one queue (one ordered worker per process).
import "server-only";
import { getDb } from "@/lib/db";
import { createMirrorSink } from "./mirror-sink";
import { createPulseQueue, type PulseQueue } from "./queue";

const holder = globalThis as typeof globalThis & { __chariowPulseQueue?: PulseQueue };

export function getPulseQueue(): PulseQueue {
  holder.__chariowPulseQueue ??= createPulseQueue({ db: getDb, sink: async () => createMirrorSink(await getDb()) });
  return holder.__chariowPulseQueue;
}
