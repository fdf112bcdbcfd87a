// The in-process queue that processes stored deliveries one at a time, in arrival order, off the
// request path. A crash loses nothing: deliveries stay `received` in the database and are re-queued
// at start-up (resume).
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { pendingDeliveryIds } from "./deliveries";
import { processDelivery, type PulseSink } from "./process";

export type PulseQueue = {
  enqueue(id: number): void;
  /** Re-queues what a previous process left unprocessed. */
  resume(): Promise<number>;
  /** Resolves when everything queued so far is done (tests, graceful shutdown). */
  idle(): Promise<void>;
};

export function createPulseQueue(opts: { db: () => Promise<Kysely<Database>>; sink: () => Promise<PulseSink> }): PulseQueue {
  let tail: Promise<void> = Promise.resolve();
  const queued = new Set<number>();
  const run = async (id: number) => {
    try {
      await processDelivery(await opts.db(), id, await opts.sink());
    } catch (error) {
      // The database itself failed: the delivery stays `received` or `processing` and is retried at start-up.
      console.error(`[pulses] could not process delivery ${id}`, error);
    } finally {
      queued.delete(id);
    }
  };
  const enqueue = (id: number) => {
    if (queued.has(id)) return;
    queued.add(id);
    tail = tail.then(() => run(id));
  };
  return {
    enqueue,
    async resume() {
      const ids = await pendingDeliveryIds(await opts.db(), new Date());
      ids.forEach(enqueue);
      return ids.length;
    },
    async idle() {
      let seen: Promise<void> | undefined;
      while (seen !== tail) {
        seen = tail;
        await seen;
      }
    },
  };
}
