// Orders-to-ship routes × roles over HTTP: every role reads and marks (fulfilment:read/write, DESIGN §4
// customer service ships), the courier CSV is not support's (export:csv); anonymous 401; a missing
// reason for "not shippable" is a 400 naming `reason`.
import { expect, test } from "@playwright/test";
import { DEMO_ROLES } from "../support/e2e-env";
import { SAME_ORIGIN, apiAs } from "../support/api-session";

const EXPORT = { owner: true, admin: true, marketing: true, support: false } as const;

test("anonymous callers get 401 on every orders route", async () => {
  const anon = await apiAs(null);
  for (const path of ["/api/orders", "/api/orders?state=all", "/api/orders/export.csv"]) expect((await anon.get(path)).status(), path).toBe(401);
  expect((await anon.post("/api/orders", { headers: SAME_ORIGIN, data: { state: "to_ship", saleIds: ["x"] } })).status()).toBe(401);
  await anon.dispose();
});

for (const role of DEMO_ROLES) {
  test(`${role}: list and mark allowed, courier CSV ${EXPORT[role] ? "allowed" : "refused"}`, async () => {
    const api = await apiAs(role);
    expect((await api.get("/api/orders")).status()).toBe(200);
    expect((await api.get("/api/orders/export.csv?state=shipped")).status()).toBe(EXPORT[role] ? 200 : 403);
    // An unknown sale reaches the service (so the permission passed) and is refused there.
    const mark = await api.post("/api/orders", { headers: SAME_ORIGIN, data: { state: "shipped", saleIds: ["no_such_sale"] } });
    expect(mark.status()).toBe(404);
    await api.dispose();
  });
}

test("not shippable without a reason is a 400 naming the field; a bad filter names `state`", async () => {
  const api = await apiAs("support");
  const res = await api.post("/api/orders", { headers: SAME_ORIGIN, data: { state: "not_shippable", saleIds: ["any"] } });
  expect(res.status()).toBe(400);
  expect((await res.json()).error).toMatchObject({ code: "invalid_input", field: "reason" });
  const bad = await api.get("/api/orders?state=lost");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatchObject({ field: "state" });
  await api.dispose();
});
