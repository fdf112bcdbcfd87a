// next-auth's own endpoints (sign-in callbacks, session, CSRF token, sign-out). next-auth does its own
// CSRF and input handling here, which is why this is the one /api route outside lib/http/route; its POST
// bodies (small forms) still go through the same size cap as every other route (lib/http/body-limit).
import { handlers } from "@/lib/auth/config";
import { withBodyLimit } from "@/lib/http/body-limit";

export const GET = handlers.GET;
export const POST = withBodyLimit(handlers.POST);
