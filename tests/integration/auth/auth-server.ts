// A real HTTP server for the auth tests: `npm start`'s socket stamping (scripts/start/server.mjs) in
// front of next-auth's real handlers and real route handlers, so sign-in, sign-out and API calls carry
// real cookies, real CSRF tokens and a real socket address. Only Next.js's own router is replaced by the
// small path table below. The test file mocks `@/lib/db`'s getDb and sets AUTH_SECRET before importing.
import http, { type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
// @ts-expect-error -- plain .mjs module without type declarations
import { createStampingServer } from "../../../scripts/start/server.mjs";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type Routes = Record<string, { GET?: Handler; POST?: Handler; PATCH?: Handler; DELETE?: Handler }>;

async function toNextRequest(req: IncomingMessage): Promise<NextRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
  }
  const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
  return new NextRequest(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  res.end(Buffer.from(await response.arrayBuffer()));
}

export async function startAuthServer(routes: Routes): Promise<{ origin: string; close(): Promise<void> }> {
  const { handlers } = await import("@/lib/auth/config");
  const server: Server = createStampingServer(async (req: IncomingMessage, res: ServerResponse) => {
    const request = await toNextRequest(req);
    const path = request.nextUrl.pathname;
    const method = request.method as "GET" | "POST";
    if (path.startsWith("/api/auth/")) return send(res, await handlers[method](request));
    const handler = routes[path]?.[method];
    if (!handler) return send(res, new Response("not found", { status: 404 }));
    return send(res, await handler(request, { params: Promise.resolve({}) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type Reply = { status: number; location: string | null; setCookies: string[]; json(): Promise<unknown> };

/** One HTTP request from a chosen loopback address (127.0.0.2, …): a distinct socket peer per client. */
function call(url: string, method: string, headers: Record<string, string>, body: string | undefined, localAddress: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, localAddress }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        const setCookie = res.headers["set-cookie"] ?? [];
        resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null, setCookies: setCookie, json: async () => JSON.parse(text) as unknown });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** A browser-like client: keeps cookies, sends same-origin mutations, never follows redirects. */
export class Browser {
  readonly cookies = new Map<string, string>();
  constructor(
    readonly origin: string,
    /** The socket address this client connects from. */
    readonly localAddress = "127.0.0.1",
  ) {}

  async request(path: string, init: { method?: string; form?: Record<string, string>; json?: unknown; headers?: Record<string, string> } = {}): Promise<Reply> {
    const headers: Record<string, string> = { origin: this.origin, ...init.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    let body: string | undefined;
    if (init.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(init.form).toString();
    } else if (init.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(init.json);
    }
    const res = await call(`${this.origin}${path}`, init.method ?? (body ? "POST" : "GET"), headers, body, this.localAddress);
    for (const line of res.setCookies) {
      const [pair, ...attributes] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && new Date(a.split("=")[1]!).getTime() < Date.now()));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** Signs in through next-auth's credentials callback, as the login form's server action does. */
  async signIn(email: string, password: string, headers: Record<string, string> = {}): Promise<"ok" | "invalid" | "throttled"> {
    const { csrfToken } = (await (await this.request("/api/auth/csrf", { headers })).json()) as { csrfToken: string };
    const res = await this.request("/api/auth/callback/credentials", {
      form: { email, password, csrfToken, callbackUrl: `${this.origin}/` },
      headers,
    });
    const location = res.location ?? "";
    if (!location.includes("error=")) return "ok";
    return new URL(location).searchParams.get("code") === "throttled" ? "throttled" : "invalid";
  }

  async signOut(): Promise<void> {
    const { csrfToken } = (await (await this.request("/api/auth/csrf")).json()) as { csrfToken: string };
    await this.request("/api/auth/signout", { form: { csrfToken, callbackUrl: `${this.origin}/login` } });
  }

  async session(): Promise<{ user?: Record<string, unknown>; expires?: string } | null> {
    return (await (await this.request("/api/auth/session")).json()) as { user?: Record<string, unknown>; expires?: string } | null;
  }

  /** A second browser holding a copy of this one's cookies (a cookie saved by someone else). */
  copy(): Browser {
    const other = new Browser(this.origin, this.localAddress);
    for (const [k, v] of this.cookies) other.cookies.set(k, v);
    return other;
  }
}
