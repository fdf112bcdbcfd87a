// Generated input fuzz over EVERY API route (issue 14, "guard rails that stay"). The route files are found
// on disk at run time; each handler built with route() says what it takes (routeDeclaration), and every
// field of its query, body and path gets a catalogue of bad values — wrong types, huge, negative,
// impossible dates, unicode, arrays, traversal and SQL-looking strings — plus invalid JSON and oversized
// bodies, as a signed-in owner on a real database. Never a 5xx; a value the route's declared schema
// refuses is a 400 whose JSON names the field; a day field refuses days that do not exist. A new route is
// covered without editing this file. Both engines: PostgreSQL refuses what SQLite stores (a NUL character,
// an integer past its column), which is where this test found 500s that SQLite hides.
import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { openDatabase, type Database, type OpenedDatabase } from "@/lib/db";
import { routeDeclaration, type RouteDeclaration } from "@/lib/http/route";
import { makeMember } from "../../factories/team";
import { ENGINES, createTestDatabase, noticePostgresSkipped, type TestDatabase } from "../db/engines";

const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getSessionMember: async () => state.member }));
vi.mock("@/lib/i18n/request", () => ({ currentLocale: async () => "fr" }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));
// next-intl's server entry needs a Next request: the same catalogues through its plain translator.
vi.mock("next-intl/server", () => import("@/tests/support/next-intl-server"));
vi.stubEnv("AUTH_SECRET", "fuzz-routes-test-secret-0123456789abcdef");
vi.stubEnv("CHARIOW_API_KEY", "");
// No route may reach the network from here: Chariow calls fail fast instead.
vi.stubGlobal("fetch", async () => {
  throw new TypeError("fetch is disabled in the route fuzz test");
});

const API_ROOT = path.resolve(import.meta.dirname, "../../../app/api");

/** Route files outside route(), with why; each has its own tests. Anything else must be built with route(). */
const NOT_BUILT_WITH_ROUTE: Record<string, string> = {
  "auth/[...nextauth]/route.ts": "next-auth's endpoints: its own CSRF token and form parsing (body cap: tests/integration/http/body-limit.test.ts)",
  "pulses/route.ts": "Chariow's webhooks: HMAC over the raw bytes, its own 1 MB cap (tests/integration/pulses)",
};

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;

const routeFiles = (fs.readdirSync(API_ROOT, { recursive: true }) as string[])
  .map((f) => f.split(path.sep).join("/"))
  .filter((f) => f === "route.ts" || f.endsWith("/route.ts"))
  .sort();
const modules = new Map<string, Record<string, unknown>>();
for (const file of routeFiles) modules.set(file, (await import(path.join(API_ROOT, file))) as Record<string, unknown>);

// ---- The catalogue -------------------------------------------------------------------------------------

const HUGE = "x".repeat(20_000);
/** What a query string or path segment can carry: text only. */
const BAD_TEXT: string[] = [
  "", " ", "abc", "-1", "0", "-0.01", "1.5", "1e309", "NaN", "Infinity", "99999999999999999999999", "9".repeat(400), HUGE,
  "2026-13-45", "2026-02-31", "9999-99-99", "0000-00-00", "2026-1-5", "2026-03-15T25:61:00Z",
  "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "' OR '1'='1' --", "1; DROP TABLE sales; --", "%", "_", "\\",
  "\u0000", "🙂".repeat(40), "Ω≈ç√∫˜µ≤≥÷", "\u202eevil", "<script>alert(1)</script>", "true", "null", "[]", "{}", "a,b,c", " , , ",
];
function nested(depth: number): unknown {
  return depth === 0 ? "deep" : { a: nested(depth - 1) };
}
/** What a JSON body can carry besides text. */
const BAD_JSON: unknown[] = [
  ...BAD_TEXT, -1, 0, 1.5, 1e308, -1e308, 2 ** 53 + 1, true, false, null, [], {}, ["x".repeat(101)], [1, 2], [null], { $gt: "" },
  Array.from({ length: 600 }, (_, i) => `sal_${i}`), nested(60),
];
/** Whole bodies that are not an object of fields. */
const BAD_BODIES: { label: string; body: string | Uint8Array<ArrayBuffer> }[] = [
  { label: "truncated JSON", body: '{"a":' },
  { label: "not JSON", body: "not json" },
  { label: "a JSON array", body: "[1,2]" },
  { label: "a JSON string", body: '"text"' },
  { label: "JSON null", body: "null" },
  { label: "invalid UTF-8", body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) },
];
/** Days that do not exist: any field that takes a day must refuse them. */
const IMPOSSIBLE_DAYS = ["2026-13-45", "2026-02-31", "9999-99-99", "0000-00-00", "2026-1-5"];
/** Valid-looking values tried, in order, to build an input every other field accepts. */
// Nested objects a body may need: a browser's push subscription keys (POST /api/me/push).
const GOOD_OBJECTS = [{ p256dh: "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM", auth: "tBHItJI5svbpez7KI4CCXg" }];
const GOOD_TEXT = ["2026-03-15", "2026-03", "XOF", "fuzz-1", "merchant@example.com", "Europe/Paris", "1", "https://push.example/fuzz"];

