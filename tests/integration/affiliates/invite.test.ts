// Invitations against the simulator in both dialects and on both engines: a mixed paste of 30 entries
// gives exactly the right outcome per email with exactly two API calls (25 + 1); a rate-limited batch is
// reported (with the batches after it not sent), a retry before the budget is back fails at once, and
// retrying when it is back re-sends only those; every round is stored
// and audited; accepting an invitation in the simulator turns it to accepted through the affiliate.joined
// Pulse (or, without it, through a lookup of the new code); an invitation past its expiry shows expired.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChariowClient, createMemoryBudgetStore, createScheduler, createVirtualClock, type ChariowClient } from "@/lib/chariow";
import { parseEmails } from "@/lib/affiliates/emails";
import { sendInvitations } from "@/lib/affiliates/invite";
import { listInvitations } from "@/lib/affiliates/queries";
import { createLookupCache, lookupAffiliate } from "@/lib/affiliates/lookup";
import { createPulseQueue, receivePulse } from "@/lib/pulses";
import { createMirrorSink } from "@/lib/pulses/mirror-sink";
import { startSimulator, type RunningSimulator } from "@/simulator/index";
import { describeEachEngine } from "../db/engines";
import { FakeClock, HISTORY_END, call, control } from "../simulator/helpers";
import { startPulseEndpoint, until } from "../pulses/helpers";

const ACTOR = { id: "usr_marketing", email: "marketing@example.com", role: "marketing" as const };
const SECRET = "whsec_affiliates";

type Counted = { client: ChariowClient; posts: string[][]; clock: ReturnType<typeof createVirtualClock> };
function countingClient(sim: RunningSimulator): Counted {
  const posts: string[][] = [];
  const fetchCounting: typeof fetch = async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (url.endsWith("/affiliates/invitations") && init?.method === "POST") posts.push(JSON.parse(String(init.body)).emails);
    return fetch(input, init);
  };
  const clock = createVirtualClock();
  const scheduler = createScheduler({ clock, store: createMemoryBudgetStore({ assumedLimit: 100_000 }), maxAttempts: 1, backoffBaseMs: 5, backoffMaxMs: 10 });
  return { client: createChariowClient({ baseUrl: sim.baseUrl, apiKey: sim.apiKey, scheduler, clock, timeoutMs: 5_000, fetch: fetchCounting }), posts, clock };
}

