import { expect, it, vi } from "vitest";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { GET } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/health/ready/route";
import { connect, DamagedDatabaseError, setAppConnection } from "@/db/client";
import { runAs } from "../support/request-context";
import { describeOnEachDatabase } from "./support/database";

/** A request from a visitor who is not signed in, as a load balancer's probe is. */
const asVisitor = (handler: () => Promise<Response>) => runAs(null, handler);

describeOnEachDatabase("GET /api/health", (database) => {
  it("answers 200 and names the database when `select 1` succeeds", async () => {
    setAppConnection(database());
    const response = await asVisitor(GET);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: database().kind });
  });

  it("is ready when the portal's tables can be read", async () => {
    setAppConnection(database());
    const response = await asVisitor(ready);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: database().kind });
  });
});

it("is not ready on a database without the portal's tables, though it is alive", async () => {
  const empty = await connect({ pgliteDir: "memory://" });
  setAppConnection(empty);
  const logged = vi.spyOn(console, "error").mockImplementation(() => {});
  try {
    expect((await asVisitor(GET)).status).toBe(200);
    const response = await asVisitor(ready);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "error", database: "pglite" });
  } finally {
    logged.mockRestore();
    await empty.close();
  }
});

it("names the directory of a damaged embedded database instead of aborting", async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "portal-damaged-"));
  try {
    const healthy = await connect({ pgliteDir: dataDir });
    await healthy.migrate();
    await healthy.close();
    // Scribble over the control file, as a disk fault or a half-copied backup would.
    writeFileSync(path.join(dataDir, "global", "pg_control"), Buffer.alloc(8192, 0x5a));
    expect(readdirSync(dataDir)).toContain("base");
    const opened = connect({ pgliteDir: dataDir });
    await expect(opened).rejects.toBeInstanceOf(DamagedDatabaseError);
    await expect(opened).rejects.toThrow(`The embedded database in ${dataDir} is damaged`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

it("answers 503 without a stack trace when the database does not answer", async () => {
  const unreachable = await connect({ url: "postgres://postgres@127.0.0.1:1/nowhere" });
  setAppConnection(unreachable);
  const logged = vi.spyOn(console, "error").mockImplementation(() => {});
  try {
    const response = await asVisitor(GET);
    expect(response.status).toBe(503);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ status: "error", database: "postgres" });
    expect(body).not.toMatch(/ECONNREFUSED|at /);
    expect(logged).toHaveBeenCalled();
  } finally {
    logged.mockRestore();
    await unreachable.close();
  }
});
