// Alerts end to end (issue 19, "Done when"): a failure spike and a disabled Pulse injected in the
// simulator, the store read into the mirror through the Chariow client, then TWO notification workers
// (two NotificationDeps, one database) ticking concurrently, several times. Each alert is recorded once,
// each member × channel message queued and delivered once, the webhook receives each alert once, muted
// members and members without the permission get nothing; GET /pulses is read at most once per 15 minutes.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Kysely } from "kysely";
import { startSimulator, type RunningSimulator } from "@/simulator/index";
import { createChariowClient, createMemoryBudgetStore, createScheduler, createVirtualClock, paginatePages, type ChariowClient } from "@/lib/chariow";
import type { Database } from "@/lib/db";
import { upsertSales } from "@/lib/mirror";
import { defaultDetectors } from "@/lib/notifications/alerts";
import type { EmailMessage } from "@/lib/notifications/channels/email";
import { setPreferences, DEFAULT_PREFERENCES } from "@/lib/notifications/preferences";
import { runNotificationTick, type NotificationDeps } from "@/lib/notifications/runner";
import { getStoreSettings, setStoreSettings } from "@/lib/notifications/store-settings";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";

const NOW = new Date("2026-06-01T12:00:00Z");
const TZ = "Africa/Abidjan";
let sim: RunningSimulator;
let client: ChariowClient;
let pulseCalls = 0;
let hooks: Server;
let hookUrl = "";
let received: { type: string; subject: string }[] = [];

beforeAll(async () => {
  const clock = createVirtualClock(NOW.getTime());
  sim = await startSimulator({
    port: 0,
    seed: 19,
    rateLimit: 0,
    sales: 300,
    now: new Date("2026-06-01T00:00:00Z"),
    clock: { now: () => clock.now() },
    // Deliveries go nowhere useful; the Pulse is disabled through the control API instead.
    pulse: { url: "http://127.0.0.1:9/pulses", secret: "whsec_alerts", retryDelaysMs: [3_600_000] },
  });
  const scheduler = createScheduler({ clock, store: createMemoryBudgetStore({ assumedLimit: 100_000 }) });
  const counting: typeof fetch = async (input, init) => {
    if (String(input).includes("/pulses")) pulseCalls++;
    return fetch(input, init);
  };
  client = createChariowClient({ baseUrl: sim.baseUrl, apiKey: sim.apiKey, scheduler, clock, fetch: counting });
  hooks = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const json = JSON.parse(body) as { type: string; data: { subject: string } };
      received.push({ type: json.type, subject: json.data.subject });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => hooks.listen(0, "127.0.0.1", resolve));
  hookUrl = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await sim?.close();
  await new Promise((resolve) => hooks?.close(resolve));
});

