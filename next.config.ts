import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { readConfig } from "./lib/config";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// The Content-Security-Policy, with a nonce per page, is set by the proxy (proxy.ts).
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  // Only a portal served over HTTPS may tell browsers to use nothing else.
  ...(readConfig().https ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Data is cached with 'use cache', keyed by what it depends on (lib/data/dashboard.ts).
  cacheComponents: true,
  // Pages have no prerendered shell (root layout, instant = false), so there is none to
  // prefetch: links prefetch as before.
  partialPrefetching: false,
  // The build checks the application's types; `npm test` checks everything, tests included.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  reactStrictMode: true,
  // Native and WebAssembly packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "pg-boss", "nodemailer"],
  // A CSV import posts a file of up to MAX_IMPORT_BYTES (10 MB, lib/csv/limits.ts) to a server
  // action, through the proxy; both limits leave room for the form around it.
  experimental: {
    serverActions: { bodySizeLimit: "11mb" },
    proxyClientMaxBodySize: "11mb",
  },
  headers() {
    return Promise.resolve([
      { source: "/:path*", headers: securityHeaders },
      // Route handlers answer JSON and files, never a page: they may load and embed nothing. The
      // API's reference (/api/docs) is the one page among them and sets its own policy.
      {
        source: "/api/:path((?!docs$|docs/).*)",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ]);
  },
};

export default withNextIntl(nextConfig);
