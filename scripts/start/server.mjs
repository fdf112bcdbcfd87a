// `npm start`'s HTTP server: Next.js's own production request handler behind a plain Node server whose
// one extra job is to append the socket address to X-Forwarded-For, as a well-behaved proxy does.
// Why: Next.js 16 only fills that header in when the request has none
// (node_modules/next/dist/server/base-server.js: `req.headers['x-forwarded-for'] ??= socket.remoteAddress`),
// so behind a bare `next start` a caller's forged header is all the app ever sees. With the socket
// address appended, the last entry is always the peer that connected, and lib/http/client-ip.ts
// believes nothing to its left unless TRUSTED_PROXIES says so (docs/security.md "Trusted proxies").
import http from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * The X-Forwarded-For value the app sees: what the caller (or the proxies before us) sent, then the
 * socket peer. "unknown" when the socket has no address (already closed), which the app treats as no
 * address rather than trusting the entry before it.
 * @param {string | string[] | undefined} incoming
 * @param {string | undefined} socketAddress
 */
export function appendSocketAddress(incoming, socketAddress) {
  const before = (Array.isArray(incoming) ? incoming.join(", ") : (incoming ?? "")).trim();
  const peer = socketAddress || "unknown";
  return before === "" ? peer : `${before}, ${peer}`;
}

/**
 * An HTTP server that stamps every request with its socket address, then hands it to `handle`.
 * @param {(req: http.IncomingMessage, res: http.ServerResponse) => unknown} handle
 */
export function createStampingServer(handle) {
  return http.createServer((req, res) => {
    req.headers["x-forwarded-for"] = appendSocketAddress(req.headers["x-forwarded-for"], req.socket.remoteAddress);
    Promise.resolve(handle(req, res)).catch((error) => {
      console.error(`[server] ${req.method} ${req.url?.split("?")[0]} failed:`, error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
}

async function serve() {
  const { default: next } = await import("next");
  const port = Number(process.env.PORT ?? 3000);
  // Every interface, like `next start` (not $HOSTNAME, which Docker sets to the container's name).
  const app = next({ dev: false, dir: root, port, hostname: "localhost" });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createStampingServer((req, res) => handle(req, res));
  server.on("upgrade", (req, socket) => socket.destroy()); // no websockets in production
  server.on("error", (error) => {
    console.error(`[server] cannot listen on port ${port}: ${error.message}`);
    process.exit(1);
  });
  server.listen(port, () => console.log(`[server] ready on http://localhost:${port}`));
  // Finish the requests in flight, drop idle keep-alive connections, and give up after 10 s.
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await serve().catch((error) => {
    console.error("[server] could not start:", error);
    process.exit(1);
  });
}
