/**
 * The pages' Content-Security-Policy. Scripts run only with the request's nonce (Next.js puts
 * it on its own scripts when it finds it in this header) and what those load ('strict-dynamic'):
 * no inline script without it. Pages render per request (they are all signed-in), so each
 * gets a fresh nonce from the proxy. The development server also needs eval for fast refresh.
 */
export function contentSecurityPolicy(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
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

/** The request header the proxy passes the nonce in, for the root layout's own inline script. */
export const nonceHeader = "x-nonce";
