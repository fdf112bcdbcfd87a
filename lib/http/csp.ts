// The Content-Security-Policy for HTML pages. Scripts need a per-request nonce (Next.js inlines its
// bootstrap scripts and applies the nonce it finds in this header); styles allow 'unsafe-inline'
// because React and next-themes write style attributes, which nonces cannot cover (docs/security.md).
export function contentSecurityPolicy(nonce: string, isDev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
