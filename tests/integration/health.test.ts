import { expect, it, vi } from "vitest";
import { GET } from "@/app/api/health/route";
import { connect, setAppConnection } from "@/db/client";
import { describeOnEachDatabase } from "./support/database";

describeOnEachDatabase("GET /api/health", (database) => {
  it("answers 200 and names the database when `select 1` succeeds", async () => {
    setAppConnection(database());
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: database().kind });
  });
});

it("answers 503 without a stack trace when the database does not answer", async () => {
  const unreachable = await connect({ url: "postgres://postgres@127.0.0.1:1/nowhere" });
  setAppConnection(unreachable);
  const logged = vi.spyOn(console, "error").mockImplementation(() => {});
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:1/nowhere";
  try {
    const response = await GET();
    expect(response.status).toBe(503);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ status: "error", database: "postgres" });
    expect(body).not.toMatch(/ECONNREFUSED|at /);
    expect(logged).toHaveBeenCalled();
  } finally {
    process.env.DATABASE_URL = previous;
    logged.mockRestore();
    await unreachable.close();
  }
});
