/** The name of the unique constraint a failed write broke, if that is why it failed. */
export function violatedUniqueConstraint(error: unknown): string | null {
  // drizzle wraps the driver's error (postgres.js or PGlite) in `cause`; both carry SQLSTATE.
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const { code, constraint, constraint_name } = current as Error & {
      code?: string;
      constraint?: string;
      constraint_name?: string;
    };
    if (code === "23505") return constraint_name ?? constraint ?? "";
  }
  return null;
}
