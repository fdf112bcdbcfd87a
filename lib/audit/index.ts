// The audit log: who did what, when, from where. Written by every mutating service; read by owners
// and admins on the Team page (audit:read).
import "server-only";
import { z } from "zod";
import type { Kysely, Selectable, SelectQueryBuilder } from "kysely";
import type { AuditLogTable, Database } from "@/lib/db/schema";
import type { Role } from "@/lib/auth/permissions";
import type { Code } from "@/lib/format/codes";
import { isCalendarDay } from "@/lib/http/calendar-day";

/** Who acts: the signed-in member (from the session), or null for the system / CLI / anonymous. */
export type Actor = { id: string; email: string; role: Role; ip?: string | null };

export type AuditEntry = {
  id: number;
  at: string;
  actorUserId: string | null;
  actorEmail: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown> | null;
  ip: string | null;
};

/**
 * What an entry says happened: one of CODES.auditAction (lib/format/codes.ts), so a new action cannot be
 * written before it has words on the Team page (tests/unit/audit/audit-actions.test.ts reads the writers).
 */
export type AuditAction = Code<"auditAction">;

export type AuditInput = {
  actor: Actor | null;
  action: AuditAction;
  target?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
};

export async function recordAudit(db: Kysely<Database>, entry: AuditInput): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      at: new Date().toISOString(),
      actor_user_id: entry.actor?.id ?? null,
      actor_email: entry.actor?.email ?? null,
      action: entry.action,
      target: entry.target ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
      ip: entry.ip ?? entry.actor?.ip ?? null,
    })
    .execute();
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;

function parseDetails(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : { value };
  } catch {
    return { raw: text };
  }
}

/**
 * Newest first. `before` pages backwards: an entry id ("1234": entries older than it) or an ISO
 * instant (entries strictly before it). `action` filters exactly, or by prefix when it ends with "."
 * ("team." → every team change). `offset` skips that many entries of the filter (the Team page's
 * numbered pages: it asks for size + 1 to know whether a next page exists).
 */
export async function listAudit(db: Kysely<Database>, opts: AuditFilter & { limit?: number; offset?: number } = {}): Promise<AuditEntry[]> {
  const limit = Math.min(Math.max(Math.trunc(opts.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
  const offset = Math.max(Math.trunc(opts.offset ?? 0), 0);
  let query = withAuditFilter(db.selectFrom("audit_log").selectAll().orderBy("id", "desc").limit(limit), opts);
  if (offset > 0) query = query.offset(offset);
  const rows = await query.execute();
  return rows.map(toAuditEntry);
}

// `before` is an entry id (a safe integer: a longer one would overflow PostgreSQL's bigint and fail the
// query) or an ISO instant on a day that exists ("2026-03-15", "2026-03-15T10:00:00Z" — Date.parse alone
// takes 2026-02-31 for 3 March); anything else is a 400.
const ENTRY_ID = /^\d{1,15}$/;
const isIsoInstant = (v: string) => /^\d{4}-\d{2}-\d{2}(?:T|$)/.test(v) && isCalendarDay(v.slice(0, 10)) && !Number.isNaN(Date.parse(v));

/** The list's filter as a query string (GET /api/audit and its CSV export). */
export const auditFilterSchema = z.object({
  before: z
    .string()
    .max(40)
    .refine((v) => ENTRY_ID.test(v) || isIsoInstant(v), "expected an entry id or an ISO instant (2026-03-15T10:00:00Z)")
    .optional(),
  action: z.string().max(64).optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** The list's filter, shared with the CSV export (lib/audit/export-audit.ts) so both select the same entries. */
export function withAuditFilter<O>(query: SelectQueryBuilder<Database, "audit_log", O>, opts: AuditFilter): SelectQueryBuilder<Database, "audit_log", O> {
  let q = query;
  if (opts.before !== undefined && /^\d+$/.test(opts.before)) q = q.where("id", "<", Number(opts.before));
  else if (opts.before !== undefined && !Number.isNaN(Date.parse(opts.before))) q = q.where("at", "<", new Date(opts.before).toISOString());
  if (opts.action?.endsWith(".")) q = q.where("action", "like", `${opts.action.replace(/[%_]/g, "")}%`);
  else if (opts.action) q = q.where("action", "=", opts.action);
  return q;
}

export function toAuditEntry(r: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    actorUserId: r.actor_user_id,
    actorEmail: r.actor_email,
    action: r.action,
    target: r.target,
    details: parseDetails(r.details),
    ip: r.ip,
  };
}
