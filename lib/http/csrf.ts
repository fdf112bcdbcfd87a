// Same-origin check for state-changing requests. Session cookies are sent by the browser on cross-site
// requests too, so every POST/PATCH/PUT/DELETE must prove it comes from our own pages: the browser's
// Sec-Fetch-Site says "same-origin", or the Origin header names the host the request was sent to.
export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSameOriginRequest(headers: Headers): boolean {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite) return fetchSite === "same-origin";
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}
