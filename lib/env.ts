// The one zod-validated configuration of the app. A missing or malformed variable stops start-up with
// an EnvError that names it, instead of a confusing failure deep inside a request.
import "server-only";
import { z } from "zod";
import { parseTrustedProxies, type TrustedProxies } from "@/lib/http/client-ip";

export class EnvError extends Error {
  /** Names of the offending variables, in the order they were found. */
  readonly variables: string[];
  constructor(message: string, variables: string[]) {
    super(message);
    this.name = "EnvError";
    this.variables = variables;
  }
}

/** Key under which a single, unscoped CHARIOW_PULSE_SECRET is stored: it applies to every Pulse. */
export const ANY_PULSE = "*";

const DEFAULT_DATABASE_URL = "file:./data/chariow.db";
const DEFAULT_CHARIOW_API_BASE_URL = "https://api.chariow.com/v1";
/** The store zone when STORE_TIMEZONE is not set (also the last resort of lib/i18n/request-time-zone.ts). */
export const DEFAULT_STORE_TIMEZONE = "Africa/Abidjan";

function isIanaTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * CHARIOW_PULSE_SECRET is either one secret (every Pulse is signed with it) or a comma-separated list
 * of `pulse_id:secret` pairs, because each Pulse configured in Chariow gets its own signing secret.
 */
export function parsePulseSecrets(raw: string | undefined): Record<string, string> | string {
  if (raw === undefined) return {};
  const parts = raw.split(",").map((p) => p.trim()).filter((p) => p.length > 0);
  if (parts.length === 1 && !parts[0].includes(":")) return { [ANY_PULSE]: parts[0] };
  const secrets: Record<string, string> = {};
  for (const part of parts) {
    const colon = part.indexOf(":");
    const id = colon > 0 ? part.slice(0, colon).trim() : "";
    const secret = colon > 0 ? part.slice(colon + 1).trim() : "";
    if (!id || !secret) return `expected one secret or "pulse_id:secret,pulse_id2:secret2", got a malformed entry "${part.slice(0, 12)}…"`;
    if (secrets[id] !== undefined) return `pulse id "${id}" appears twice`;
    secrets[id] = secret;
  }
  return secrets;
}

const optionalText = z.string().optional();

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    APP_URL: z
      .string()
      .refine(isHttpUrl, "must be an http(s) URL such as https://dashboard.example.com")
      .optional(),
    DATABASE_URL: z
      .string()
      .default(DEFAULT_DATABASE_URL)
      .refine(
        (v) => /^file:.+/.test(v) || /^postgres(ql)?:\/\/.+/.test(v),
        'must be "file:<path>" (SQLite) or "postgres://user:pass@host:port/db" (PostgreSQL)',
      ),
    AUTH_SECRET: z
      .string({ error: "is required (generate one with: openssl rand -base64 32)" })
      .min(32, "must be at least 32 characters (generate one with: openssl rand -base64 32)"),
    CHARIOW_API_KEY: optionalText,
    CHARIOW_API_BASE_URL: z
      .string()
      .default(DEFAULT_CHARIOW_API_BASE_URL)
      .refine(isHttpUrl, "must be an http(s) URL"),
    CHARIOW_PULSE_SECRET: optionalText,
    STORE_TIMEZONE: z
      .string()
      .default(DEFAULT_STORE_TIMEZONE)
      .refine(isIanaTimezone, "must be an IANA time zone such as Africa/Abidjan or Europe/Paris"),
    SYNC_IN_WEB: z.enum(["true", "false"], { error: 'must be "true" or "false"' }).default("true"),
    // Who may tell the app the client's address (lib/http/client-ip.ts): a hop count or a CIDR list.
    TRUSTED_PROXIES: optionalText,
    // E-mail for digests and alerts (lib/notifications/channels/email.ts): nothing is sent when unset.
    SMTP_URL: z
      .string()
      .refine((v) => /^smtps?:\/\/[^/]+/.test(v), "must be an SMTP URL such as smtp://user:pass@smtp.example.com:587 (smtps:// for TLS from the start)")
      .optional(),
    SMTP_FROM: optionalText,
    AUTH_GOOGLE_ID: optionalText,
    AUTH_GOOGLE_SECRET: optionalText,
    AUTH_GITHUB_ID: optionalText,
    AUTH_GITHUB_SECRET: optionalText,
  })
  .superRefine((v, ctx) => {
    // An OAuth provider needs both halves; one without the other is a typo, not "disabled".
    for (const [id, secret] of [
      ["AUTH_GOOGLE_ID", "AUTH_GOOGLE_SECRET"],
      ["AUTH_GITHUB_ID", "AUTH_GITHUB_SECRET"],
    ] as const) {
      if (v[id] && !v[secret]) ctx.addIssue({ code: "custom", path: [secret], message: `is required when ${id} is set` });
      if (v[secret] && !v[id]) ctx.addIssue({ code: "custom", path: [id], message: `is required when ${secret} is set` });
    }
    const pulse = parsePulseSecrets(v.CHARIOW_PULSE_SECRET);
    if (typeof pulse === "string") ctx.addIssue({ code: "custom", path: ["CHARIOW_PULSE_SECRET"], message: pulse });
    const proxies = parseTrustedProxies(v.TRUSTED_PROXIES);
    if (typeof proxies === "string") {
      ctx.addIssue({ code: "custom", path: ["TRUSTED_PROXIES"], message: `${proxies}; expected a hop count (1) or addresses and CIDR ranges (10.0.0.0/8,192.168.1.5)` });
    }
  });

