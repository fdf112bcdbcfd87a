// Strict-Transport-Security for a deployment whose public URL is https: browsers that saw it once refuse
// plain http for a year (no downgrade to a network attacker), subdomains included. Never on http, where
// it would be meaningless, nor when APP_URL is unset (localhost, demo). Set per request in proxy.ts,
// because next.config.mjs headers are fixed at build time and APP_URL is read at run time.
export const HSTS_VALUE = "max-age=31536000; includeSubDomains";

export function strictTransportSecurity(appUrl: string | undefined): string | null {
  return appUrl?.trim().toLowerCase().startsWith("https://") ? HSTS_VALUE : null;
}
