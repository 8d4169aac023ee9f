import { stdin, stdout } from "node:process";
import { createInterface } from "node:readline/promises";
import { z } from "zod";
import { connect, configuredConnection } from "@/db/client";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { ConflictError } from "@/lib/data/errors";
import { createReviewer } from "@/lib/data/users";

/**
 * npm run users:create-reviewer -- EMAIL
 * Program reviewers exist only through this command, never through a partner's page. On a
 * terminal it asks for the name and the password (not echoed); otherwise it reads
 * REVIEWER_NAME and REVIEWER_PASSWORD.
 */

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

function fromEnvironment(): { name: string; password: string } {
  const { REVIEWER_NAME: name, REVIEWER_PASSWORD: password } = process.env;
  if (!name || !password) {
    throw new Error("Not on a terminal: set REVIEWER_NAME and REVIEWER_PASSWORD.");
  }
  return { name, password };
}

async function main(): Promise<void> {
  const address = email.safeParse(process.argv[2] ?? "");
  if (!address.success) throw new Error("Usage: npm run users:create-reviewer -- EMAIL");
  const answers = stdin.isTTY ? await askOnTerminal() : fromEnvironment();
  const name = displayName.safeParse(answers.name);
  if (!name.success) throw new Error("The display name must have 1 to 120 characters.");
  const problem = passwordProblem(answers.password);
  if (problem) throw new Error(problem);

  const connection = await connect(configuredConnection());
  try {
    await connection.migrate();
    const reviewer = await createReviewer(connection.db, {
      email: address.data,
      displayName: name.data,
      passwordHash: await hashPassword(answers.password),
    });
    console.log(`Reviewer ${reviewer.email} created (${connection.kind}).`);
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConflictError
      ? `An account for ${process.argv[2]} already exists.`
      : error instanceof Error
        ? error.message
        : String(error);
  console.error(message);
  process.exitCode = 1;
});
