// Shared helpers for simulator tests: a fake clock and small HTTP wrappers over fetch.
import type { RunningSimulator } from "../../../simulator/index";

export const HISTORY_END = new Date("2026-06-15T00:00:00Z");

export class FakeClock {
  constructor(public t: number = HISTORY_END.getTime() + 10 * 3600_000) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

/**
 * Raw JSON from the simulator. Tests read deep, dialect-dependent shapes and assert on them, so this
 * one alias is deliberately untyped; everything else in these tests is typed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type RawJson = any;

export interface Res {
  status: number;
  headers: Headers;
  text: string;
  json: RawJson;
}

export async function call(sim: RunningSimulator, path: string, init: RequestInit & { key?: string | null } = {}): Promise<Res> {
  const headers = new Headers(init.headers);
  const key = init.key === undefined ? sim.apiKey : init.key;
  if (key !== null) headers.set("Authorization", `Bearer ${key}`);
  headers.set("Accept", "application/json");
  const res = await fetch(`${sim.baseUrl}${path}`, { ...init, headers });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export async function control(sim: RunningSimulator, method: string, path: string, body?: unknown, token: string | null = sim.controlToken): Promise<Res> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token !== null) headers["x-sim-token"] = token;
  const res = await fetch(`${sim.origin}/__sim${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** Items of a list in either dialect (nested data.data in current, flat data in legacy). */
export function listOf(json: RawJson): { items: RawJson[]; pagination: RawJson } {
  if (Array.isArray(json.data)) return { items: json.data, pagination: json.pagination };
  return { items: json.data.data, pagination: json.data.pagination };
}
