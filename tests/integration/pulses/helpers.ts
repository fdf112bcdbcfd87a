// Building blocks for the Pulse tests: bodies escaped the way Chariow (PHP) escapes them, signed
// requests, and a sink that records what the processor applied.
import { createHmac } from "node:crypto";
import type { Affiliate, License, Sale } from "@/lib/chariow";
import type { PulseSink } from "@/lib/pulses";

/** PHP json_encode: `/` → `\/`, non-ASCII → `\uXXXX` (chariow-api.md §8). */
export const chariowJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/\//g, "\\/")
    .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** Signed independently of the code under test, with node:crypto. */
export const sign = (body: string | Buffer, secret: string) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

export type PulseRequestOptions = {
  secret?: string;
  signature?: string | null;
  pulseId?: string | null;
  deliveryId?: string | null;
  event?: string | null;
};

export function pulseRequest(body: string | Buffer, o: PulseRequestOptions = {}): Request {
  const headers: Record<string, string> = { "content-type": "application/json" };
  const signature = o.signature === undefined ? sign(body, o.secret ?? "whsec_test") : o.signature;
  if (signature !== null) headers["x-chariow-signature"] = signature;
  if (o.pulseId !== null) headers["x-pulse-id"] = o.pulseId ?? "pulse_sales";
  if (o.deliveryId !== null) headers["x-pulse-delivery-id"] = o.deliveryId ?? "pdlv_1";
  if (o.event !== null && o.event !== undefined) headers["x-pulse-event"] = o.event;
  return new Request("http://dash.test/api/pulses", { method: "POST", headers, body: typeof body === "string" ? body : new Uint8Array(body) });
}

export type RecordingSink = PulseSink & {
  sales: Array<{ sale: Sale; checkoutUrl: string | null }>;
  affiliates: Affiliate[];
  licences: Array<{ saleId: string | null; licence: License }>;
  /** Make the next applySale answer "stale" or throw. */
  next: "applied" | "stale" | Error;
};

export function recordingSink(): RecordingSink {
  const sink: RecordingSink = {
    sales: [],
    affiliates: [],
    licences: [],
    next: "applied",
    async applySale({ sale, checkoutUrl }) {
      const next = sink.next;
      sink.next = "applied";
      if (next instanceof Error) throw next;
      sink.sales.push({ sale, checkoutUrl });
      return next;
    },
    async applyAffiliate({ affiliate }) {
      sink.affiliates.push(affiliate);
    },
    async applyLicence({ saleId, licence }) {
      sink.licences.push({ saleId, licence });
    },
  };
  return sink;
}

/** A real HTTP endpoint that hands each request, as a web Request, to `handle` (the route's logic). */
export async function startPulseEndpoint(handle: (req: Request) => Promise<Response>): Promise<{ url: string; close(): Promise<void> }> {
  const { createServer } = await import("node:http");
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
      void handle(request).then(async (response) => {
        res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "text/plain" });
        res.end(Buffer.from(await response.arrayBuffer()));
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/api/pulses`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

export async function until(cond: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}