for (const dialect of ["current", "legacy"] as const) {
  describe(`invitations (${dialect} dialect)`, () => {
    let sim: RunningSimulator;
    let endpoint: { url: string; close(): Promise<void> };
    let target: { handle: (req: Request) => Promise<Response> } = { handle: async () => new Response("not ready", { status: 503 }) };
    let johnEmail: string;
    let creatorEmail: string;

    beforeAll(async () => {
      endpoint = await startPulseEndpoint((req) => target.handle(req));
      sim = await startSimulator({ now: HISTORY_END, clock: new FakeClock(), rateLimit: 0, dialect, pulse: { url: endpoint.url, secret: SECRET, retryDelaysMs: [20, 20, 20] } });
      // Seeds shape: data.email; current shape: data.account.user.email.
      const emailOf = (json: { data: { email?: string; account?: { user?: { email: string } } } }) => json.data.account?.user?.email ?? json.data.email!;
      johnEmail = emailOf((await call(sim, "/affiliates/JOHN25")).json);
      creatorEmail = emailOf((await call(sim, "/affiliates/CREATOR123")).json);
    });
    afterAll(async () => {
      await sim?.close();
      await endpoint?.close();
    });

    describeEachEngine(`invite (${dialect})`, ({ db, engine }) => {
      const tag = `${dialect}-${engine}-${Math.random().toString(36).slice(2, 8)}`;

      it("a mixed paste of 30: per-email outcomes and exactly two API calls", async () => {
        // Two invited beforehand, straight at the simulator (not counted).
        const before = [`pending1-${tag}@example.com`, `pending2-${tag}@example.org`];
        expect((await call(sim, "/affiliates/invitations", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ emails: before }) })).status).toBe(201);
        const fresh = Array.from({ length: 22 }, (_, i) => `new${i}-${tag}@example.com`);
        const invalid = ["not-an-email", "jean@", "@example.com", `a b-${tag}@example.com`];
        const entries = [
          ...fresh.slice(0, 10).map((e) => e.toUpperCase()),
          johnEmail,
          `"Créateur" <${creatorEmail}>`,
          ...invalid,
          ...before,
          ...fresh.slice(10),
        ];
        expect(entries).toHaveLength(30);
        const parsed = parseEmails(entries.join("\n"));
        // "a b-…@example.com" splits at the space into "a" (invalid) and "b-…@example.com" (valid).
        expect(parsed.invalid.map((i) => i.input)).toEqual(["not-an-email", "jean@", "@example.com", "a"]);
        expect(parsed.valid).toHaveLength(27);

        const { client, posts } = countingClient(sim);
        const progress: Array<[number, number]> = [];
        const report = await sendInvitations(db().db, client, parsed.valid, { actor: ACTOR, onBatch: (d, t) => progress.push([d, t]) });
        expect(posts.map((p) => p.length)).toEqual([25, 2]);
        expect(progress).toEqual([[1, 2], [2, 2]]);
        const outcome = Object.fromEntries(report.results.map((r) => [r.email, r.outcome]));
        for (const e of fresh) expect(outcome[e]).toBe("invited");
        expect(outcome[`b-${tag}@example.com`]).toBe("invited");
        // The current shape (a plain array of created invitations) does not say why an email was skipped.
        const [asAffiliate, asInvited] = dialect === "legacy" ? ["already_affiliate", "already_invited"] : ["not_invited", "not_invited"];
        expect(outcome[johnEmail]).toBe(asAffiliate);
        expect(outcome[creatorEmail]).toBe(asAffiliate);
        for (const e of before) expect(outcome[e]).toBe(asInvited);
        expect(report.results).toHaveLength(27);
        expect(report.retryable).toBe(false);
        const invited = report.results.filter((r) => r.outcome === "invited");
        expect(invited.every((r) => r.outcome === "invited" && r.invitationId.length > 0 && r.expiresAt !== null)).toBe(true);

        // Stored with who sent it, and audited.
        const list = await listInvitations(db().db, {}, HISTORY_END);
        expect(list.filter((r) => r.status === "pending").map((r) => r.email).sort()).toEqual([...fresh, `b-${tag}@example.com`].sort());
        expect(list.filter((r) => r.status === asAffiliate).map((r) => r.email).sort()).toEqual((dialect === "legacy" ? [johnEmail, creatorEmail] : [johnEmail, creatorEmail, ...before]).sort());
        expect(list.every((r) => r.sentBy === ACTOR.email)).toBe(true);
        const audit = await db().db.selectFrom("audit_log").selectAll().where("action", "=", "affiliates.invite").execute();
        expect(audit).toHaveLength(1);
        expect(JSON.parse(audit[0].details!)).toMatchObject({ emails: 27, batches: 2, batchesSent: 2, outcomes: dialect === "legacy" ? { invited: 23, already_affiliate: 2, already_invited: 2 } : { invited: 23, not_invited: 4 } });
      });

      it("a rate-limited batch: it and the later ones are not sent, and the retry sends only those", async () => {
        const emails = Array.from({ length: 60 }, (_, i) => `rl${i}-${tag}@example.com`);
        const { client, posts, clock } = countingClient(sim);
        const report = await sendInvitations(db().db, client, emails, {
          actor: ACTOR,
          onBatch: (done) => {
            if (done === 1) sim.setFaults({ storm429: 1, stormRetryAfter: 7 });
          },
        });
        sim.setFaults({});
        expect(posts.map((p) => p.length)).toEqual([25, 25]); // the third was never sent
        const by = (o: string) => report.results.filter((r) => r.outcome === o).map((r) => r.email);
        expect(by("invited")).toEqual(emails.slice(0, 25));
        expect(by("failed")).toEqual(emails.slice(25, 50));
        expect(report.results.find((r) => r.outcome === "failed")).toMatchObject({ code: "rate_limited", retryAfterSeconds: 7 });
        expect(by("not_sent")).toEqual(emails.slice(50));
        expect(report.retryable).toBe(true);

        const retry = report.results.filter((r) => r.outcome === "failed" || r.outcome === "not_sent").map((r) => r.email);
        // Retried when the report said: sooner, the key's budget is still blocked and the batch fails at once.
        const early = await sendInvitations(db().db, client, retry, { actor: ACTOR });
        expect(posts).toHaveLength(2);
        expect(early.results.every((r) => r.outcome === "failed" || r.outcome === "not_sent")).toBe(true);
        expect(early.results[0]).toMatchObject({ code: "rate_limited", retryAfterSeconds: 7 });
        clock.advance(7_000);
        const again = await sendInvitations(db().db, client, retry, { actor: ACTOR });
        expect(posts.slice(2)).toEqual([emails.slice(25, 50), emails.slice(50)]);
        expect(again.results.every((r) => r.outcome === "invited")).toBe(true);
        expect((await listInvitations(db().db, { status: "pending", q: `-${tag}@` }, HISTORY_END)).filter((r) => r.email.startsWith("rl"))).toHaveLength(60);
      });

      it("without the Pulse, a lookup of the new affiliate's code turns the invitation accepted", async () => {
        // The Pulse is acknowledged but goes nowhere (a failing endpoint would get the Pulse disabled, §8).
        target = { handle: async () => new Response("ignored", { status: 200 }) };
        const email = `looked-${tag}@example.com`;
        const { client } = countingClient(sim);
        const [sent] = (await sendInvitations(db().db, client, [email], { actor: ACTOR })).results;
        if (sent.outcome !== "invited") throw new Error(`expected invited, got ${sent.outcome}`);
        const accepted = await control(sim, "POST", `/invitations/${encodeURIComponent(sent.invitationId)}/accept`);
        expect((await listInvitations(db().db, { q: email }, HISTORY_END))[0].status).toBe("pending");
        const looked = await lookupAffiliate(db().db, client, accepted.json.affiliate.code, { cache: createLookupCache() });
        expect(looked.found).toBe(true);
        expect((await listInvitations(db().db, { q: email }, HISTORY_END))[0]).toMatchObject({ status: "accepted", acceptedVia: "lookup", affiliateCode: accepted.json.affiliate.code });
      });

      it("accepting an invitation in the simulator turns it accepted via the affiliate.joined Pulse; past expiry is expired", async () => {
        try {
          await acceptedViaPulse();
        } finally {
          // A late simulator retry must not reach this engine's database once it is closed.
          target = { handle: async () => new Response("not ready", { status: 503 }) };
        }
      });
      async function acceptedViaPulse() {
        const queue = createPulseQueue({ db: async () => db().db, sink: async () => createMirrorSink(db().db, { timeZone: async () => "UTC" }) });
        target = { handle: (req) => receivePulse(req, { db: db().db, secrets: { "*": SECRET }, onAccepted: queue.enqueue }) };
        const email = `joiner-${tag}@example.com`;
        const { client } = countingClient(sim);
        const [sent] = (await sendInvitations(db().db, client, [email, `waiting-${tag}@example.com`], { actor: ACTOR })).results;
        expect(sent.outcome).toBe("invited");
        expect((await listInvitations(db().db, { q: email }, HISTORY_END))[0].status).toBe("pending");
        const accepted = await control(sim, "POST", `/invitations/${encodeURIComponent(sent.outcome === "invited" ? sent.invitationId : "")}/accept`);
        expect(accepted.status).toBeLessThan(300);
        await until(async () => (await db().db.selectFrom("affiliates").select("email").where("email", "=", email).execute()).length === 1);
        await queue.idle();
        const [row] = await listInvitations(db().db, { q: email }, HISTORY_END);
        expect(row).toMatchObject({ status: "accepted", acceptedVia: "pulse" });
        expect(row.affiliateCode).toMatch(/^[A-Z0-9]+$/);
        expect((await listInvitations(db().db, { status: "accepted" }, HISTORY_END)).map((r) => r.email)).toEqual([email]);
        // The other one, read 40 days later (Chariow's invitations last 30), is expired.
        const later = new Date(HISTORY_END.getTime() + 40 * 86_400_000);
        expect((await listInvitations(db().db, { q: `waiting-${tag}` }, later))[0].status).toBe("expired");
      }
    });
  });
}
