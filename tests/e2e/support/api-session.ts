// Signing in through next-auth's HTTP API (CSRF token, then the credentials callback), the way a
// script or the setup project does it, without a browser.
import { expect, request, type APIRequestContext } from "@playwright/test";
import { E2E, demoAccount, storageStatePath, type DemoRole } from "./e2e-env";

/** Headers a same-origin browser page would send with a mutation (our CSRF check wants one). */
export const SAME_ORIGIN = { Origin: E2E.baseURL };

export async function signInThroughApi(ctx: APIRequestContext, email: string, password: string): Promise<void> {
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await ctx.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, callbackUrl: `${E2E.baseURL}/` },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(res.status());
  const session = (await (await ctx.get("/api/auth/session")).json()) as { user?: { email?: string } } | null;
  expect(session?.user?.email).toBe(email);
}

/** A request context already signed in as the demo `role` (from the setup project's storage state). */
export async function apiAs(role: DemoRole | null): Promise<APIRequestContext> {
  return request.newContext({ baseURL: E2E.baseURL, storageState: role ? storageStatePath(role) : undefined });
}

export async function signInRole(role: DemoRole): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL: E2E.baseURL });
  const { email, password } = demoAccount(role);
  await signInThroughApi(ctx, email, password);
  return ctx;
}
