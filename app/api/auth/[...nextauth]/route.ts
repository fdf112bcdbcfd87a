// next-auth's own endpoints (sign-in callbacks, session, CSRF token, sign-out). next-auth does its own
// CSRF and input handling here, which is why this is the one /api route outside lib/http/route.
import { handlers } from "@/lib/auth/config";

export const { GET, POST } = handlers;
