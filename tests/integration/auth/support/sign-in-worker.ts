/**
 * One "app instance" for the two-process throttle test: connects to DATABASE_URL, says
 * "ready", waits for "go" on stdin, then makes every attempt at once through the same
 * authorizePassword that Auth.js calls, and prints the outcomes as JSON.
 *
 *   node --conditions=react-server --import tsx sign-in-worker.ts ADDRESS EMAIL...
 */
import { once } from "node:events";
import { createInterface } from "node:readline";
import { connect, setAppConnection } from "@/db/client";
import { authorizePassword } from "@/lib/auth/credentials";
import { SignInThrottled, WrongCredentials } from "@/lib/auth/sign-in-errors";

const [clientAddress, ...emails] = process.argv.slice(2);
const connection = await connect({ url: process.env.DATABASE_URL, maxConnections: emails.length });
setAppConnection(connection);

const lines = createInterface({ input: process.stdin });
console.log("ready");
await once(lines, "line");
lines.close();

const outcomes = await Promise.all(
  emails.map((email) =>
    authorizePassword({ email, password: "not the password", clientAddress }).then(
      () => "accepted",
      (error: unknown) => {
        if (error instanceof SignInThrottled) return "throttled";
        if (error instanceof WrongCredentials) return "wrong";
        return `error: ${error instanceof Error ? error.message : String(error)}`;
      },
    ),
  ),
);
console.log(JSON.stringify(outcomes));
await connection.close();
