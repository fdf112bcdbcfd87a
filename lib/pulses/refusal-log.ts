// The log of refused Pulse deliveries: metadata only, never a body. Anyone can POST to /api/pulses, so a
// source (client address) gets at most REFUSALS_LISTED_PER_SOURCE_HOUR rows an hour and the rest of its
// refusals are counted in one row; pruning is per source, so one sender's flood never pushes another
// sender's refusals — a real Chariow delivery refused for a wrong secret — out of the log.
import "server-only";
import { isIP } from "node:net";
import type { ExpressionBuilder, Kysely } from "kysely";
import type { Database } from "@/lib/db";
import type { PulseRejectionReason } from "./schemas";

type Db = Kysely<Database>;

export const REFUSALS_LISTED_PER_SOURCE_HOUR = 10;
const REFUSALS_KEPT_PER_SOURCE = 1_000;
/** The whole table, a last resort against a flood from thousands of addresses. */
const REFUSALS_KEPT = 20_000;
const REFUSALS_MAX_AGE_MS = 7 * 86_400_000;

export type Refusal = { pulseId: string | null; event: string | null; reason: PulseRejectionReason; receivedAt: string; source: string | null };

/**
 * The source a refusal is counted against: the IPv4 address, or the /64 of an IPv6 one (one machine
 * commonly holds a whole /64, so single addresses would not stop it). A value that is not an address
 * (a proxy header's garbage) shares one source; none at all is null.
 */
export function refusalSource(address: string | undefined): string | null {
  if (!address) return null;
  const ip = address.trim().replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped && isIP(mapped[1]) === 4) return mapped[1];
  if (isIP(ip) === 4) return ip;
  if (isIP(ip) !== 6) return "invalid";
  const [head, tail] = ip.includes("::") ? ip.split("::") : [ip, null];
  const groupsOf = (part: string | null) => (part ? part.split(":").flatMap((g) => (g.includes(".") ? ["0", "0"] : [g])) : []);
  const h = groupsOf(head);
  const t = groupsOf(tail);
  const groups = tail === null ? h : [...h, ...Array<string>(Math.max(0, 8 - h.length - t.length)).fill("0"), ...t];
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(":")}::/64`;
}

const sameSource = (source: string | null) => (eb: ExpressionBuilder<Database, "pulse_rejections">) =>
  source === null ? eb("source", "is", null) : eb("source", "=", source);

/**
 * Records a refusal. Unverified ones beyond the source's hourly allowance go into its counter row for
 * that hour; a verified delivery we failed to store (`server_error`) is always listed on its own.
 */
export async function recordRefusal(db: Db, r: Refusal): Promise<void> {
  if (r.reason !== "server_error") {
    const hour = r.receivedAt.slice(0, 13); // "2026-05-01T14"
    const listed = await db
      .selectFrom("pulse_rejections")
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .where(sameSource(r.source))
      .where("received_at", ">=", `${hour}:00:00.000Z`)
      .where("bucket_key", "is", null)
      .where("reason", "!=", "server_error")
      .executeTakeFirst();
    if (Number(listed?.n ?? 0) >= REFUSALS_LISTED_PER_SOURCE_HOUR) return countIn(db, r, `${r.source ?? "unknown"}|${hour}`);
  }
  const row = await db
    .insertInto("pulse_rejections")
    .values({ received_at: r.receivedAt, pulse_id: r.pulseId, event: r.event, reason: r.reason, source: r.source, bucket_key: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  await prune(db, r, row.id);
}

/** One row per source and hour stands for the refusals beyond the allowance; it shows the latest. */
async function countIn(db: Db, r: Refusal, bucketKey: string): Promise<void> {
  const row = await db
    .insertInto("pulse_rejections")
    .values({ received_at: r.receivedAt, pulse_id: r.pulseId, event: r.event, reason: r.reason, source: r.source, bucket_key: bucketKey, repeat_count: 1 })
    .onConflict((oc) =>
      oc.column("bucket_key").doUpdateSet((eb) => ({
        repeat_count: eb("pulse_rejections.repeat_count", "+", 1),
        received_at: eb.ref("excluded.received_at"),
        pulse_id: eb.ref("excluded.pulse_id"),
        event: eb.ref("excluded.event"),
        reason: eb.ref("excluded.reason"),
      })),
    )
    .returning(["id", "repeat_count"])
    .executeTakeFirstOrThrow();
  if (Number(row.repeat_count) === 1) await prune(db, r, row.id); // a new row: the hour's first beyond the allowance
}

/** Older than 7 days goes; then this source keeps its newest 1,000 rows, the table its newest 20,000. */
async function prune(db: Db, r: Refusal, newestId: number): Promise<void> {
  const oldest = new Date(new Date(r.receivedAt).getTime() - REFUSALS_MAX_AGE_MS).toISOString();
  await db
    .deleteFrom("pulse_rejections")
    .where((eb) => eb.or([eb("received_at", "<", oldest), eb("id", "<=", newestId - REFUSALS_KEPT)]))
    .execute();
  const boundary = await db
    .selectFrom("pulse_rejections")
    .select("id")
    .where(sameSource(r.source))
    .orderBy("id", "desc")
    .offset(REFUSALS_KEPT_PER_SOURCE)
    .limit(1)
    .executeTakeFirst();
  if (boundary) await db.deleteFrom("pulse_rejections").where(sameSource(r.source)).where("id", "<=", boundary.id).execute();
}
