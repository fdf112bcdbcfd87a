// The Pulse processor's sink in the app: sale events become version-aware mirror upserts (a Pulse
// carries settlement and the recovery link, §8), affiliate.joined an affiliate, licence events the
// sale's licences. Every write is idempotent, so re-processing after a crash is harmless.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { UNKNOWN_SALE, upsertAffiliate, upsertSaleLicences, upsertSales } from "@/lib/mirror";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import type { PulseSink } from "./process";

/** `timeZone` defaults to the store setting, read per sale so a change applies to the next Pulse. */
export function createMirrorSink(db: Kysely<Database>, opts: { timeZone?: () => Promise<string> } = {}): PulseSink {
  const zone = opts.timeZone ?? (() => getStoreTimeZone(db));
  return {
    async applySale({ sale, checkoutUrl, receivedAt, raw }) {
      const timeZone = await zone();
      const r = await upsertSales(db, [sale], { source: "pulse", receivedAt, timeZone, raw: [raw], checkoutUrls: [checkoutUrl] });
      return r.skippedStale > 0 ? "stale" : "applied";
    },
    async applyAffiliate({ affiliate, receivedAt }) {
      await upsertAffiliate(db, affiliate, "pulse", receivedAt);
    },
    async applyLicence({ saleId, licence, receivedAt }) {
      // A Pulse that names no sale still updates the licence; it waits under "sale unknown" (lib/mirror/sale-licences.ts).
      await upsertSaleLicences(db, saleId ?? UNKNOWN_SALE, [licence], receivedAt);
    },
  };
}
