// Request bodies read with a ceiling (issue 14 #1). A declared Content-Length over the limit is refused
// before a byte is read; a body without one (chunked) is read with a running count and cancelled as soon
// as it passes the limit, so a hostile upload costs at most the limit in memory, never its own size.
// Used by the route wrapper (lib/http/route.ts), next-auth's endpoints and the Pulse receiver (its own
// 1 MB limit, lib/pulses/receive.ts, which records the refusal in the Pulse log).
import "server-only";
import { NextRequest } from "next/server";

/** Every route's JSON body: the largest legitimate one (500 sale ids of ≤ 100 characters) is ~52 KB. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export type PayloadTooLargeBody = { error: { code: "payload_too_large"; message: string; limitBytes: number } };

/** "64 KB", "1 MB": the limit as a person reads it, in the 413's message. */
export function formatByteLimit(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}

export function payloadTooLarge(limitBytes: number): Response {
  const body: PayloadTooLargeBody = {
    error: { code: "payload_too_large", message: `The request body is larger than the ${formatByteLimit(limitBytes)} limit (${limitBytes} bytes)`, limitBytes },
  };
  return Response.json(body, { status: 413, headers: { "Cache-Control": "no-store" } });
}

/**
 * Whether the request says its body is over `limitBytes`. A Content-Length that is not a number is left
 * to the running count (Node's HTTP parser refuses one before it reaches us anyway).
 */
export function declaredBodyTooLarge(headers: Headers, limitBytes: number): boolean {
  const declared = headers.get("content-length");
  if (declared === null || declared.trim() === "") return false;
  const size = Number(declared);
  return Number.isFinite(size) && size > limitBytes;
}

/** The body's bytes, or null as soon as more than `limitBytes` have arrived (the stream is then cancelled). */
export async function readBodyCapped(body: ReadableStream<Uint8Array> | null, limitBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      // Stop pulling: the rest of the upload is never buffered (the server discards it).
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * A handler that receives its request only once its body is known to fit: for handlers we do not write
 * (next-auth's), which would otherwise read a body of any size. The body is read capped and handed on
 * as bytes in an otherwise identical request.
 */
export function withBodyLimit(handler: (req: NextRequest) => Promise<Response>, limitBytes: number = DEFAULT_MAX_BODY_BYTES) {
  return async (req: NextRequest): Promise<Response> => {
    if (declaredBodyTooLarge(req.headers, limitBytes)) return payloadTooLarge(limitBytes);
    if (!req.body) return handler(req);
    const bytes = await readBodyCapped(req.body, limitBytes);
    if (bytes === null) return payloadTooLarge(limitBytes);
    return handler(new NextRequest(req.url, { method: req.method, headers: req.headers, body: bytes }));
  };
}
