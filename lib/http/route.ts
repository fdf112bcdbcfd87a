// The one wrapper every /api route handler goes through: a body size cap (413 before reading), same-origin
// check on mutations, session and `can(role, permission)`, zod parsing of the input (400 naming the
// field), and typed-error mapping. A handler only says what it needs and calls one service (CONVENTIONS
// "five rules" #2). A CSV export says whose data it exports (`exportOf`), so no export can be wider than
// the list it comes from. What each handler declared stays readable (`routeDeclaration`), so the fuzz
// test can walk every route's inputs without a list to keep up to date.
import "server-only";
import type { NextRequest } from "next/server";
import { z } from "zod";
import { can, type Permission } from "@/lib/auth/permissions";
import { getSessionMember } from "@/lib/auth/session";
import type { Actor, Member } from "@/lib/team";
import { DEFAULT_MAX_BODY_BYTES, declaredBodyTooLarge, payloadTooLarge, readBodyCapped } from "@/lib/http/body-limit";
import { clientIp } from "@/lib/http/client-ip";
import { SAFE_METHODS, isSameOriginRequest } from "@/lib/http/csrf";
import { errorResponse, responseFromError } from "@/lib/http/errors";

type RouteParams = Record<string, string | string[] | undefined>;
type RouteContext = { params: Promise<RouteParams> };

type Options<S extends z.ZodType | undefined, P extends z.ZodType | undefined> = {
  /** Input schema: the query string for GET/HEAD, the JSON body otherwise. */
  schema?: S;
  /** Schema for the dynamic path segments (`[id]`). */
  params?: P;
  /** Required permission; implies `auth`. */
  permission?: Permission;
  /**
   * For an export: the permission of the data it exports (the list or page it comes from). The route
   * then requires that permission AND `export:csv` (issue 14 #5: the team CSV once asked export:csv only).
   */
  exportOf?: Exclude<Permission, "export:csv">;
  /** Whether a session is required (default true). Public routes say `auth: false`. */
  auth?: boolean;
  /**
   * Largest request body accepted, in bytes (default 64 KB, DEFAULT_MAX_BODY_BYTES). Larger ones get 413
   * before they are read. Raise it only for a route whose largest valid body needs it, and say why.
   */
  maxBodyBytes?: number;
};

/** What a handler was declared with: its input schemas and guards, for tests that walk every route. */
export type RouteDeclaration = {
  schema: z.ZodType | undefined;
  params: z.ZodType | undefined;
  permission: Permission | undefined;
  auth: boolean;
  maxBodyBytes: number;
};

const declarations = new WeakMap<object, RouteDeclaration>();

/** The declaration of a handler built by `route()`; undefined for any other function. */
export function routeDeclaration(handler: unknown): RouteDeclaration | undefined {
  return typeof handler === "function" ? declarations.get(handler) : undefined;
}

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

type AuthedContext<S, P> = {
  req: NextRequest;
  input: Infer<S>;
  params: Infer<P>;
  member: Member;
  actor: Actor;
  ip: string | undefined;
};
type PublicContext<S, P> = Omit<AuthedContext<S, P>, "member" | "actor"> & { member: Member | null; actor: Actor | null };

type ImplementationContext = { req: NextRequest; input: unknown; params: unknown; member: Member | null; actor: Actor | null; ip: string | undefined };

type HandlerResult = Response | Record<string, unknown> | unknown[];

