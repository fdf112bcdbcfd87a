// Neither the Chariow API key nor AUTH_SECRET (nor the Pulse secret) may reach a browser: not in any
// file of the production build's .next/static, and not in any page or API response.
import { expect, test } from "@playwright/test";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { apiAs } from "../support/api-session";
import { E2E, REPO_ROOT } from "../support/e2e-env";

const SECRETS = { AUTH_SECRET: E2E.authSecret, CHARIOW_API_KEY: E2E.apiKey, CHARIOW_PULSE_SECRET: E2E.pulseSecret };

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

function leaks(text: string): string[] {
  return Object.entries(SECRETS)
    .filter(([, value]) => text.includes(value))
    .map(([name]) => name);
}

test("no secret in any file under .next/static", () => {
  const files = filesUnder(path.join(REPO_ROOT, ".next/static"));
  expect(files.length).toBeGreaterThan(10);
  const found = files.flatMap((file) => leaks(readFileSync(file).toString("latin1")).map((name) => `${name} in ${file}`));
  expect(found).toEqual([]);
});

test("no secret in pages or API responses", async () => {
  const bodies: Array<[string, string]> = [];
  const anon = await apiAs(null);
  for (const p of ["/login", "/api/health", "/api/auth/session", "/api/auth/providers", "/api/auth/csrf"]) {
    bodies.push([`anon ${p}`, await (await anon.get(p)).text()]);
  }
  for (const role of ["owner", "support"] as const) {
    const ctx = await apiAs(role);
    for (const p of ["/overview", "/sales", "/team", "/settings", "/api/settings", "/api/team/members", "/api/audit", "/api/team/members/export.csv", "/api/auth/session"]) {
      const res = await ctx.get(p);
      bodies.push([`${role} ${p}`, `${JSON.stringify(res.headers())}\n${await res.text()}`]);
    }
    await ctx.dispose();
  }
  await anon.dispose();
  const found = bodies.flatMap(([where, body]) => leaks(body).map((name) => `${name} in ${where}`));
  expect(found).toEqual([]);
  expect(bodies.length).toBeGreaterThan(20);
});
