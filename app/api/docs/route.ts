import { randomBytes } from "node:crypto";

/**
 * GET /api/docs: the interactive reference of /api/v1 (Scalar), drawn from its OpenAPI document.
 * Public like the document; the bundle is served by the portal itself, fonts included, so the
 * page needs nothing from another site.
 */
export function GET() {
  const nonce = randomBytes(16).toString("base64");
  // Nothing leaves the portal: no web fonts, no AI assistant calling Scalar's service.
  const configuration = JSON.stringify({ withDefaultFonts: false, agent: { disabled: true }, metaData: { title: "Cloud CRM portal API" } });
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Cloud CRM portal API</title>
    <link rel="icon" href="data:," />
  </head>
  <body>
    <script id="api-reference" data-url="/api/v1/openapi.json" data-configuration="${configuration.replaceAll('"', "&quot;")}" nonce="${nonce}"></script>
    <script src="/api/docs/scalar.js" nonce="${nonce}"></script>
  </body>
</html>`;
  return new Response(html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": [
        "default-src 'self'",
        `script-src 'nonce-${nonce}' 'strict-dynamic'`,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
      ].join("; "),
    },
  });
}
