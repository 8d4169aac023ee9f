import path from "node:path";
import { z } from "zod";

/**
 * Every setting the portal reads from its environment, validated in one place with its
 * default. `npm start` checks it before anything else and stops with a message naming the
 * variable; the server reads the same values through `config()`.
 */

const blankAsUnset = (value: unknown) => (value === "" ? undefined : value);
const optional = <S extends z.ZodType>(schema: S) => z.preprocess(blankAsUnset, schema.optional());

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" });

const environment = z
  .object({
    DATABASE_URL: optional(z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// URL" })),
    PGLITE_DIR: optional(z.string().max(4096)),
    PORT: z.preprocess(
      blankAsUnset,
      z.coerce.number({ error: "must be a port number" }).int("must be a whole number").min(1).max(65535).default(3000),
    ),
    PORTAL_URL: optional(httpUrl),
    AUTH_SECRET: optional(z.string().min(32, "must have at least 32 characters (npm start makes one for you)")),
    AUTH_URL: optional(httpUrl),
    AUTH_TRUST_HOST: optional(z.enum(["true", "false"], { error: 'must be "true" or "false"' })),
    AUTH_MICROSOFT_ENTRA_ID_ID: optional(z.string().max(200)),
    AUTH_MICROSOFT_ENTRA_ID_SECRET: optional(z.string().max(1000)),
    AUTH_MICROSOFT_ENTRA_ID_ISSUER: optional(httpUrl),
    MAIL_DIR: optional(z.string().max(4096)),
    SMTP_URL: optional(z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" })),
    PORTAL_WORKER: optional(z.enum(["on", "off"], { error: 'must be "on" or "off"' })),
    API_RATE_LIMIT_PER_MINUTE: z.preprocess(
      blankAsUnset,
      z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1).max(100_000).default(120),
    ),
    WEBHOOKS_ALLOW_PRIVATE: optional(z.enum(["true", "false"], { error: 'must be "true" or "false"' })),
    WEBHOOK_RETRY_DELAY_SECONDS: z.preprocess(
      blankAsUnset,
      z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1).max(3600).default(15),
    ),
  })
  .superRefine((env, context) => {
    const entra = [env.AUTH_MICROSOFT_ENTRA_ID_ID, env.AUTH_MICROSOFT_ENTRA_ID_SECRET, env.AUTH_MICROSOFT_ENTRA_ID_ISSUER];
    if (entra.some(Boolean) && !entra.every(Boolean)) {
      context.addIssue({
        code: "custom",
        path: ["AUTH_MICROSOFT_ENTRA_ID_ID"],
        message: "set all three of AUTH_MICROSOFT_ENTRA_ID_ID, _SECRET and _ISSUER, or none",
      });
    }
  });

export interface PortalConfig {
  /** PostgreSQL when set; otherwise the embedded PGlite in `pgliteDir`. */
  databaseUrl: string | undefined;
  pgliteDir: string;
  port: number;
  /** Where people reach the portal, for links in emails: PORTAL_URL, else http://localhost:PORT. */
  portalUrl: string;
  /** Whether the portal is served over HTTPS (PORTAL_URL or AUTH_URL says so). */
  https: boolean;
  authSecret: string | undefined;
  authUrl: string | undefined;
  trustHost: boolean;
  microsoftEntra: { clientId: string; clientSecret: string; issuer: string } | null;
  mailDir: string;
  /** SMTP server for email (smtp://user:pass@host:port); without it, mail is written as .eml files in `mailDir`. */
  smtpUrl: string | undefined;
  /** Whether `npm start` runs the job queue's worker in the web server (PORTAL_WORKER, default on). */
  worker: boolean;
  /** Requests one API token may make per minute, across every instance (API_RATE_LIMIT_PER_MINUTE, default 120). */
  apiRateLimitPerMinute: number;
  /**
   * Whether webhooks may reach private, loopback and link-local addresses, and plain http
   * there (WEBHOOKS_ALLOW_PRIVATE, for development and tests; default false).
   */
  webhooksAllowPrivate: boolean;
  /** The first retry's delay of a failed webhook delivery; each next one doubles (WEBHOOK_RETRY_DELAY_SECONDS, default 15). */
  webhookRetryDelaySeconds: number;
}

/** A setting that cannot be used, named and explained: "PORT must be a whole number". */
export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`The portal's configuration is not valid:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigurationError";
  }
}

export function readConfig(env: Record<string, string | undefined> = process.env): PortalConfig {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    throw new ConfigurationError(parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
  }
  const values = parsed.data;
  const portalUrl = (values.PORTAL_URL ?? `http://localhost:${values.PORT}`).replace(/\/$/, "");
  const entra =
    values.AUTH_MICROSOFT_ENTRA_ID_ID && values.AUTH_MICROSOFT_ENTRA_ID_SECRET && values.AUTH_MICROSOFT_ENTRA_ID_ISSUER
      ? {
          clientId: values.AUTH_MICROSOFT_ENTRA_ID_ID,
          clientSecret: values.AUTH_MICROSOFT_ENTRA_ID_SECRET,
          issuer: values.AUTH_MICROSOFT_ENTRA_ID_ISSUER,
        }
      : null;
  return {
    databaseUrl: values.DATABASE_URL,
    pgliteDir: values.PGLITE_DIR ?? path.join(process.cwd(), ".data", "pglite"),
    port: values.PORT,
    portalUrl,
    https: new URL(values.AUTH_URL ?? portalUrl).protocol === "https:",
    authSecret: values.AUTH_SECRET,
    authUrl: values.AUTH_URL,
    trustHost: values.AUTH_TRUST_HOST !== "false",
    microsoftEntra: entra,
    mailDir: values.MAIL_DIR ?? path.join(process.cwd(), ".data", "mail"),
    smtpUrl: values.SMTP_URL,
    worker: values.PORTAL_WORKER !== "off",
    apiRateLimitPerMinute: values.API_RATE_LIMIT_PER_MINUTE,
    webhooksAllowPrivate: values.WEBHOOKS_ALLOW_PRIVATE === "true",
    webhookRetryDelaySeconds: values.WEBHOOK_RETRY_DELAY_SECONDS,
  };
}

let loaded: PortalConfig | undefined;

/** The process's configuration, read once. */
export function config(): PortalConfig {
  loaded ??= readConfig();
  return loaded;
}
