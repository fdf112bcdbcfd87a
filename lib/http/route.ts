// The one wrapper every /api route handler goes through: same-origin check on mutations, session and
// `can(role, permission)`, zod parsing of the input (400 naming the field), and typed-error mapping.
// A handler only says what it needs and calls one service (CONVENTIONS "five rules" #2).
import "server-only";
import type { NextRequest } from "next/server";
import { z } from "zod";
import { can, type Permission } from "@/lib/auth/permissions";
import { getSessionMember } from "@/lib/auth/session";
import type { Actor, Member } from "@/lib/team";
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
  /** Whether a session is required (default true). Public routes say `auth: false`. */
  auth?: boolean;
};

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
  const requireAuth = options.auth !== false || options.permission !== undefined;
  return async (req: NextRequest, ctx: RouteContext): Promise<Response> => {
    try {
      const ip = clientIp(req.headers);
      const member = requireAuth ? await getSessionMember(req) : null;
      if (requireAuth && !member) return errorResponse(401, "unauthorized", "Authentication required");
      // After the session check so an anonymous caller learns only "sign in"; before anything else runs.
      if (!SAFE_METHODS.has(req.method) && !isSameOriginRequest(req.headers)) {
        return errorResponse(403, "csrf", "Cross-site request refused");
      }
      if (options.permission && member && !can(member.role, options.permission)) {
        return errorResponse(403, "forbidden", "You do not have permission to do this");
      }
      const params = options.params ? parse(options.params, (await ctx.params) ?? {}) : undefined;
      if (params instanceof Response) return params;
      const raw = options.schema ? await readInput(req) : undefined;
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
}

async function readInput(req: NextRequest): Promise<unknown> {
  if (SAFE_METHODS.has(req.method)) return Object.fromEntries(req.nextUrl.searchParams);
  const text = await req.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return errorResponse(400, "invalid_input", "The request body is not valid JSON");
  }
}

function parse(schema: z.ZodType, value: unknown): unknown {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join(".") : undefined;
  const message = issue ? (field ? `${field}: ${issue.message}` : issue.message) : "Invalid input";
  return errorResponse(400, "invalid_input", message, field);
}
