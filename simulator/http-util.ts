// Response building blocks: Chariow's envelope and its documented error bodies (chariow-api.md §1).
import type { IncomingMessage } from "node:http";
import type { Json } from "./serialize-sale";

export interface Reply {
  status: number;
  body: Json;
  headers?: Record<string, string>;
}

export function ok(data: Json, message = "success", status = 200): Reply {
  return { status, body: { message, data, errors: [] } };
}

export function fail(status: number, message: string): Reply {
  return { status, body: { message, data: [], errors: [] } };
}

/** Laravel's ModelNotFoundException text, e.g. `No query results for model [App\Models\Sale].` */
export function notFound(model: string): Reply {
  return fail(404, `No query results for model [App\\Models\\${model}].`);
}

export function validationError(errors: Record<string, string[]>): Reply {
  return { status: 422, body: { message: "The given data was invalid.", data: [], errors } };
}

export const MISSING_KEY = "API key is missing. Please provide a valid API key.";
export const INVALID_KEY = "Invalid API key";

export function rateLimited(retryAfter: number): Reply {
  return fail(429, `Rate limit exceeded. Please retry after ${retryAfter} seconds.`);
}

export async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > limit) throw new Error("body too large");
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export const HTML_ERROR_PAGE = (status: number) =>
  `<!DOCTYPE html>\n<html><head><title>${status} ${status === 502 ? "Bad Gateway" : "Server Error"}</title></head>` +
  `<body><center><h1>${status} ${status === 502 ? "Bad Gateway" : "Server Error"}</h1></center><hr><center>nginx</center></body></html>\n`;
