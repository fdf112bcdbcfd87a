// The signed outgoing webhook (issue 19, docs/notifications.md "Webhook"): an alert reaches a local HTTP
// receiver as JSON, its `X-Dashboard-Signature` checked here by an independent implementation of the
// documented scheme (WebCrypto's HMAC, not the app's node:crypto code); a tampered body or another secret
// fails that check; a receiver that answers 500 gets the message again after the backoff, and the send
// log records each attempt's result.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { AlertEvent } from "@/lib/notifications/alerts/types";
import { deliverDue, raiseAlerts, type NotificationDeps } from "@/lib/notifications/runner";
import { RETRY_DELAYS_MS } from "@/lib/notifications/outbox";
import { getStoreSettings, setStoreSettings } from "@/lib/notifications/store-settings";
import { describeEachEngine } from "../db/engines";

vi.mock("server-only", () => ({}));

type Received = { headers: http.IncomingHttpHeaders; body: string };
const received: Received[] = [];
let answer = 200;
let server: http.Server;
let url = "";

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The documented scheme, written from the docs: v1 = hex(HMAC-SHA256(secret, `${t}.${body}`)). */
async function verify(header: string, body: string, secret: string): Promise<boolean> {
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=") as [string, string]));
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${parts.t}.${body}`)));
  const hex = [...mac].map((b) => b.toString(16).padStart(2, "0")).join("");
  return parts.v1 === hex;
}

const NOW = new Date("2026-06-01T09:30:00Z");
const event: AlertEvent = {
  topic: "pulse_disabled",
  subject: "pulse_demo",
  dedupeKey: "pulse_disabled:pulse_demo:2026-06-01",
  facts: { pulseId: "pulse_demo", name: "Tableau de bord" },
  path: "/settings",
  permission: "settings:read",
  words: async () => ({ title: "Pulse désactivé", body: "Chariow a désactivé le Pulse." }),
};

describeEachEngine("the signed webhook", ({ db }) => {
  it("delivers signed JSON, verifiable independently, and retries after a failure", async () => {
    received.length = 0;
    const d = db().db;
    const settings = await getStoreSettings(d);
    await setStoreSettings(d, { ...settings, webhook: { ...settings.webhook, url } });
    const deps: NotificationDeps = { db: d, instanceId: "w1", timeZone: async () => "Africa/Abidjan", storeName: async () => "Boutique", appUrl: "https://dash.example", authSecret: "s".repeat(40), email: null };

    answer = 500;
    expect(await raiseAlerts(deps, [event], NOW)).toHaveLength(1);
    expect(await raiseAlerts(deps, [event], NOW)).toHaveLength(0); // once
    expect(await deliverDue(deps, NOW)).toMatchObject({ failed: 1 });
    let row = await d.selectFrom("notification_outbox").selectAll().where("channel", "=", "webhook").executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "pending", attempts: 1, last_error: "the webhook answered 500" });
    // Not before the backoff…
    expect(await deliverDue(deps, new Date(NOW.getTime() + RETRY_DELAYS_MS[0]! - 1000))).toMatchObject({ sent: 0, failed: 0 });
    answer = 200;
    expect(await deliverDue(deps, new Date(NOW.getTime() + RETRY_DELAYS_MS[0]!))).toMatchObject({ sent: 1 });
    row = await d.selectFrom("notification_outbox").selectAll().where("channel", "=", "webhook").executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "sent", attempts: 2 });

    expect(received).toHaveLength(2);
    const last = received[1]!;
    expect(last.headers["content-type"]).toBe("application/json");
    expect(last.headers["x-dashboard-event"]).toBe("alert.pulse_disabled");
    expect(last.headers["x-dashboard-delivery"]).toBe(row.id);
    const signature = String(last.headers["x-dashboard-signature"]);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(await verify(signature, last.body, settings.webhook.secret)).toBe(true);
    expect(await verify(signature, last.body.replace("pulse_demo", "pulse_evil"), settings.webhook.secret)).toBe(false);
    expect(await verify(signature, last.body, `${settings.webhook.secret}x`)).toBe(false);
    const json = JSON.parse(last.body);
    expect(json).toMatchObject({ id: row.id, type: "alert.pulse_disabled", data: { topic: "pulse_disabled", subject: "pulse_demo", facts: { pulseId: "pulse_demo" }, link: "https://dash.example/settings" } });
  });
});
