// The demo's API budget (30 requests a minute) is spent by the history backfill while the journeys run.
// A call that reaches Chariow then answers at once — 503 `chariow_rate_limited` with `retryAt`, or an
// invitation "rate_limited" with the seconds to wait — instead of waiting for the next window. Journeys ask
// again shortly before that moment: a call made within 5 s of it waits for the window and goes first.
import type { APIResponse, Page } from "@playwright/test";

const GIVE_UP_MS = 150_000;

/** Waits until 2 s before `retryAt` (ms), at least half a second. */
export async function untilJustBefore(retryAt: number): Promise<void> {
  await new Promise((r) => setTimeout(r, Math.max(500, Math.min(retryAt - Date.now() - 2_000, 60_000))));
}

async function budgetRetryAt(res: { status(): number; json(): Promise<unknown> }): Promise<number | null> {
  if (res.status() !== 503) return null;
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; retryAt?: string } } | null;
  return body?.error?.code === "chariow_rate_limited" && body.error.retryAt ? Date.parse(body.error.retryAt) : null;
}

/** Calls until the answer is not "budget spent" (or gives up after 150 s and returns the last answer). */
export async function untilServed(call: () => Promise<APIResponse>): Promise<APIResponse> {
  const deadline = Date.now() + GIVE_UP_MS;
  for (;;) {
    const res = await call();
    const retryAt = await budgetRetryAt(res);
    if (retryAt === null || Date.now() > deadline) return res;
    await untilJustBefore(retryAt);
  }
}

type InviteAnswer = { results: Array<{ outcome: string; code?: string; retryAfterSeconds?: number | null }> };

/** When an invitation batch came back rate limited: the moment to ask again, else null. */
export function inviteRetryAt(answer: InviteAnswer): number | null {
  const limited = answer.results.find((r) => r.outcome === "failed" && r.code === "rate_limited");
  return limited ? Date.now() + (limited.retryAfterSeconds ?? 5) * 1000 : null;
}

/** Posts invitations until no batch comes back rate limited (the refused ones were not sent). */
export async function untilInvited(post: () => Promise<APIResponse>): Promise<APIResponse> {
  const deadline = Date.now() + GIVE_UP_MS;
  for (;;) {
    const res = await post();
    const retryAt = res.ok() ? inviteRetryAt((await res.json()) as InviteAnswer) : null;
    if (retryAt === null || Date.now() > deadline) return res;
    await untilJustBefore(retryAt);
  }
}

/** Clicks (in the page) until the answer of the request `matches` is not "budget spent"; returns it. */
export async function clickUntilServed(page: Page, matches: (url: URL) => boolean, click: () => Promise<unknown>, onSpent?: () => Promise<void>) {
  const deadline = Date.now() + GIVE_UP_MS;
  for (;;) {
    const [res] = await Promise.all([page.waitForResponse((r) => matches(new URL(r.url())), { timeout: 30_000 }), click()]);
    const retryAt = await budgetRetryAt(res);
    if (retryAt === null || Date.now() > deadline) return res;
    await onSpent?.();
    await untilJustBefore(retryAt);
  }
}