async function control(path: string, body: unknown = {}) {
  const res = await fetch(`${sim.origin}/__sim${path}`, { method: "POST", headers: { "content-type": "application/json", "x-sim-token": sim.controlToken }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { sale: { id: string; customer_id: string } };
}

/** What the sync does: every sale from the list, then each one's detail (method and country are detail-only). */
async function mirror(db: Kysely<Database>) {
  const ids: string[] = [];
  for await (const page of paginatePages(client.listSales, { per_page: 100 }, { priority: "background" })) {
    await upsertSales(db, page.items, { source: "list", receivedAt: NOW.toISOString(), timeZone: TZ });
    ids.push(...page.items.map((s) => s.id));
  }
  for (let i = 0; i < ids.length; i += 50) {
    const details = await Promise.all(ids.slice(i, i + 50).map((id) => client.getSale(id, { priority: "background" })));
    await upsertSales(db, details, { source: "detail", receivedAt: NOW.toISOString(), timeZone: TZ });
  }
}

/** The simulator's own view of a sale (raw API JSON, not our parser): its buyer country. */
async function countryOf(saleId: string): Promise<string> {
  const res = await fetch(`${sim.baseUrl}/sales/${saleId}`, { headers: { authorization: `Bearer ${sim.apiKey}` } });
  const json = (await res.json()) as { data: { context: { country: { code: string } } } };
  return json.data.context.country.code;
}

function worker(db: Kysely<Database>, instanceId: string, sent: EmailMessage[]): NotificationDeps {
  return {
    db,
    instanceId,
    timeZone: async () => TZ,
    storeName: async () => "Boutique",
    appUrl: "https://dash.test",
    authSecret: "x".repeat(32),
    email: { send: async (m) => void sent.push(m) },
    detectors: defaultDetectors({ client }),
  };
}

describeEachEngine("alerts with two workers", ({ db }) => {
  it("a failure spike and a disabled Pulse: each alert once, each message once, muted members nothing", async () => {
    received = [];
    pulseCalls = 0;
    const d = db().db;
    const owner = await makeMember(d, "owner");
    const admin = await makeMember(d, "admin");
    const support = await makeMember(d, "support");
    await setPreferences(d, admin.member.id, { ...DEFAULT_PREFERENCES, locale: "en", daily: false, weekly: false, muted: ["failure_spike", "pulse_disabled"] });
    await setPreferences(d, support.member.id, { ...DEFAULT_PREFERENCES, locale: "en", daily: false, weekly: false });
    await setPreferences(d, owner.member.id, { ...DEFAULT_PREFERENCES, daily: false, weekly: false });
    await setStoreSettings(d, { ...(await getStoreSettings(d)), webhook: { url: hookUrl, secret: "whsec_".padEnd(40, "k") } });

    // The spike: one buyer (so one country) fails 12 payments and pays 2 within the hour.
    const first = await control("/checkouts", {});
    const ids = [first.sale.id];
    for (let i = 0; i < 13; i++) ids.push((await control("/checkouts", { customer_id: first.sale.customer_id })).sale.id);
    for (const [i, id] of ids.entries()) await control(`/sales/${id}/${i < 12 ? "fail" : "complete"}`);
    await fetch(`${sim.origin}/__sim/pulses/disable`, { method: "POST", headers: { "x-sim-token": sim.controlToken } });
    const country = await countryOf(ids[0]!);
    await mirror(d);

    const emailsA: EmailMessage[] = [];
    const emailsB: EmailMessage[] = [];
    const a = worker(d, "worker-a", emailsA);
    const b = worker(d, "worker-b", emailsB);
    for (let minute = 1; minute <= 4; minute++) {
      const at = new Date(NOW.getTime() + minute * 60_000);
      await Promise.all([runNotificationTick(a, at), runNotificationTick(b, at)]);
    }

    const events = await d.selectFrom("alert_events").select(["dedupe_key", "topic", "subject"]).execute();
    const keys = events.map((e) => e.dedupe_key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(events.filter((e) => e.topic === "pulse_disabled")).toEqual([{ dedupe_key: "pulse_disabled:pulse_demo:2026-06-01", topic: "pulse_disabled", subject: "pulse_demo" }]);
    expect(events.filter((e) => e.topic === "failure_spike").map((e) => e.subject)).toContain(`country:${country}`);
    // GET /pulses once for both workers and four ticks (within 15 minutes).
    expect(pulseCalls).toBe(1);

    // Every member × channel × alert once in the outbox, all sent; nothing for the admin who muted both.
    // (The simulator's store also has late payouts: those alerts are sent too, and left out of the counts.)
    const allRows = await d.selectFrom("notification_outbox").select(["dedupe_key", "member_id", "channel", "topic", "status", "attempts"]).where("kind", "=", "alert").execute();
    expect(new Set(allRows.map((r) => r.dedupe_key)).size).toBe(allRows.length);
    expect(allRows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    const injected = ["failure_spike", "pulse_disabled"];
    const outbox = allRows.filter((r) => injected.includes(r.topic));
    const spikes = events.filter((e) => e.topic === "failure_spike").length;
    const expectedRows = (who: string, channel: string) => outbox.filter((r) => r.member_id === who && r.channel === channel).length;
    expect(expectedRows(owner.member.id, "email")).toBe(spikes + 1);
    expect(expectedRows(owner.member.id, "inapp")).toBe(spikes + 1);
    expect(expectedRows(support.member.id, "inapp")).toBe(spikes); // no settings:read: no Pulse alert
    expect(expectedRows(admin.member.id, "inapp") + expectedRows(admin.member.id, "email")).toBe(0);
    expect(outbox.filter((r) => r.channel === "webhook")).toHaveLength(spikes + 1);

    // Delivered once: in-app rows, e-mails across both workers, webhook posts.
    const inapp = (await d.selectFrom("notifications").select(["member_id", "topic"]).where("kind", "=", "alert").execute()).filter((n) => injected.includes(n.topic));
    expect(inapp.filter((n) => n.member_id === owner.member.id)).toHaveLength(spikes + 1);
    expect(inapp.filter((n) => n.member_id === support.member.id)).toHaveLength(spikes);
    expect(inapp.filter((n) => n.member_id === admin.member.id)).toHaveLength(0);
    const emails = [...emailsA, ...emailsB];
    // Each e-mail row of the outbox sent once, by one of the two workers.
    expect(emails.filter((m) => m.to === owner.member.email)).toHaveLength(allRows.filter((r) => r.member_id === owner.member.id && r.channel === "email").length);
    expect(emails.filter((m) => m.to === owner.member.email && /Pulse|échec/.test(m.subject))).toHaveLength(spikes + 1);
    expect(emails.filter((m) => m.to === admin.member.email && /Pulse|échec|failing/.test(m.subject))).toHaveLength(0);
    expect(new Set(emails.map((m) => `${m.to}|${m.subject}`)).size).toBe(emails.length);
    expect(received.filter((r) => r.type === "alert.pulse_disabled")).toEqual([{ type: "alert.pulse_disabled", subject: "pulse_demo" }]);
    expect(received.filter((r) => r.type === "alert.failure_spike")).toHaveLength(spikes);
    // The owner reads French: the Pulse alert in French words.
    expect(emails.find((m) => m.to === owner.member.email && m.subject.includes("Pulse"))?.subject).toContain("désactivé chez Chariow");
  });
});
