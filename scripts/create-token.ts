import { parseArgs } from "node:util";
import { and, eq } from "drizzle-orm";
import { connect, configuredConnection } from "@/db/client";
import { users } from "@/db/schema";
import { createApiToken } from "@/lib/data/api-tokens";
import { describeIssues } from "@/lib/rules";
import { apiTokenInput } from "@/lib/schemas/api-tokens";

/**
 * npm run tokens:create -- --email ADMIN_EMAIL --name NAME --scope read|read+write [--days N]
 * Creates an API token of the organization of that partner admin, as if they had created it
 * on the Integrations page, and prints its secret once: only its hash is kept.
 */

const usage = "Usage: npm run tokens:create -- --email ADMIN_EMAIL --name NAME --scope read|read+write [--days 1-365]";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, scope: { type: "string" }, days: { type: "string" } },
  });
  if (!values.email) throw new Error(`--email is required. ${usage}`);
  const input = apiTokenInput.safeParse({ name: values.name, scope: values.scope, expiresInDays: values.days });
  if (!input.success) {
    const flags = { name: "--name", scope: "--scope", expiresInDays: "--days" } as const;
    throw new Error(
      [
        ...describeIssues(input.error.issues).map((line) => line.replace(/^(\w+)/, (key) => flags[key as keyof typeof flags] ?? key)),
        usage,
      ].join("\n"),
    );
  }

  const connection = await connect(configuredConnection());
  try {
    await connection.migrate();
    const [admin] = await connection.db
      .select({ id: users.id, organizationId: users.organizationId })
      .from(users)
      .where(and(eq(users.email, values.email.trim().toLowerCase()), eq(users.role, "partner_admin"), eq(users.disabled, false)));
    if (!admin?.organizationId) throw new Error(`No active partner admin has the e-mail ${values.email}.`);
    const token = await createApiToken(connection.db, admin.id, { organizationId: admin.organizationId, ...input.data });
    console.error(
      `Token "${input.data.name}" (${values.scope}) created, valid until ${token.expiresAt.toISOString().slice(0, 10)}. Its secret, shown this once:`,
    );
    console.log(token.secret);
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
