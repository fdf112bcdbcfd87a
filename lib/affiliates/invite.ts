// Sending invitations (chariow-api.md §6): the valid, normalised emails go out as consecutive batches of
// 25 through the key's scheduler (interactive priority). Each email gets its own outcome. When a batch
// fails (rate limited, Chariow down, refused), that batch and every batch after it are reported as failed
// and NOT sent — nothing is half-sent silently — so a retry re-sends only those emails, never the ones
// already invited. Every round is stored (lib/mirror recordInvitations) and audited.
import "server-only";
import type { Kysely } from "kysely";
import { ChariowError, ChariowRateLimitedError, ChariowValidationError, type ChariowClient } from "@/lib/chariow";
import type { Database } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit";
import { recordInvitations } from "@/lib/mirror/affiliates";
import { batches, INVITE_BATCH_SIZE } from "./emails";

export type InviteOutcome =
  | { email: string; outcome: "invited"; invitationId: string; expiresAt: string | null }
  | { email: string; outcome: "already_affiliate" | "already_invited" | "not_invited" }
  | { email: string; outcome: "failed"; code: string; message: string; retryAfterSeconds: number | null }
  | { email: string; outcome: "not_sent"; code: string; message: string };

export type InviteReport = {
  results: InviteOutcome[];
  batches: number;
  batchesSent: number;
  /** True when some emails were not invited because a batch failed: they can be retried as they are. */
  retryable: boolean;
};

export type InviteOptions = {
  actor: Actor | null;
  /** Called after each batch (sent or failed): for progress. */
  onBatch?: (done: number, total: number) => void;
  now?: () => Date;
};

function failure(e: unknown): { code: string; message: string; retryAfterSeconds: number | null } {
  if (e instanceof ChariowRateLimitedError) {
    const s = Math.max(1, Math.ceil(e.retryAfterMs / 1000));
    return { code: "rate_limited", message: `Chariow is rate limiting requests; retry in ${s} s`, retryAfterSeconds: s };
  }
  if (e instanceof ChariowError) return { code: e.code, message: e.message, retryAfterSeconds: null };
  return { code: "internal", message: "Unexpected error", retryAfterSeconds: null };
}

/** Sends `emails` (already validated and normalised by parseEmails) and reports per email. */
export async function sendInvitations(db: Kysely<Database>, client: ChariowClient, emails: string[], opts: InviteOptions): Promise<InviteReport> {
  const groups = batches(emails, INVITE_BATCH_SIZE);
  const results: InviteOutcome[] = [];
  let batchesSent = 0;
  let stopped: { code: string; message: string } | null = null;
  for (const [k, group] of groups.entries()) {
    if (stopped) {
      for (const email of group) results.push({ email, outcome: "not_sent", code: "previous_batch_failed", message: `Not sent: an earlier batch failed (${stopped.code})` });
      opts.onBatch?.(k + 1, groups.length);
      continue;
    }
    try {
      const r = await client.inviteAffiliates(group, { priority: "interactive" });
      batchesSent++;
      const at = (opts.now?.() ?? new Date()).toISOString();
      await recordInvitations(db, r, { sentBy: opts.actor?.email ?? null, at });
      const invited = new Map(r.invitations.map((i) => [i.email.toLowerCase(), i]));
      const affiliates = new Set((r.skipped?.alreadyAffiliate ?? []).map((e) => e.toLowerCase()));
      const invitedBefore = new Set((r.skipped?.alreadyInvited ?? []).map((e) => e.toLowerCase()));
      for (const email of group) {
        const inv = invited.get(email);
        if (inv) results.push({ email, outcome: "invited", invitationId: inv.id, expiresAt: inv.expiresAt });
        else if (affiliates.has(email)) results.push({ email, outcome: "already_affiliate" });
        else if (invitedBefore.has(email)) results.push({ email, outcome: "already_invited" });
        else results.push({ email, outcome: "not_invited" });
      }
    } catch (e) {
      const f = failure(e);
      if (e instanceof ChariowValidationError && e.status !== null) {
        // Chariow named the refused addresses (emails.N): say which, keep the batch retryable.
        for (const [i, email] of group.entries()) {
          const msg = e.fieldErrors[`emails.${i}`]?.[0];
          results.push({ email, outcome: "failed", code: msg ? "invalid_email" : "validation", message: msg ?? e.message, retryAfterSeconds: null });
        }
      } else for (const email of group) results.push({ email, outcome: "failed", ...f });
      stopped = f;
    }
    opts.onBatch?.(k + 1, groups.length);
  }
  const counts: Record<string, number> = {};
  for (const r of results) counts[r.outcome] = (counts[r.outcome] ?? 0) + 1;
  await recordAudit(db, {
    actor: opts.actor,
    action: "affiliates.invite",
    target: null,
    details: { emails: emails.length, batches: groups.length, batchesSent, outcomes: counts, invited: results.filter((r) => r.outcome === "invited").map((r) => r.email) },
  });
  return { results, batches: groups.length, batchesSent, retryable: results.some((r) => r.outcome === "failed" || r.outcome === "not_sent") };
}