// ---- What a schema declares -----------------------------------------------------------------------------

type JsonSchema = { type?: string | string[]; enum?: unknown[]; const?: unknown; minimum?: number; properties?: Record<string, JsonSchema>; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; allOf?: JsonSchema[] };

/** A JSON body's valid-looking nested object (issue 19's settings: `failureSpike`, `newSales`): each property's first candidate. */
function exampleObject(s: JsonSchema): Record<string, unknown> {
  return Object.fromEntries(Object.entries(s.properties ?? {}).map(([key, value]) => [key, goodCandidates([value], false)[0]]));
}

/** Every top-level field a schema declares (across the options of a union), with its JSON Schema. */
function fieldsOf(schema: z.ZodType): Map<string, JsonSchema[]> {
  const fields = new Map<string, JsonSchema[]>();
  const walk = (s: JsonSchema) => {
    for (const [key, value] of Object.entries(s.properties ?? {})) fields.set(key, [...(fields.get(key) ?? []), value]);
    for (const option of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) walk(option);
  };
  walk(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema);
  return fields;
}

function goodCandidates(field: JsonSchema[], asText: boolean): unknown[] {
  const out: unknown[] = [];
  const walk = (s: JsonSchema) => {
    if (s.const !== undefined) out.push(s.const);
    for (const v of s.enum ?? []) out.push(v);
    const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
    if ((types.includes("integer") || types.includes("number")) && s.minimum !== undefined && s.minimum > 1) out.push(asText ? String(s.minimum) : s.minimum);
    if (types.includes("integer") || types.includes("number")) out.push(asText ? "1" : 1);
    if (types.includes("array")) out.push(asText ? "fuzz-1" : ["fuzz-1"]);
    if (types.includes("object") && !asText) out.push(...GOOD_OBJECTS);
    // JSON bodies only: booleans, null, an empty list (of enum items), nested objects.
    if (!asText && types.includes("boolean")) out.push(true);
    if (!asText && types.includes("null")) out.push(null);
    if (!asText && types.includes("array")) out.push([]);
    if (!asText && types.includes("object")) out.push(exampleObject(s));
    for (const option of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) walk(option);
  };
  field.forEach(walk);
  return [...out, ...GOOD_TEXT];
}

const topKey = (issue: z.core.$ZodIssue) => (typeof issue.path[0] === "string" ? issue.path[0] : undefined);

/** An input the schema accepts, found from the declared fields; throws when none of the candidates fits. */
function validInput(schema: z.ZodType, fields: Map<string, JsonSchema[]>, asText: boolean): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (let round = 0; round < 30; round++) {
    const parsed = schema.safeParse(input);
    if (parsed.success) return input;
    const keys = [...new Set(parsed.error.issues.map(topKey).filter((k): k is string => k !== undefined))];
    if (keys.length === 0) throw new Error(`no field to fill: ${parsed.error.issues[0]?.message}`);
    for (const key of keys) {
      const fit = goodCandidates(fields.get(key) ?? [], asText).find((c) => !schema.safeParse({ ...input, [key]: c }).error?.issues.some((i) => topKey(i) === key));
      if (fit === undefined) throw new Error(`no valid value for "${key}" among the candidates: add one to GOOD_TEXT`);
      input[key] = fit;
    }
  }
  throw new Error("could not build a valid input");
}

