// The new routes × roles, and POST /api/pulses as Chariow calls it: no session, the HMAC over the raw
// body is the only key; a retry is a duplicate; a forged one is refused and shows in the log.
import { createHmac, randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { SAME_ORIGIN, apiAs } from "../support/api-session";
import { E2E, type DemoRole } from "../support/e2e-env";
import { affiliateJoinedPulsePayload } from "../../factories/chariow-payloads";

type Call = { method: "GET" | "POST" | "PUT"; path: string; body?: unknown; ok?: number };

const MATRIX: Array<{ call: Call; allowed: DemoRole[] }> = [
  { call: { method: "GET", path: "/api/sync/status" }, allowed: ["owner", "admin", "marketing", "support"] },
  { call: { method: "GET", path: "/api/overview/recent-sales" }, allowed: ["owner", "admin", "marketing"] },
  { call: { method: "GET", path: "/api/pulses/log" }, allowed: ["owner", "admin"] },
  { call: { method: "POST", path: "/api/sync/run" }, allowed: ["owner", "admin"] },
  // An invalid zone: allowed roles get the zod/validation 400, the others 403 before any parsing.
  { call: { method: "PUT", path: "/api/settings/timezone", body: { timeZone: "Mars/Olympus" }, ok: 400 }, allowed: ["owner", "admin"] },
];

for (const { call: c, allowed } of MATRIX) {
  for (const role of [null, "owner", "admin", "marketing", "support"] as const) {
    const expected = role === null ? 401 : allowed.includes(role) ? (c.ok ?? 200) : 403;
    test(`${role ?? "anonymous"}: ${c.method} ${c.path} → ${expected}`, async () => {
      const ctx = await apiAs(role);
      const res = await ctx.fetch(c.path, { method: c.method, data: c.body, headers: SAME_ORIGIN });
      expect(res.status()).toBe(expected);
      await ctx.dispose();
    });
  }
}

const php = (v: unknown) => JSON.stringify(v).replace(/\//g, "\\/").replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);

test("POST /api/pulses: signed → 200 once, retry → duplicate, forged → 401 and logged as rejected", async ({ request }) => {
  const joined = affiliateJoinedPulsePayload();
  const body = php({ ...joined, affiliate: { ...joined.affiliate, id: `saff_e2e_${randomBytes(4).toString("hex")}` } });
  const deliveryId = `pdlv_e2e_${randomBytes(6).toString("hex")}`;
  const headers = (signature: string) => ({ "content-type": "application/json", "x-chariow-signature": signature, "x-pulse-id": "pulse_demo", "x-pulse-event": "affiliate.joined", "x-pulse-delivery-id": deliveryId });
  const good = `sha256=${createHmac("sha256", E2E.pulseSecret).update(body).digest("hex")}`;
  const first = await request.post("/api/pulses", { data: body, headers: headers(good) });
  expect(first.status()).toBe(200);
  expect(await first.json()).toEqual({ received: true, status: "accepted" });
  const retry = await request.post("/api/pulses", { data: body, headers: headers(good) });
  expect(await retry.json()).toEqual({ received: true, status: "duplicate" });
  const forged = await request.post("/api/pulses", { data: body, headers: headers(`sha256=${createHmac("sha256", "whsec_attacker").update(body).digest("hex")}`) });
  expect(forged.status()).toBe(401);
  expect((await forged.json()).error.code).toBe("invalid_signature");

  const owner = await apiAs("owner");
  type Log = { entries: Array<{ deliveryId: string | null; status: string; detail: string | null }>; summary: { rejectedLast24h: number } };
  const readLog = async () => (await (await owner.get("/api/pulses/log?limit=200")).json()) as Log;
  // Processing is asynchronous (after the 200): poll until the first delivery is applied.
  await expect.poll(async () => (await readLog()).entries.filter((e) => e.deliveryId === deliveryId).map((e) => e.status).sort()).toEqual(["duplicate", "processed"]);
  const { entries, summary } = await readLog();
  expect(entries.some((e) => e.status === "rejected" && e.detail === "mismatch")).toBe(true);
  expect(summary.rejectedLast24h).toBeGreaterThanOrEqual(1);
  expect(JSON.stringify(entries)).not.toContain(E2E.pulseSecret);
  await owner.dispose();
});
