// next-auth (v5) set-up: email + password through lib/team's `authenticate` (which throttles per account
// and per IP), optional Google/GitHub sign-in that only admits existing members, JWT sessions in
// http-only cookies (Secure when APP_URL is https). Every read of a session goes through
// lib/auth/session-token.ts: it ends 12 h after sign-in whatever the activity, sign-out revokes it on
// the server (revoked_sessions), and the role and email come from the database on every request.
import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import type { Kysely } from "kysely";
import { z } from "zod";
import { getDb, type Database } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { authenticate, findMemberByEmail, findMemberById } from "@/lib/team";
import { recordAudit } from "@/lib/audit";
import { clientIp } from "@/lib/http/client-ip";
import { SESSION_LIFETIME_SECONDS, endSession, liveSession, memberOfToken, sessionEndsAt, startSession } from "@/lib/auth/session-token";

/** Thrown by `authorize` so the login form can say "too many attempts" instead of "wrong password". */
class ThrottledSignin extends CredentialsSignin {
  code = "throttled";
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

function buildConfig(): NextAuthConfig {
  const env = getEnv();
  const providers: NextAuthConfig["providers"] = [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null; // same generic answer as a wrong password
        const db = await getDb();
        const result = await authenticate(db, { ...parsed.data, ip: clientIp(request.headers) });
        if (!result.ok) {
          if (result.reason === "throttled") throw new ThrottledSignin();
          return null;
        }
        const { user } = result;
        return { id: user.id, email: user.email, name: user.name ?? null, role: user.role };
      },
    }),
  ];
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
    providers.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));
  }
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
    providers.push(GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
  }

  return {
    secret: env.AUTH_SECRET,
    trustHost: true, // self-hosted: the app is reached on whatever host the merchant configured
    useSecureCookies: env.APP_URL.startsWith("https://"),
    // maxAge is the cookie's and the JWT's own expiry, pushed forward on each /api/auth/session read;
    // the absolute limit is the signedInAt claim, checked by liveSession on every read.
    session: { strategy: "jwt", maxAge: SESSION_LIFETIME_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    // A wrong password is an expected event (audited by lib/team), not a server error with a stack trace.
    logger: {
      error(error) {
        const type = (error as { type?: string }).type;
        if (type === "CredentialsSignin" || error.name === "CredentialsSignin") return;
        // next-auth wraps the real failure (e.g. the database being down while a session is read, which
        // answers "no session": fail closed) in `cause`.
        const inner = (error.cause as { err?: unknown } | undefined)?.err ?? error.cause;
        const cause = inner instanceof Error ? ` (${inner.name}: ${inner.message})` : "";
        console.error(`[auth] ${error.name}: ${error.message}${cause}`);
      },
    },
    providers,
    callbacks: {
      // OAuth admits only people who are already members: a Google account is not an invitation.
      async signIn({ user, account }) {
        if (!account || account.provider === "credentials") return true;
        if (!user.email) return false;
        const member = await findMemberByEmail(await getDb(), user.email);
        return member !== null && member !== undefined;
      },
      async jwt({ token, user, account }) {
        const db = await getDb();
        if (user && account) {
          // Sign-in: a new session id, for the member as the database has them.
          const found = await memberAtSignIn(db, account.provider, user);
          return found ? startSession(token, found) : null;
        }
        // Every later read (a page, /api/auth/session): null ends the session and clears the cookie.
        return (await liveSession(db, token))?.token ?? null;
      },
      async session({ session, token }) {
        const member = memberOfToken(token);
        if (member) Object.assign(session.user, member);
        // Report when the session really ends, not the sliding cookie expiry next-auth computed.
        const endsAt = sessionEndsAt(token);
        if (endsAt && endsAt.getTime() < new Date(session.expires).getTime()) {
          (session as { expires: string }).expires = endsAt.toISOString();
        }
        return session;
      },
    },
    events: {
      // Sign-out ends the session on the server, not only in this browser: a copy of its cookie saved
      // elsewhere is refused from the next request on. The member's other sessions go on.
      async signOut(message) {
        await endSession(await getDb(), "token" in message ? message.token : null);
      },
      // Credentials sign-ins are audited by lib/team's authenticate; OAuth ones are recorded here.
      async signIn({ user, account }) {
        if (!account || account.provider === "credentials" || !user.email) return;
        const db = await getDb();
        const member = await findMemberByEmail(db, user.email);
        if (!member) return;
        await recordAudit(db, {
          actor: { id: member.id, email: member.email, role: member.role },
          action: "auth.sign_in",
          details: { provider: account.provider },
        });
      },
    },
  };
}

/** Credentials sign-ins name the member by id (from `authorize`); OAuth ones by a member's email. */
async function memberAtSignIn(db: Kysely<Database>, provider: string, user: { id?: string; email?: string | null }) {
  if (provider === "credentials") return typeof user.id === "string" ? findMemberById(db, user.id) : null;
  return user.email ? findMemberByEmail(db, user.email) : null;
}

// Lazy configuration: read the environment at the first request, never at build time.
export const { handlers, auth, signIn, signOut } = NextAuth(() => buildConfig());

/** Which optional OAuth providers are configured (for the login page's buttons). */
export function oauthProviders(): Array<"google" | "github"> {
  const env = getEnv();
  const list: Array<"google" | "github"> = [];
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) list.push("google");
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) list.push("github");
  return list;
}