// ---- Calling a handler ----------------------------------------------------------------------------------

type Target = { file: string; method: Method; handler: Handler; declaration: RouteDeclaration };
type Outcome = { status: number; body: string; field?: string; code?: string };

async function send(t: Target, input: { query?: Record<string, unknown>; body?: string | Uint8Array<ArrayBuffer>; params?: Record<string, unknown>; headers?: Record<string, string> }): Promise<Outcome> {
  const url = new URL(`http://dash.test/api/${t.file.replace(/\/?route\.ts$/, "")}`);
  for (const [key, value] of Object.entries(input.query ?? {})) url.searchParams.set(key, String(value));
  const hasBody = t.method !== "GET";
  const req = new NextRequest(url, {
    method: t.method,
    headers: { host: "dash.test", origin: "http://dash.test", ...(hasBody ? { "content-type": "application/json" } : {}), ...input.headers },
    ...(hasBody ? { body: input.body ?? "" } : {}),
  });
  const res = await t.handler(req, { params: Promise.resolve(input.params ?? {}) });
  // Read to the end: an export that fails mid-stream must fail here, not pass on its 200 header.
  const body = new TextDecoder().decode(await res.arrayBuffer());
  let error: { field?: string; code?: string } | undefined;
  try {
    error = (JSON.parse(body) as { error?: { field?: string; code?: string } }).error;
  } catch {
    error = undefined;
  }
  return { status: res.status, body: body.slice(0, 200), field: error?.field, code: error?.code };
}

/**
 * 5xx is never acceptable for a refused value. For an accepted one, the only 5xx is 503 `not_connected`:
 * this test runs without a Chariow key, which is how a route that must ask Chariow answers then.
 */
function judge(outcome: Outcome, refusedAt: string[] | null, what: string): string | null {
  const label = `${what} → ${outcome.status} ${outcome.body}`;
  if (refusedAt === null) {
    if (outcome.status >= 500 && !(outcome.status === 503 && outcome.code === "not_connected")) return `server error on an accepted value: ${label}`;
    return null;
  }
  if (outcome.status !== 400) return `expected 400 for a refused value: ${label}`;
  const named = outcome.field?.split(".")[0];
  if (named === undefined || !refusedAt.includes(named)) return `the 400 should name ${refusedAt.join(" or ")}: ${label}`;
  return null;
}

/** The top-level fields the schema's issues name for this input, the fuzzed one first; null when accepted. */
function refusal(schema: z.ZodType, value: Record<string, unknown>, key: string): string[] | null {
  const parsed = schema.safeParse(value);
  if (parsed.success) return null;
  const keys = parsed.error.issues.map(topKey).filter((k): k is string => k !== undefined);
  return keys.includes(key) ? [key] : keys;
}

