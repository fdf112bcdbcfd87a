// Calling the notification routes' handlers as a signed-in member would (same-origin JSON), for the
// integration tests of issue 19's screens and routes.
import { NextRequest } from "next/server";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export function callRoute(handler: Handler, init: { method: string; path: string; body?: unknown }) {
  return handler(
    new NextRequest(`http://localhost:3000${init.path}`, {
      method: init.method,
      headers: { "content-type": "application/json", origin: "http://localhost:3000", host: "localhost:3000", "sec-fetch-site": "same-origin" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
    { params: Promise.resolve({}) },
  );
}
