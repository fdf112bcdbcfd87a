// Configuration: every bad variable is named in the error, defaults match the docs, Pulse secrets parse.
import { describe, expect, it } from "vitest";
import { ANY_PULSE, EnvError, parseEnv } from "@/lib/env";

const SECRET = "x".repeat(32);
const base = { AUTH_SECRET: SECRET };

function envErrorOf(source: Record<string, string | undefined>): EnvError {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error;
    throw error;
  }
  throw new Error("expected parseEnv to throw EnvError");
}

describe("parseEnv", () => {
  it("applies the documented defaults and runs in demo mode without an API key", () => {
    const env = parseEnv(base);
    expect(env).toMatchObject({
      NODE_ENV: "development",
      PORT: 3000,
      APP_URL: "http://localhost:3000",
      DATABASE_URL: "file:./data/chariow.db",
      CHARIOW_API_BASE_URL: "https://api.chariow.com/v1",
      CHARIOW_PULSE_SECRETS: {},
      STORE_TIMEZONE: "Africa/Abidjan",
      DEMO_MODE: true,
    });
    expect(env.CHARIOW_API_KEY).toBeUndefined();
  });

  it("derives APP_URL from PORT and leaves demo mode when a key is set", () => {
    const env = parseEnv({ ...base, PORT: "8080", CHARIOW_API_KEY: "sk_live_abc" });
    expect(env.APP_URL).toBe("http://localhost:8080");
    expect(env.PORT).toBe(8080);
    expect(env.DEMO_MODE).toBe(false);
    expect(env.CHARIOW_API_KEY).toBe("sk_live_abc");
  });

  it("treats empty values as unset (KEY= lines in .env)", () => {
    const env = parseEnv({ ...base, CHARIOW_API_KEY: "", DATABASE_URL: " " });
    expect(env.DEMO_MODE).toBe(true);
    expect(env.DATABASE_URL).toBe("file:./data/chariow.db");
  });

  it("runs the sync in the web process unless SYNC_IN_WEB=false; anything else is named", () => {
    expect(parseEnv(base).SYNC_IN_WEB).toBe(true);
    expect(parseEnv({ ...base, SYNC_IN_WEB: "false" }).SYNC_IN_WEB).toBe(false);
    expect(() => parseEnv({ ...base, SYNC_IN_WEB: "no" })).toThrow(/SYNC_IN_WEB: must be "true" or "false"/);
  });

  it("takes an SMTP URL for digests and alerts, names a wrong one, and sends nothing without it", () => {
    expect(parseEnv(base).SMTP_URL).toBeUndefined();
    expect(parseEnv({ ...base, SMTP_URL: "smtp://u:p@mail.example.com:587", SMTP_FROM: "Shop <d@example.com>" })).toMatchObject({ SMTP_URL: "smtp://u:p@mail.example.com:587", SMTP_FROM: "Shop <d@example.com>" });
    expect(parseEnv({ ...base, SMTP_URL: "smtps://mail.example.com" }).SMTP_URL).toBe("smtps://mail.example.com");
    expect(() => parseEnv({ ...base, SMTP_URL: "https://mail.example.com" })).toThrow(/SMTP_URL: must be an SMTP URL/);
  });

  it("accepts a PostgreSQL URL", () => {
    expect(parseEnv({ ...base, DATABASE_URL: "postgres://u:p@db:5432/chariow" }).DATABASE_URL).toBe(
      "postgres://u:p@db:5432/chariow",
    );
  });

  it.each([
    ["AUTH_SECRET missing", {}, "AUTH_SECRET", /required/],
    ["AUTH_SECRET too short", { AUTH_SECRET: "short" }, "AUTH_SECRET", /32 characters/],
    ["PORT not a number", { ...base, PORT: "eighty" }, "PORT", /PORT/],
    ["PORT out of range", { ...base, PORT: "70000" }, "PORT", /PORT/],
    ["APP_URL not a URL", { ...base, APP_URL: "dashboard.example.com" }, "APP_URL", /http/],
    ["DATABASE_URL unknown scheme", { ...base, DATABASE_URL: "mysql://x/y" }, "DATABASE_URL", /postgres/],
    ["CHARIOW_API_BASE_URL not a URL", { ...base, CHARIOW_API_BASE_URL: "api" }, "CHARIOW_API_BASE_URL", /URL/],
    ["STORE_TIMEZONE not IANA", { ...base, STORE_TIMEZONE: "Mars/Olympus" }, "STORE_TIMEZONE", /IANA/],
    ["NODE_ENV unknown", { ...base, NODE_ENV: "staging" }, "NODE_ENV", /NODE_ENV/],
    ["Google secret without id", { ...base, AUTH_GOOGLE_SECRET: "s" }, "AUTH_GOOGLE_ID", /AUTH_GOOGLE_SECRET/],
    ["GitHub id without secret", { ...base, AUTH_GITHUB_ID: "i" }, "AUTH_GITHUB_SECRET", /AUTH_GITHUB_ID/],
    ["malformed pulse secrets", { ...base, CHARIOW_PULSE_SECRET: "p1:whsec_a,oops" }, "CHARIOW_PULSE_SECRET", /pulse_id/],
  ])("names the variable when %s", (_label, source, variable, detail) => {
    const error = envErrorOf(source);
    expect(error.variables).toEqual([variable]);
    expect(error.message).toContain(variable);
    expect(error.message).toMatch(detail);
  });

  it("names every bad variable at once", () => {
    const error = envErrorOf({ PORT: "x", STORE_TIMEZONE: "Nowhere/Land" });
    expect(error.variables.sort()).toEqual(["AUTH_SECRET", "PORT", "STORE_TIMEZONE"]);
  });

  it("never echoes a secret value in the error", () => {
    const error = envErrorOf({ AUTH_SECRET: "tooshort-but-secret" });
    expect(error.message).not.toContain("tooshort-but-secret");
  });

  it("accepts valid IANA timezones", () => {
    expect(parseEnv({ ...base, STORE_TIMEZONE: "Europe/Paris" }).STORE_TIMEZONE).toBe("Europe/Paris");
    expect(parseEnv({ ...base, STORE_TIMEZONE: "UTC" }).STORE_TIMEZONE).toBe("UTC");
  });
});

describe("CHARIOW_PULSE_SECRET", () => {
  it("one secret applies to every Pulse", () => {
    expect(parseEnv({ ...base, CHARIOW_PULSE_SECRET: "whsec_one" }).CHARIOW_PULSE_SECRETS).toEqual({
      [ANY_PULSE]: "whsec_one",
    });
  });

  it("a list of pulse_id:secret pairs gives one secret per Pulse", () => {
    const env = parseEnv({ ...base, CHARIOW_PULSE_SECRET: "pls_1:whsec_a, pls_2:whsec_b" });
    expect(env.CHARIOW_PULSE_SECRETS).toEqual({ pls_1: "whsec_a", pls_2: "whsec_b" });
  });

  it("rejects a pulse id given twice", () => {
    expect(envErrorOf({ ...base, CHARIOW_PULSE_SECRET: "p:a,p:b" }).message).toMatch(/twice/);
  });
});
