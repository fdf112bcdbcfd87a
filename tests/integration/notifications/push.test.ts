// Web Push end to end (issue 19): a member's browser subscription (real P-256 keys made here), an alert
// raised by two workers, and a local push service over HTTPS standing in for the browser's. The message
// arrives once, with a VAPID authorisation, encrypted (aes128gcm, RFC 8291) — decrypted here by an
// independent implementation of the RFC to read its title and link. A push service that answers 410 has
// forgotten the browser: the subscription is deleted.
import { createDecipheriv, createECDH, createHmac, randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { AlertEvent } from "@/lib/notifications/alerts/types";
import { savePushSubscription } from "@/lib/notifications/channels/push";
import { DEFAULT_PREFERENCES, setPreferences } from "@/lib/notifications/preferences";
import { deliverDue, raiseAlerts, type NotificationDeps } from "@/lib/notifications/runner";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";

vi.mock("server-only", () => ({}));

type Push = { path: string; headers: Record<string, string | string[] | undefined>; body: Buffer };
const pushes: Push[] = [];
let answer = 201;
let server: https.Server;
let origin = "";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "push-tls-"));

beforeAll(async () => {
  execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", path.join(dir, "k.pem"), "-out", path.join(dir, "c.pem"), "-days", "1", "-subj", "/CN=127.0.0.1"], { stdio: "ignore" });
  server = https.createServer({ key: fs.readFileSync(path.join(dir, "k.pem")), cert: fs.readFileSync(path.join(dir, "c.pem")) }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      pushes.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(dir, { recursive: true, force: true });
});

const b64url = (b: Buffer) => b.toString("base64url");
const hmac = (key: Buffer, data: Buffer) => createHmac("sha256", key).update(data).digest();

/** RFC 8291 + RFC 8188 (aes128gcm), one record: what the browser does with a push message. */
function decrypt(body: Buffer, ua: ReturnType<typeof createECDH>, auth: Buffer): string {
  const salt = body.subarray(0, 16);
  const idlen = body[20]!;
  const asPublic = body.subarray(21, 21 + idlen);
  const ciphertext = body.subarray(21 + idlen);
  const shared = ua.computeSecret(asPublic);
  const ikm = hmac(hmac(auth, shared), Buffer.concat([Buffer.from("WebPush: info\0"), ua.getPublicKey(), asPublic, Buffer.from([1])]));
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from("Content-Encoding: aes128gcm\0\x01", "binary")).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from("Content-Encoding: nonce\0\x01", "binary")).subarray(0, 12);
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const plain = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  let end = plain.length - 1;
  while (end >= 0 && plain[end] === 0) end--;
  expect(plain[end]).toBe(2); // the last record's delimiter
  return plain.subarray(0, end).toString("utf8");
}

const NOW = new Date("2026-06-01T09:30:00Z");
const alert = (n: number): AlertEvent => ({
  topic: "sync_stale",
  subject: "sync",
  dedupeKey: `sync_stale:test-${n}`,
  facts: { minutes: 95 },
  path: "/settings",
  permission: "settings:read",
  words: async (locale) => (locale === "fr" ? { title: "Synchronisation en retard", body: "Pas de mise à jour depuis 95 min." } : { title: "Sync late", body: "No update for 95 min." }),
});

describeEachEngine("Web Push", ({ db }) => {
  it("reaches the member's browser once, encrypted for it, and forgets a browser the push service forgot", async () => {
    pushes.length = 0;
    answer = 201;
    const d = db().db;
    const owner = await makeMember(d, "owner");
    await setPreferences(d, owner.member.id, { ...DEFAULT_PREFERENCES, push: true, email: false });
    const ua = createECDH("prime256v1");
    ua.generateKeys();
    const auth = randomBytes(16);
    await savePushSubscription(d, owner.member.id, { endpoint: `${origin}/push/abc`, keys: { p256dh: b64url(ua.getPublicKey()), auth: b64url(auth) } });
    const agent = new https.Agent({ rejectUnauthorized: false });
    const worker = (id: string): NotificationDeps => ({ db: d, instanceId: id, timeZone: async () => "Africa/Abidjan", storeName: async () => "Boutique", appUrl: "https://dash.example", authSecret: "s".repeat(40), email: null, pushAgent: agent });

    await Promise.all([raiseAlerts(worker("a"), [alert(1)], NOW), raiseAlerts(worker("b"), [alert(1)], NOW)]);
    await Promise.all([deliverDue(worker("a"), NOW), deliverDue(worker("b"), NOW)]);
    expect(pushes).toHaveLength(1);
    const push = pushes[0]!;
    expect(push.path).toBe("/push/abc");
    expect(push.headers["content-encoding"]).toBe("aes128gcm");
    expect(String(push.headers.authorization)).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]+$/);
    expect(JSON.parse(decrypt(push.body, ua, auth))).toEqual({ title: "Synchronisation en retard", body: "Pas de mise à jour depuis 95 min.", link: "https://dash.example/settings" });
    const row = await d.selectFrom("notification_outbox").select(["status", "attempts"]).where("channel", "=", "push").executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "sent", attempts: 1 });

    // The push service no longer knows this browser: the subscription goes, the message is recorded as not delivered.
    answer = 410;
    await raiseAlerts(worker("a"), [alert(2)], NOW);
    await deliverDue(worker("a"), NOW);
    expect(pushes).toHaveLength(2);
    expect(await d.selectFrom("push_subscriptions").selectAll().execute()).toEqual([]);
    const second = await d.selectFrom("notification_outbox").select(["status", "last_error"]).where("channel", "=", "push").where("dedupe_key", "like", "alert:sync_stale:test-2%").executeTakeFirstOrThrow();
    expect(second).toEqual({ status: "skipped", last_error: "no browser subscribed" });
  });
});