export type Env = {
  NODE_ENV: "development" | "production" | "test";
  PORT: number;
  APP_URL: string;
  DATABASE_URL: string;
  AUTH_SECRET: string;
  CHARIOW_API_KEY?: string;
  CHARIOW_API_BASE_URL: string;
  CHARIOW_PULSE_SECRETS: Record<string, string>;
  STORE_TIMEZONE: string;
  /** True when no CHARIOW_API_KEY is configured: the app runs against the simulator (DESIGN §5). */
  DEMO_MODE: boolean;
  /** False when `npm run worker` does the sync: the web servers then never take the sync lease. */
  SYNC_IN_WEB: boolean;
  /** Reverse proxies whose X-Forwarded-For entries are believed; none by default. */
  TRUSTED_PROXIES: TrustedProxies;
  /** SMTP server for digests and alerts; unset: no e-mail is sent (Settings says so). */
  SMTP_URL?: string;
  /** The From address of those e-mails; default "Chariow dashboard <dashboard@APP_URL's host>". */
  SMTP_FROM?: string;
  AUTH_GOOGLE_ID?: string;
  AUTH_GOOGLE_SECRET?: string;
  AUTH_GITHUB_ID?: string;
  AUTH_GITHUB_SECRET?: string;
};

/** Pure: validates a variables map (e.g. process.env) into Env, or throws EnvError naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // `.env` files often carry `KEY=` for "unset": treat empty strings as absent.
  const cleaned: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    if (value !== undefined && value.trim() !== "") cleaned[key] = value.trim();
  }
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const variables: string[] = [];
    const lines: string[] = [];
    for (const issue of result.error.issues) {
      const name = String(issue.path[0] ?? "environment");
      if (!variables.includes(name)) variables.push(name);
      const message = cleaned[name] === undefined && issue.code === "invalid_type" ? "is required" : issue.message;
      lines.push(`  ${name}: ${message}`);
    }
    throw new EnvError(`Invalid configuration (${variables.join(", ")}):\n${lines.join("\n")}`, variables);
  }
  const v = result.data;
  const pulse = parsePulseSecrets(v.CHARIOW_PULSE_SECRET);
  const proxies = parseTrustedProxies(v.TRUSTED_PROXIES);
  const env: Env = {
    NODE_ENV: v.NODE_ENV,
    PORT: v.PORT,
    APP_URL: (v.APP_URL ?? `http://localhost:${v.PORT}`).replace(/\/+$/, ""),
    DATABASE_URL: v.DATABASE_URL,
    AUTH_SECRET: v.AUTH_SECRET,
    CHARIOW_API_BASE_URL: v.CHARIOW_API_BASE_URL.replace(/\/+$/, ""),
    CHARIOW_PULSE_SECRETS: typeof pulse === "string" ? {} : pulse,
    STORE_TIMEZONE: v.STORE_TIMEZONE,
    DEMO_MODE: v.CHARIOW_API_KEY === undefined,
    SYNC_IN_WEB: v.SYNC_IN_WEB === "true",
    TRUSTED_PROXIES: typeof proxies === "string" ? { kind: "none" } : proxies,
  };
  // Optional keys are only present when set, so `"KEY" in env` and spreading never leak `undefined`.
  if (v.CHARIOW_API_KEY) env.CHARIOW_API_KEY = v.CHARIOW_API_KEY;
  if (v.SMTP_URL) env.SMTP_URL = v.SMTP_URL;
  if (v.SMTP_FROM) env.SMTP_FROM = v.SMTP_FROM;
  if (v.AUTH_GOOGLE_ID) env.AUTH_GOOGLE_ID = v.AUTH_GOOGLE_ID;
  if (v.AUTH_GOOGLE_SECRET) env.AUTH_GOOGLE_SECRET = v.AUTH_GOOGLE_SECRET;
  if (v.AUTH_GITHUB_ID) env.AUTH_GITHUB_ID = v.AUTH_GITHUB_ID;
  if (v.AUTH_GITHUB_SECRET) env.AUTH_GITHUB_SECRET = v.AUTH_GITHUB_SECRET;
  return env;
}

/**
 * Only DATABASE_URL, validated like the app does: for CLI tools (user:create) that need the database
 * but not the web app's secrets.
 */
export function parseDatabaseUrl(source: Record<string, string | undefined>): string {
  const raw = source.DATABASE_URL?.trim() ? source.DATABASE_URL.trim() : undefined;
  const result = envSchema.shape.DATABASE_URL.safeParse(raw);
  if (!result.success) {
    throw new EnvError(`Invalid configuration (DATABASE_URL):\n  DATABASE_URL: ${result.error.issues[0]?.message}`, ["DATABASE_URL"]);
  }
  return result.data;
}

let cached: Env | undefined;

/** The process configuration, parsed from process.env once; throws EnvError at first use when invalid. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Forget the cached configuration (tests that change process.env). */
export function resetEnvCache(): void {
  cached = undefined;
}
