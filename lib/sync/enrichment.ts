// Job 3, enrichment (DESIGN §2): spends what is LEFT of the budget on GET /sales/{id} for the sales
// whose detail matters most (settlement, fees, channel exist only there, chariow-api.md §5). It keeps
// a reserve for people and the other jobs, and stops as soon as anyone else is waiting.
import "server-only";
import { ChariowNotFoundError, type Sale } from "@/lib/chariow";
import { listSaleIdsNeedingDetail, upsertSales } from "@/lib/mirror";
import { backgroundCall, iso, type SyncContext } from "./context";

export interface EnrichmentOptions {
  /** Slots always left in the window for interactive calls and the next incremental (default 3). */
  reserve?: number;
  /** Upper bound of requests in one run. */
  maxRequests?: number;
}

export interface EnrichmentResult {
  requests: number;
  enriched: number;
  /** Nothing left to enrich. */
  exhausted: boolean;
}

/** Requests we may spend now without eating into the reserve or delaying anyone queued. */
export function leftoverBudget(ctx: SyncContext, reserve: number): number {
  const s = ctx.client.scheduler.state();
  if (s.queued.interactive > 0 || s.queued.background > 0) return 0;
  return Math.max(0, s.remaining - reserve);
}

export async function runEnrichment(ctx: SyncContext, options: EnrichmentOptions = {}): Promise<EnrichmentResult> {
  const reserve = options.reserve ?? 3;
  const cap = options.maxRequests ?? Number.POSITIVE_INFINITY;
  const result: EnrichmentResult = { requests: 0, enriched: 0, exhausted: false };
  const tried = new Set<string>(); // a sale Chariow no longer has (404) must not be picked forever
  for (;;) {
    const allowance = Math.min(leftoverBudget(ctx, reserve), cap - result.requests);
    if (allowance <= 0) return result;
    const ids = (await listSaleIdsNeedingDetail(ctx.db, { limit: allowance + tried.size, now: iso(ctx.clock.now()) }))
      .filter((id) => !tried.has(id))
      .slice(0, allowance);
    if (ids.length === 0) {
      result.exhausted = true;
      return result;
    }
    const details: Sale[] = [];
    for (const id of ids) {
      tried.add(id);
      try {
        details.push(await ctx.client.getSale(id, backgroundCall(ctx)));
      } catch (error) {
        if (!(error instanceof ChariowNotFoundError)) {
          await flush(ctx, details, result);
          throw error;
        }
      }
      result.requests++;
      await ctx.guard();
    }
    await flush(ctx, details, result);
  }
}

async function flush(ctx: SyncContext, details: Sale[], result: EnrichmentResult) {
  if (details.length === 0) return;
  await upsertSales(ctx.db, details, { source: "detail", receivedAt: iso(ctx.clock.now()), timeZone: ctx.timeZone });
  result.enriched += details.length;
  details.length = 0;
}
