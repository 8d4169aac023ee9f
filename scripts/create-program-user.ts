import { stdin, stdout } from "node:process";
import { createInterface } from "node:readline/promises";
import { z } from "zod";
import { connect, configuredConnection } from "@/db/client";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { ConflictError } from "@/lib/data/errors";
import { type ProgramRole, programRoles } from "@/db/schema";
import { createProgramUser } from "@/lib/data/users";

/**
 * npm run users:create-reviewer -- EMAIL
 * npm run users:create-program-admin -- EMAIL
 * The program's staff exist only through these commands, never through a partner's page. On a
 * terminal it asks for the name and the password (not echoed); otherwise it reads
 * REVIEWER_NAME and REVIEWER_PASSWORD (PROGRAM_ADMIN_NAME and PROGRAM_ADMIN_PASSWORD).
 */

const commands: Record<ProgramRole, { command: string; variables: string; created: string }> = {
  reviewer: { command: "users:create-reviewer", variables: "REVIEWER", created: "Reviewer" },
  program_admin: { command: "users:create-program-admin", variables: "PROGRAM_ADMIN", created: "Program administrator" },
};

const email = z.string().trim().toLowerCase().max(320).pipe(z.email());
const displayName = z.string().trim().min(1).max(120);

/** Reads a line without echoing it. */
async function askHidden(prompt: string): Promise<string> {
  stdout.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding("utf8");
  let answer = "";
  try {
    for await (const chunk of stdin) {
      for (const char of String(chunk)) {
        if (char === "\u0003") throw new Error("cancelled");
        if (char === "\r" || char === "\n") return answer;
        answer = char === "\u007f" || char === "\b" ? answer.slice(0, -1) : answer + char;
      }
    }
    return answer;
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
    stdout.write("\n");
  }
}

async function askOnTerminal(): Promise<{ name: string; password: string }> {
  const lines = createInterface({ input: stdin, output: stdout });
  const name = await lines.question("Display name: ");
  lines.close();
  const password = await askHidden("Password (at least 12 characters): ");
  const again = await askHidden("Repeat the password: ");
  if (password !== again) throw new Error("The two passwords are not the same.");
  return { name, password };
}

function fromEnvironment(variables: string): { name: string; password: string } {
  const name = process.env[`${variables}_NAME`];
  const password = process.env[`${variables}_PASSWORD`];
  if (!name || !password) {
    throw new Error(`Not on a terminal: set ${variables}_NAME and ${variables}_PASSWORD.`);
  }
  return { name, password };
}

async function main(): Promise<void> {
  const role = programRoles.find((candidate) => candidate === process.argv[2]);
  if (!role) throw new Error(`The first argument is the role: ${programRoles.join(" or ")}.`);
  const { command, variables, created } = commands[role];
  const address = email.safeParse(process.argv[3] ?? "");
  if (!address.success) throw new Error(`Usage: npm run ${command} -- EMAIL`);
  const answers = stdin.isTTY ? await askOnTerminal() : fromEnvironment(variables);
  const name = displayName.safeParse(answers.name);
  if (!name.success) throw new Error("The display name must have 1 to 120 characters.");
  const problem = passwordProblem(answers.password);
  if (problem) throw new Error(problem);

  const connection = await connect(configuredConnection());
  try {
    await connection.migrate();
    const user = await createProgramUser(connection.db, {
      email: address.data,
      displayName: name.data,
      passwordHash: await hashPassword(answers.password),
      role,
    });
    console.log(`${created} ${user.email} created (${connection.kind}).`);
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConflictError
      ? `An account for ${process.argv[3]} already exists.`
      : error instanceof Error
        ? error.message
        : String(error);
  console.error(message);
  process.exitCode = 1;
});
