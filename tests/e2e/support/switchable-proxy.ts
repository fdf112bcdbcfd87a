// A real network cut for the offline journeys: a TCP proxy on its own port in front of the e2e server.
// `down()` closes every open connection and refuses new ones, so the service worker's own fetches fail
// as they would on a phone that lost its signal (Playwright's offline emulation does not reach a service
// worker's requests); `up()` lets them through again. Its origin is a distinct origin (another port), so
// the journeys' service worker and caches are theirs alone.
import net from "node:net";

export type SwitchableProxy = { origin: string; down(): void; up(): void; close(): Promise<void> };

export async function startSwitchableProxy(targetPort: number, port: number): Promise<SwitchableProxy> {
  let open = true;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (!open) {
      client.destroy();
      return;
    }
    const upstream = net.connect(targetPort, "127.0.0.1");
    sockets.add(client);
    sockets.add(upstream);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", close).on("close", close);
    upstream.on("error", close).on("close", close);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    origin: `http://localhost:${port}`,
    down() {
      open = false;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    up() {
      open = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
