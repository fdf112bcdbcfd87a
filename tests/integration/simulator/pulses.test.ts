// Pulses: signature over the raw bytes (verified independently with node:crypto), PHP escaping so
// re-serialised JSON does not verify, Chariow headers, retries with a stable delivery id, disabling
// after 5 failed attempts, test deliveries, and affiliate.joined after an accepted invitation.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../../simulator/index";
import { FakeClock, HISTORY_END, call, control } from "./helpers";

interface Received {
  headers: IncomingHttpHeaders;
  raw: Buffer;
}

const SECRET = "whsec_test_3f9a";
let sim: RunningSimulator | null = null;
let receiver: Server | null = null;

afterEach(async () => {
  await sim?.close();
  await new Promise<void>((r) => (receiver ? receiver.close(() => r()) : r()));
  sim = null;
  receiver = null;
});

/** A Pulse endpoint answering `statuses` in turn (then 200), recording raw bodies. */
async function startReceiver(statuses: number[] = []): Promise<{ url: string; got: Received[] }> {
  const got: Received[] = [];
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      got.push({ headers: req.headers, raw: Buffer.concat(chunks) });
      res.writeHead(statuses.shift() ?? 200).end("ok");
    });
  });
  await new Promise<void>((r) => receiver!.listen(0, "127.0.0.1", () => r()));
  return { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/pulses`, got };
}

function verify(raw: Buffer, header: string | string[] | undefined, secret: string): boolean {
  const expected = Buffer.from("sha256=" + createHmac("sha256", secret).update(raw).digest("hex"));
  const given = Buffer.from(String(header));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function until(cond: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("Pulses", () => {
  it("successful.sale is signed over the raw bytes with PHP escaping and Chariow's headers", async () => {
    const rx = await startReceiver();
    sim = await startSimulator({ now: HISTORY_END, clock: new FakeClock(), rateLimit: 0, pulse: { url: rx.url, secret: SECRET, pulseId: "pulse_abc" } });
    const c = await control(sim, "POST", "/checkouts", { product_id: "prd_8ne3wd7gs2" }); // a licence product, French name
    const done = await control(sim, "POST", `/sales/${c.json.sale.id}/complete`);
    expect(done.json.sale.status).toBe("completed");
    await until(() => rx.got.length >= 2);
    const sale = rx.got.find((g) => g.headers["x-pulse-event"] === "successful.sale")!;
    expect(verify(sale.raw, sale.headers["x-chariow-signature"], SECRET)).toBe(true);
    expect(verify(sale.raw, sale.headers["x-chariow-signature"], "whsec_other")).toBe(false);
    expect(sale.headers["x-pulse-id"]).toBe("pulse_abc");
    expect(sale.headers["x-pulse-delivery-id"]).toMatch(/^pdlv_[0-9a-f]{16}$/);
    const text = sale.raw.toString("utf8");
    expect(text).toContain("https:\\/\\/"); // `/` escaped
    expect(/[^\x00-\x7f]/.test(text)).toBe(false); // non-ASCII escaped as \uXXXX
    const body = JSON.parse(text);
    expect(body).not.toHaveProperty("data");
    expect(body.event).toBe("successful.sale");
    expect(body.sale.id).toBe(c.json.sale.id);
    expect(body.sale.settlement).toHaveProperty("due_at");
    expect(body.customer.phone).toMatch(/^\+\d{8,}$/);
    expect(body.customer.country).toMatch(/^[A-Z]{2}$/);
    expect(body.checkout).toEqual({});
    const reserialised = Buffer.from(JSON.stringify(body));
    expect(reserialised.equals(sale.raw)).toBe(false);
    expect(verify(reserialised, sale.headers["x-chariow-signature"], SECRET)).toBe(false);
    const lic = rx.got.find((g) => g.headers["x-pulse-event"] === "license.issued")!;
    expect(JSON.parse(lic.raw.toString()).license.key).toMatch(/^[A-Z0-9]+-[A-Z0-9]{5}-[A-Z0-9]{5}$/);
  });

  it("failed and abandoned sales carry the recovery checkout URL and failure error", async () => {
    const rx = await startReceiver();
    sim = await startSimulator({ now: HISTORY_END, clock: new FakeClock(), rateLimit: 0, pulse: { url: rx.url, secret: SECRET } });
    const a = await control(sim, "POST", "/checkouts", {});
    const b = await control(sim, "POST", "/checkouts", {});
    await control(sim, "POST", `/sales/${a.json.sale.id}/fail`, { code: "insufficient_funds" });
    await control(sim, "POST", `/sales/${b.json.sale.id}/abandon`);
    await until(() => rx.got.length >= 2);
    const failed = JSON.parse(rx.got.find((g) => g.headers["x-pulse-event"] === "failed.sale")!.raw.toString());
    expect(failed.sale.payment.failure_error.code).toBe("insufficient_funds");
    expect(failed.sale.settlement).toEqual({});
    expect(failed.checkout.url).toMatch(/^https:\/\/.+\/checkout\/.+email=/);
    const abandoned = JSON.parse(rx.got.find((g) => g.headers["x-pulse-event"] === "abandoned.sale")!.raw.toString());
    expect(abandoned.sale.abandoned_at).toBeTruthy();
    // The API agrees with the Pulse.
    const d = await call(sim, `/sales/${a.json.sale.id}`);
    expect(d.json.data.status).toBe("failed");
    expect(d.json.data.payment.failure_error.code).toBe("insufficient_funds");
  });

  it("retries non-2xx with a stable delivery id on the given schedule, then succeeds", async () => {
    const rx = await startReceiver([500, 503, 200]);
    sim = await startSimulator({ now: HISTORY_END, clock: new FakeClock(), rateLimit: 0, pulse: { url: rx.url, secret: SECRET, retryDelaysMs: [30, 60, 90, 120] } });
    const c = await control(sim, "POST", "/checkouts", { product_id: "prd_9xw1bc5tz4" });
    const t0 = Date.now();
    await control(sim, "POST", `/sales/${c.json.sale.id}/complete`);
    await until(() => rx.got.length >= 3);
    const ids = new Set(rx.got.map((g) => g.headers["x-pulse-delivery-id"]));
    expect(ids.size).toBe(1);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(90); // 30 + 60 ms between attempts
    expect(rx.got.every((g) => g.raw.equals(rx.got[0].raw))).toBe(true);
    const log = await control(sim, "GET", "/pulses/attempts");
    expect(log.json.attempts.map((a: { status: number }) => a.status)).toEqual([500, 503, 200]);
    expect(log.json.status).toBe("active");
  });

  it("after 5 failed attempts the Pulse is disabled and sends nothing more", async () => {
    const rx = await startReceiver([500, 500, 500, 500, 500, 500]);
    sim = await startSimulator({ now: HISTORY_END, clock: new FakeClock(), rateLimit: 0, pulse: { url: rx.url, secret: SECRET, retryDelaysMs: [5, 5, 5, 5] } });
    const c = await control(sim, "POST", "/checkouts", {});
    await control(sim, "POST", `/sales/${c.json.sale.id}/abandon`);
    await until(() => rx.got.length >= 5);
    await until(() => false, 100).catch(() => undefined);
    expect(rx.got).toHaveLength(5);
    const pulses = await call(sim, "/pulses");
    expect(pulses.json.data.data[0]).toMatchObject({ id: "pulse_demo", status: "disabled", url: rx.url });
    expect(pulses.json.data.data[0]).not.toHaveProperty("secret");
    const c2 = await control(sim, "POST", "/checkouts", {});
    await control(sim, "POST", `/sales/${c2.json.sale.id}/abandon`);
    await new Promise((r) => setTimeout(r, 50));
    expect(rx.got).toHaveLength(5);
  });

  it("test deliveries have a note and no delivery id; invitations accepted → affiliate.joined", async () => {
    const rx = await startReceiver();
    sim = await startSimulator({ now: HISTORY_END, clock: new FakeClock(), rateLimit: 0, pulse: { url: rx.url, secret: SECRET } });
    const t = await control(sim, "POST", "/pulses/test");
    expect(t.json.attempt.ok).toBe(true);
    const test = rx.got[0];
    expect(test.headers["x-pulse-delivery-id"]).toBeUndefined();
    expect(JSON.parse(test.raw.toString()).note).toMatch(/test/i);
    expect(verify(test.raw, test.headers["x-chariow-signature"], SECRET)).toBe(true);
    const inv = await call(sim, "/affiliates/invitations", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ emails: ["awa.faye@example.com"] }) });
    expect(inv.status).toBe(201);
    const acc = await control(sim, "POST", `/invitations/${encodeURIComponent("awa.faye@example.com")}/accept`);
    expect(acc.status).toBe(200);
    await until(() => rx.got.length >= 2);
    const joined = JSON.parse(rx.got[1].raw.toString());
    expect(joined.event).toBe("affiliate.joined");
    expect(joined.affiliate.id).toMatch(/^saff_/);
    expect(joined.affiliate.account).toMatchObject({ id: expect.stringMatching(/^aff_/), code: acc.json.affiliate.code, email: "awa.faye@example.com" });
    expect(joined.affiliate.account.phone.formatted).toMatch(/^\+\d/);
    const looked = await call(sim, `/affiliates/${acc.json.affiliate.code}`);
    expect(looked.json.data.status).toBe("active");
    expect(sim.truth().invitations[0].status).toBe("accepted");
  });

  it("licence activation and revocation send their Pulses and show in /licenses", async () => {
    const rx = await startReceiver();
    sim = await startSimulator({ now: HISTORY_END, clock: new FakeClock(), rateLimit: 0, pulse: { url: rx.url, secret: SECRET } });
    const c = await control(sim, "POST", "/checkouts", { product_id: "prd_1jc4zp6vb8" });
    await control(sim, "POST", `/sales/${c.json.sale.id}/complete`);
    const key: string = (await call(sim, `/sales/${c.json.sale.id}`)).json.data.post_purchase.licences[0].licence_key;
    const before = (await call(sim, `/licenses/${key}`)).json.data;
    const act = await control(sim, "POST", `/licenses/${key}/activate`);
    if (before.status === "revoked" || before.activations >= before.max_activations) expect(act.status).toBe(400);
    else expect(act.json.licence).toMatchObject({ status: "active", activations: before.activations + 1 });
    const rev = await control(sim, "POST", `/licenses/${key}/revoke`);
    if (before.status !== "revoked") expect(rev.json.licence.status).toBe("revoked");
    expect((await control(sim, "POST", `/licenses/${key}/revoke`)).status).toBe(400);
    expect((await call(sim, `/licenses/${key}`)).json.data.status).toBe("revoked");
    await until(() => rx.got.some((g) => g.headers["x-pulse-event"] === "license.revoked"));
    const body = JSON.parse(rx.got.find((g) => g.headers["x-pulse-event"] === "license.revoked")!.raw.toString());
    expect(body.license).toMatchObject({ key, status: "revoked" });
    expect((await control(sim, "POST", "/licenses/NOPE-12345-67890/revoke")).status).toBe(404);
  });
});
