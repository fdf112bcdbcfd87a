// The Pulse endpoint's guards that need no database: an oversized body is refused with 413 as soon as
// it passes the cap (declared or streamed), and a refusal still answers when recording it fails.
import { describe, expect, it, vi } from "vitest";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { receivePulse } from "@/lib/pulses";

// A database that fails every call: the endpoint must still answer the refusal.
const brokenDb = new Proxy({}, { get: () => () => { throw new Error("database down"); } }) as unknown as Kysely<Database>;

function streamOf(chunks: number, size: number) {
  const counter = { sent: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.sent >= chunks) return controller.close();
      counter.sent += 1;
      controller.enqueue(new Uint8Array(size).fill(32));
    },
  });
  return { stream, counter };
}

vi.spyOn(console, "error").mockImplementation(() => undefined);

describe("receivePulse limits", () => {
  const deps = { db: brokenDb, secrets: { "*": "whsec_x" }, onAccepted: vi.fn(), maxBytes: 1_000 };

  it("413 from Content-Length alone", async () => {
    const req = new Request("http://x.test/api/pulses", { method: "POST", headers: { "content-length": "5000" }, body: "{}" });
    const res = await receivePulse(req, deps);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("payload_too_large");
  });

  it("413 for a streamed body without Content-Length, stopping at the cap", async () => {
    const { stream, counter } = streamOf(100, 300); // 30 kB offered, refused after ~1 kB
    const req = new Request("http://x.test/api/pulses", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    const res = await receivePulse(req, deps);
    expect(res.status).toBe(413);
    expect(counter.sent).toBeLessThan(10);
    expect(deps.onAccepted).not.toHaveBeenCalled();
  });

  it("401 without a signature even when the refusal cannot be recorded", async () => {
    const res = await receivePulse(new Request("http://x.test/api/pulses", { method: "POST", body: "{}" }), deps);
    expect(res.status).toBe(401);
  });
});
