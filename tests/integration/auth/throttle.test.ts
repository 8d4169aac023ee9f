import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, signInAttempts, users } from "@/db/schema";
import { authorizePassword } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { SignInThrottled, WrongCredentials } from "@/lib/auth/sign-in-errors";
import { throttlePolicy } from "@/lib/auth/throttle";
import { describeOnEachDatabase } from "../support/database";
import { demoWorld, type DemoWorld } from "./support";

const password = "the right passphrase";
const minutes = (n: number) => n * 60_000;

/** Tries one password at a given time; "ok", "wrong" or the time sign-in is refused until. */
async function attempt(email: string, tried: string, clientAddress: string, at: Date): Promise<string> {
  try {
    await authorizePassword({ email, password: tried, clientAddress }, () => at);
    return "ok";
  } catch (error) {
    if (error instanceof SignInThrottled) return `throttled until ${error.retryAfter.toISOString()}`;
    if (error instanceof WrongCredentials) return "wrong";
    throw error;
  }
}

describeOnEachDatabase("sign-in throttling", (database) => {
  let world: DemoWorld;
  let passwordHash: string;
  const newAccount = async (email: string) => {
    await world.db.insert(users).values({ email, displayName: email, role: "employee", organizationId: world.contosoId, passwordHash });
  };
  beforeAll(async () => {
    world = await demoWorld(database());
    passwordHash = await hashPassword(password);
  });

  it("refuses a sixth attempt for one email within 15 minutes, even with the right password, until the window passes", async () => {
    await newAccount("five@contoso.example");
    const start = new Date("2026-11-25T10:00:00Z");
    for (const minute of [0, 1, 2, 3, 4]) {
      expect(await attempt("five@contoso.example", "guess", `198.51.100.${minute}`, new Date(start.getTime() + minutes(minute)))).toBe(
        "wrong",
      );
    }
    // The fifth-newest failure (10:00) leaves the window at 10:15.
    const refused = "throttled until 2026-11-25T10:15:00.000Z";
    expect(await attempt("FIVE@contoso.example", password, "198.51.100.9", new Date(start.getTime() + minutes(5)))).toBe(refused);
    // Refused attempts are not failures: they do not push the time back.
    expect(await attempt("five@contoso.example", "guess", "198.51.100.9", new Date(start.getTime() + minutes(14)))).toBe(refused);
    expect(await attempt("five@contoso.example", password, "198.51.100.9", new Date(start.getTime() + minutes(15)))).toBe("ok");
  });

  it("starts the email's count again after a successful sign-in", async () => {
    await newAccount("reset@contoso.example");
    const start = new Date("2026-11-25T11:00:00Z");
    const at = (second: number) => new Date(start.getTime() + second * 1000);
    for (const second of [1, 2, 3, 4]) expect(await attempt("reset@contoso.example", "guess", "198.51.100.20", at(second))).toBe("wrong");
    expect(await attempt("reset@contoso.example", password, "198.51.100.20", at(5))).toBe("ok");
    for (const second of [6, 7, 8, 9]) expect(await attempt("reset@contoso.example", "guess", "198.51.100.20", at(second))).toBe("wrong");
    expect(await attempt("reset@contoso.example", password, "198.51.100.20", at(10))).toBe("ok");
  });

  it("refuses a client address after 20 failures within 15 minutes, whatever the emails, and only that address", async () => {
    const start = new Date("2026-11-25T12:00:00Z");
    const at = (second: number) => new Date(start.getTime() + second * 1000);
    for (let n = 0; n < throttlePolicy.failuresPerAddress; n += 1) {
      expect(await attempt(`spray${n}@example.test`, "guess", "203.0.113.50", at(n))).toBe("wrong");
    }
    expect(await attempt("someone-new@example.test", "guess", "203.0.113.50", at(30))).toBe("throttled until 2026-11-25T12:15:00.000Z");
    expect(await attempt("someone-new@example.test", "guess", "203.0.113.51", at(31))).toBe("wrong");
    expect(await attempt("someone-else@example.test", "guess", "203.0.113.50", new Date(start.getTime() + minutes(15) + 1000))).toBe(
      "wrong",
    );
  });

  it("records failures and throttling as audit events, and keeps no attempt older than a day", async () => {
    const start = new Date("2026-11-20T09:00:00Z");
    for (let n = 0; n < 5; n += 1) await attempt("ghost@example.test", "guess", "198.51.100.40", new Date(start.getTime() + n * 1000));
    await attempt("ghost@example.test", "guess", "198.51.100.40", new Date(start.getTime() + 6000));
    const events = await world.db.select().from(auditEvents).where(eq(auditEvents.entityType, "sign_in"));
    const ghost = events.filter((event) => (event.after as { email?: string }).email === "ghost@example.test");
    expect(ghost.map((event) => event.action)).toEqual([...Array(5).fill("auth.sign_in_failed"), "auth.sign_in_throttled"]);
    expect(ghost.at(-1)?.after).toMatchObject({ clientAddress: "198.51.100.40", retryAfter: "2026-11-20T09:15:00.000Z" });

    await attempt("ghost@example.test", "guess", "198.51.100.40", new Date("2026-11-25T09:00:00Z"));
    const kept = await world.db.select().from(signInAttempts).where(eq(signInAttempts.email, "ghost@example.test"));
    expect(kept).toHaveLength(1);
  });

  it("takes as long for an unknown email as for a wrong password (a dummy hash is verified)", async () => {
    await newAccount("timing@contoso.example");
    const time = async (email: string, address: string) => {
      const started = performance.now();
      await attempt(email, "guess", address, new Date());
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let n = 0; n < 4; n += 1) {
      known.push(await time("timing@contoso.example", `198.51.100.6${n}`));
      unknown.push(await time(`nobody${n}@contoso.example`, `198.51.100.7${n}`));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    // Both are dominated by one argon2id verification (tens of milliseconds).
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
    expect(median(unknown)).toBeLessThan(median(known) * 2);
  });

  describe("two app instances sharing one PostgreSQL", () => {
    async function runInstances(clientAddress: string, emailsPerInstance: string[][]): Promise<string[]> {
      const url = database().url;
      if (!url) throw new Error("needs PostgreSQL");
      const instances = emailsPerInstance.map((emails) =>
        spawn(
          process.execPath,
          ["--conditions=react-server", "--import", "tsx", "tests/integration/auth/support/sign-in-worker.ts", clientAddress, ...emails],
          {
            env: { ...process.env, DATABASE_URL: url },
            stdio: ["pipe", "pipe", "inherit"],
          },
        ),
      );
      const outputs = instances.map((instance) => createInterface({ input: instance.stdout }));
      const lastLines = outputs.map((lines) => {
        const seen: string[] = [];
        lines.on("line", (line) => seen.push(line));
        return seen;
      });
      // Both connected before either starts, so their attempts really overlap.
      await Promise.all(outputs.map((lines) => once(lines, "line")));
      for (const instance of instances) instance.stdin.end("go\n");
      const codes = await Promise.all(instances.map((instance) => once(instance, "exit").then(([code]) => code)));
      expect(codes).toEqual(instances.map(() => 0));
      return lastLines.flatMap((seen) => JSON.parse(seen.at(-1) ?? "[]") as string[]);
    }

    it("never lets concurrent attempts for one email exceed five failures", async (context) => {
      if (!database().url) context.skip();
      const email = "race@example.test";
      const outcomes = await runInstances("198.51.100.90", [Array(8).fill(email), Array(8).fill(email)]);
      expect(outcomes.filter((outcome) => outcome === "wrong")).toHaveLength(5);
      expect(outcomes.filter((outcome) => outcome === "throttled")).toHaveLength(11);
      const failures = await world.db
        .select()
        .from(signInAttempts)
        .where(and(eq(signInAttempts.email, email), eq(signInAttempts.succeeded, false)));
      expect(failures).toHaveLength(5);
    });

    it("never lets concurrent attempts from one address exceed twenty failures", async (context) => {
      if (!database().url) context.skip();
      const emails = (instance: string) => Array.from({ length: 15 }, (_, n) => `spray-${instance}-${n}@example.test`);
      const outcomes = await runInstances("198.51.100.91", [emails("a"), emails("b")]);
      expect(outcomes.filter((outcome) => outcome === "wrong")).toHaveLength(20);
      expect(outcomes.filter((outcome) => outcome === "throttled")).toHaveLength(10);
    });
  });
});