export function route<S extends z.ZodType | undefined = undefined, P extends z.ZodType | undefined = undefined>(
  options: Options<S, P> & { auth: false },
  handler: (ctx: PublicContext<S, P>) => Promise<HandlerResult>,
): (req: NextRequest, ctx: RouteContext) => Promise<Response>;
export function route<S extends z.ZodType | undefined = undefined, P extends z.ZodType | undefined = undefined>(
  options: Options<S, P>,
  handler: (ctx: AuthedContext<S, P>) => Promise<HandlerResult>,
): (req: NextRequest, ctx: RouteContext) => Promise<Response>;
export function route(
  options: Options<z.ZodType | undefined, z.ZodType | undefined>,
  handler: (ctx: never) => Promise<HandlerResult>,
) {
  // The overloads above carry the precise context types; here the context is assembled untyped.
  const run = handler as (ctx: ImplementationContext) => Promise<HandlerResult>;
  const required: Permission[] = [
    ...(options.permission ? [options.permission] : []),
    ...(options.exportOf ? [options.exportOf, "export:csv" as const] : []),
  ];
  const requireAuth = options.auth !== false || required.length > 0;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const wrapped = async (req: NextRequest, ctx: RouteContext): Promise<Response> => {
    try {
      // First of all: a body declared too large is refused without reading it, or even the session.
      if (declaredBodyTooLarge(req.headers, maxBodyBytes)) return payloadTooLarge(maxBodyBytes);
      const ip = clientIp(req.headers);
      const member = requireAuth ? await getSessionMember(req) : null;
      if (requireAuth && !member) return errorResponse(401, "unauthorized", "Authentication required");
      // After the session check so an anonymous caller learns only "sign in"; before anything else runs.
      if (!SAFE_METHODS.has(req.method) && !isSameOriginRequest(req.headers)) {
        return errorResponse(403, "csrf", "Cross-site request refused");
      }
      if (member && required.some((permission) => !can(member.role, permission))) {
        return errorResponse(403, "forbidden", "You do not have permission to do this");
      }
      const params = options.params ? parse(options.params, (await ctx.params) ?? {}) : undefined;
      if (params instanceof Response) return params;
      const raw = await readInput(req, maxBodyBytes, options.schema !== undefined);
      if (raw instanceof Response) return raw;
      const input = options.schema ? parse(options.schema, raw) : undefined;
      if (input instanceof Response) return input;
      const actor: Actor | null = member ? { id: member.id, email: member.email, role: member.role, ip } : null;
      const result = await run({ req, input, params, member, actor, ip });
      if (result instanceof Response) return result;
      return Response.json(result, { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      return responseFromError(error);
    }
  };
  declarations.set(wrapped, { schema: options.schema, params: options.params, permission: options.permission, auth: requireAuth, maxBodyBytes });
  return wrapped;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The query string (GET/HEAD), or the JSON body read with the size cap. A mutation's body is read (and
 * dropped) even when the route declares no input, so an oversized chunked upload is a 413 on every route.
 */
async function readInput(req: NextRequest, maxBodyBytes: number, declaresInput: boolean): Promise<unknown> {
  if (SAFE_METHODS.has(req.method)) return declaresInput ? Object.fromEntries(req.nextUrl.searchParams) : undefined;
  const bytes = await readBodyCapped(req.body, maxBodyBytes);
  if (bytes === null) return payloadTooLarge(maxBodyBytes);
  if (!declaresInput) return undefined;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return errorResponse(400, "invalid_input", "The request body is not valid JSON (UTF-8)");
  }
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return errorResponse(400, "invalid_input", "The request body is not valid JSON");
  }
}

function parse(schema: z.ZodType, value: unknown): unknown {
  const nul = pathOfNulCharacter(value);
  if (nul !== null) {
    const field = nul.length > 0 ? nul.join(".") : undefined;
    return errorResponse(400, "invalid_input", `${field ?? "input"}: must not contain a NUL character`, field);
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join(".") : undefined;
  const message = issue ? (field ? `${field}: ${issue.message}` : issue.message) : "Invalid input";
  return errorResponse(400, "invalid_input", message, field);
}

/**
 * Where the input holds a string with U+0000, or null. No field means one, and PostgreSQL text cannot
 * store it (the query fails: a 500), so every route refuses it here as a 400 naming the field. Walked
 * without recursion, each node pointing at its parent: a 64 KB body can nest thousands of levels deep.
 */
function pathOfNulCharacter(value: unknown): string[] | null {
  type Node = { value: unknown; key: string | null; parent: Node | null };
  const pathOf = (node: Node | null): string[] => {
    const path: string[] = [];
    for (let n = node; n !== null && n.key !== null; n = n.parent) path.unshift(n.key);
    return path;
  };
  const stack: Node[] = [{ value, key: null, parent: null }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node.value === "string") {
      if (node.value.includes("\u0000")) return pathOf(node);
    } else if (node.value !== null && typeof node.value === "object") {
      for (const [key, child] of Object.entries(node.value)) {
        if (key.includes("\u0000")) return pathOf(node);
        stack.push({ value: child, key, parent: node });
      }
    }
  }
  return null;
}