async function fuzzTarget(t: Target): Promise<string[]> {
  const failures: string[] = [];
  const { schema, params, maxBodyBytes } = t.declaration;
  const asQuery = t.method === "GET";
  const paramFields = params ? fieldsOf(params) : new Map<string, JsonSchema[]>();
  const goodParams = params ? validInput(params, paramFields, true) : {};
  const inputFields = schema ? fieldsOf(schema) : new Map<string, JsonSchema[]>();
  const good = schema ? validInput(schema, inputFields, asQuery) : {};
  const call = (value: Record<string, unknown>, p = goodParams) => send(t, asQuery ? { query: value, params: p } : { body: JSON.stringify(value), params: p });

  const baseline = await call(good);
  const baselineFailure = judge(baseline, null, `the valid input ${JSON.stringify(good)}`);
  if (baselineFailure) failures.push(baselineFailure);

  for (const [key] of paramFields) {
    for (const bad of BAD_TEXT) {
      const value = { ...goodParams, [key]: bad };
      const failure = judge(await call(good, value), refusal(params!, value, key), `path ${key}=${JSON.stringify(bad).slice(0, 40)}`);
      if (failure) failures.push(failure);
    }
    const nul = await call(good, { ...goodParams, [key]: "a\u0000b" });
    if (nul.status !== 400 || nul.field !== key) failures.push(`path ${key} with a NUL character: expected a 400 naming ${key}, got ${nul.status} ${nul.body}`);
  }
  for (const [key] of inputFields) {
    for (const bad of asQuery ? BAD_TEXT : BAD_JSON) {
      const value = { ...good, [key]: bad };
      const failure = judge(await call(value), refusal(schema!, value, key), `${key}=${JSON.stringify(bad).slice(0, 40)}`);
      if (failure) failures.push(failure);
    }
    // No field means a NUL character, and PostgreSQL text cannot hold one: every route refuses it.
    const nul = await call({ ...good, [key]: "a\u0000b" });
    if (nul.status !== 400 || nul.field?.split(".")[0] !== key) failures.push(`${key} with a NUL character: expected a 400 naming ${key}, got ${nul.status} ${nul.body}`);
    // A field that takes a day (accepts one, refuses "abc") refuses days that do not exist.
    const takesDays = refusal(schema!, { ...good, [key]: "2026-03-15" }, key) === null && refusal(schema!, { ...good, [key]: "abc" }, key) !== null;
    if (takesDays) {
      for (const day of IMPOSSIBLE_DAYS) {
        const outcome = await call({ ...good, [key]: day });
        if (outcome.status !== 400 || outcome.field !== key) failures.push(`${key}=${day} is not a day: expected a 400 naming ${key}, got ${outcome.status} ${outcome.body}`);
      }
    }
  }
  if (!asQuery) {
    for (const { label, body } of BAD_BODIES) {
      const outcome = await send(t, { body, params: goodParams });
      const expected = schema ? outcome.status === 400 : outcome.status < 500;
      if (!expected) failures.push(`${label} body → ${outcome.status} ${outcome.body}`);
    }
    const oversized = JSON.stringify({ ...good, padding: "x".repeat(maxBodyBytes) });
    const tooLarge = await send(t, { body: oversized, params: goodParams, headers: { "content-length": String(Buffer.byteLength(oversized)) } });
    if (tooLarge.status !== 413 || tooLarge.code !== "payload_too_large") failures.push(`oversized body → ${tooLarge.status} ${tooLarge.body}`);
  }
  return failures;
}

// ---- The suite --------------------------------------------------------------------------------------------

describe("every API route file is fuzzed or listed with its reason", () => {
  it("finds the route files on disk", () => {
    expect(routeFiles.length).toBeGreaterThan(40);
  });

  it.each(routeFiles)("%s: built with route(), or listed", (file) => {
    const handlers = METHODS.filter((m) => typeof modules.get(file)?.[m] === "function");
    expect(handlers.length).toBeGreaterThan(0);
    const declared = handlers.filter((m) => routeDeclaration(modules.get(file)?.[m]) !== undefined);
    if (file in NOT_BUILT_WITH_ROUTE) expect(declared, `${file} is built with route() now: take it off NOT_BUILT_WITH_ROUTE`).toEqual([]);
    else expect(declared, `${file}: every handler must be built with route(), or the file listed with its reason`).toEqual(handlers);
  });
});

const targets: Target[] = routeFiles.flatMap((file) =>
  METHODS.flatMap((method) => {
    const handler = modules.get(file)?.[method];
    const declaration = routeDeclaration(handler);
    return declaration ? [{ file, method, handler: handler as Handler, declaration }] : [];
  }),
);

// One database per engine for the whole run (a fresh one per route would spend most of the time on
// migrations): the fuzz values name nothing that exists, so the routes' writes do not meet each other.
describe.each(ENGINES)("route input fuzz [%s]", (engine) => {
  let target: TestDatabase | undefined;
  let opened: OpenedDatabase | undefined;
  beforeAll(async () => {
    target = await createTestDatabase(engine);
    opened = await openDatabase(target.url);
    state.db = opened.db as Kysely<Database>;
    state.member = (await makeMember(opened.db as Kysely<Database>, "owner")).member;
  });
  afterAll(async () => {
    await opened?.close();
    await target?.drop();
  });

  it.each(targets.map((t) => [`${t.method} ${t.file}`, t] as const))("%s", async (_name, t) => {
    expect(await fuzzTarget(t)).toEqual([]);
  });
});
noticePostgresSkipped("route input fuzz");
