// A fake fetch for client tests: records every call and answers from a handler, as Chariow would.

export interface FakeReply {
  status?: number;
  body?: unknown; // objects are JSON-encoded, strings sent as-is
  headers?: Record<string, string>;
}

export interface RecordedCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | null;
}

export type FakeHandler = (call: RecordedCall, init: RequestInit) => FakeReply | Promise<FakeReply>;

export function fakeResponse(reply: FakeReply): Response {
  const body = reply.body === undefined ? "" : typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
  const isJson = typeof reply.body === "object" && reply.body !== null;
  return new Response(body, {
    status: reply.status ?? 200,
    headers: { ...(isJson ? { "content-type": "application/json" } : {}), ...reply.headers },
  });
}

/** A fetch that records every call and answers from `handler`; replies may be queued per call. */
export function createFakeFetch(handler: FakeHandler) {
  const calls: RecordedCall[] = [];
  const fetch = async (input: string, init: RequestInit): Promise<Response> => {
    const call: RecordedCall = {
      url: input,
      method: init.method ?? "GET",
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: typeof init.body === "string" ? init.body : null,
    };
    calls.push(call);
    return fakeResponse(await handler(call, init));
  };
  return { fetch, calls };
}

/** Replies in order, then repeats the last one. */
export function sequence(...replies: FakeReply[]): FakeHandler {
  let i = 0;
  return () => replies[Math.min(i++, replies.length - 1)];
}
