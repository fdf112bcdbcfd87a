// next-auth (v5) set-up: email + password through lib/team's `authenticate` (which throttles per account
// and per IP), optional Google/GitHub sign-in that only admits existing members, JWT sessions in
// http-only cookies (Secure when APP_URL is https). The role rides in the token, but every server check
// re-reads the member from the database (lib/auth/session.ts), so removal and demotion bite at once.
import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { authenticate, findMemberByEmail } from "@/lib/team";
import { recordAudit } from "@/lib/audit";
import { clientIp } from "@/lib/http/client-ip";
import { isRole } from "@/lib/auth/permissions";

/** Thrown by `authorize` so the login form can say "too many attempts" instead of "wrong password". */
class ThrottledSignin extends CredentialsSignin {
  code = "throttled";
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

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
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    // A wrong password is an expected event (audited by lib/team), not a server error with a stack trace.
    logger: {
      error(error) {
        const type = (error as { type?: string }).type;
        if (type === "CredentialsSignin" || error.name === "CredentialsSignin") return;
        console.error(`[auth] ${error.name}: ${error.message}`);
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
        if (user && account) {
          if (account.provider === "credentials") {
            token.uid = user.id;
            token.role = (user as { role?: unknown }).role;
          } else if (user.email) {
            const member = await findMemberByEmail(await getDb(), user.email);
            if (member) {
              token.uid = member.id;
              token.role = member.role;
              token.email = member.email;
            }
          }
        }
        return token;
      },
      async session({ session, token }) {
        if (typeof token.uid === "string") session.user.id = token.uid;
        if (isRole(token.role)) (session.user as { role?: string }).role = token.role;
        return session;
      },
    },
    events: {
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
