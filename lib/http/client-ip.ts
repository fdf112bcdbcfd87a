// The caller's IP for throttling and the audit log. `next start` sets x-forwarded-for from the socket;
// behind a reverse proxy, that proxy must overwrite (not append to) the header — see docs/security.md.
export function clientIp(headers: Headers | undefined): string | undefined {
  const forwarded = headers?.get("x-forwarded-for");
  const first = forwarded?.split(",")[0]?.trim();
  if (first) return first.slice(0, 64);
  const real = headers?.get("x-real-ip")?.trim();
  return real ? real.slice(0, 64) : undefined;
}
