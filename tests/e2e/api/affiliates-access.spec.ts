// Affiliates routes × roles and bad input over HTTP: owner, admin and marketing read and invite; support
// gets 403 everywhere; anonymous 401. Zero emails, more than 500, none valid → 400 on `emails` with nothing
// sent; an unknown code (also with spaces or slashes) → 404 "No affiliate with this code".
import { expect, test } from "@playwright/test";
import { DEMO_ROLES } from "../support/e2e-env";
import { SAME_ORIGIN, apiAs } from "../support/api-session";
import { untilInvited, untilServed } from "../support/chariow-budget";

// Calls that reach Chariow answer at once when the demo's API budget (30 requests a minute) is spent by
// the backfill: 503 with `retryAt`, asked again then (support/chariow-budget.ts).
const WAIT = { timeout: 90_000 };
test.setTimeout(300_000);

const ALLOWED = { owner: true, admin: true, marketing: true, support: false } as const;
const PATHS = ["/api/affiliates", "/api/affiliates/invitations", "/api/affiliates/lookup?code=JOHN25", "/api/affiliates/export.csv", "/api/affiliates/invitations/export.csv"];

test("anonymous callers get 401 on every affiliates route", async () => {
  const anon = await apiAs(null);
  for (const path of PATHS) expect((await anon.get(path)).status(), path).toBe(401);
  expect((await anon.post("/api/affiliates/invitations", { headers: SAME_ORIGIN, data: { emails: "x@example.com" } })).status()).toBe(401);
});

for (const role of DEMO_ROLES) {
  test(`${role}: affiliates routes ${ALLOWED[role] ? "allowed" : "refused"}`, async () => {
    const api = await apiAs(role);
    for (const path of PATHS) expect((await untilServed(() => api.get(path, WAIT))).status(), path).toBe(ALLOWED[role] ? 200 : 403);
    const invite = await api.post("/api/affiliates/invitations", { headers: SAME_ORIGIN, data: { emails: "" } });
    expect(invite.status()).toBe(ALLOWED[role] ? 400 : 403);
    await api.dispose();
  });
}

test("bad input: clear 400s and 404s, nothing sent", async () => {
  const api = await apiAs("marketing");
  const post = (emails: unknown) => api.post("/api/affiliates/invitations", { headers: SAME_ORIGIN, data: { emails }, ...WAIT });
  const err = async (res: Awaited<ReturnType<typeof post>>) => ((await res.json()) as { error: { code: string; message: string; field?: string } }).error;

  let res = await post("  \n ");
  expect(res.status()).toBe(400);
  expect(await err(res)).toEqual({ code: "validation_error", message: "Enter at least one email address", field: "emails" });
  res = await post(Array.from({ length: 501 }, (_, i) => `p${i}@example.com`).join("\n"));
  expect(res.status()).toBe(400);
  expect((await err(res)).message).toBe("At most 500 emails at once (501 pasted); nothing was sent");
  res = await post(["nope", "jérôme@example.com"]);
  expect(res.status()).toBe(400);
  expect((await err(res)).field).toBe("emails");

  // A display name is extracted, a unicode domain is sent as punycode, a bad entry is reported not sent.
  const tag = Date.now().toString(36);
  res = await untilInvited(() => post(`"Jean" <api-${tag}@example.com>, awa-${tag}@café.fr, bad@`));
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { results: { email: string; outcome: string }[]; invalid: { input: string }[] };
  expect(body.results.map((r) => [r.email, r.outcome])).toEqual([[`api-${tag}@example.com`, "invited"], [`awa-${tag}@xn--caf-dma.fr`, "invited"]]);
  expect(body.invalid.map((i) => i.input)).toEqual(["bad@"]);

  for (const code of ["NOPE 99", "../sales", "a/b"]) {
    const r = await untilServed(() => api.get(`/api/affiliates/lookup?code=${encodeURIComponent(code)}`, WAIT));
    expect(r.status(), code).toBe(404);
    expect(await err(r)).toEqual({ code: "affiliate_not_found", message: "No affiliate with this code", field: "code" });
  }
  expect((await api.get("/api/affiliates/lookup?code=%20")).status()).toBe(400);
  expect((await api.get("/api/affiliates?from=2026-05-02&to=2026-05-01")).status()).toBe(400);
  await api.dispose();
});
