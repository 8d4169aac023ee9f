import "../auth/auth-secret";
import { NextRequest } from "next/server";
import { beforeAll, expect, it } from "vitest";
import { GET } from "@/app/api/export/[table]/route";
import type { SessionUser } from "@/lib/auth/session-user";
import { readCsv } from "@/lib/csv/read";
import { runAs } from "../../support/request-context";
import { demoWorld, type DemoWorld } from "../auth/support";
import { describeOnEachDatabase } from "../support/database";

function download(user: SessionUser | null, table: string, query = "") {
  return runAs(user, () => GET(new NextRequest(`http://portal.test/api/export/${table}${query}`), { params: Promise.resolve({ table }) }));
}

describeOnEachDatabase("CSV export", (database) => {
  let world: DemoWorld;
  beforeAll(async () => {
    world = await demoWorld(database());
  });

  it("answers who may download which table", async () => {
    const { admin, employee, otherAdmin, reviewer } = world.users;
    const statuses: Record<string, number[]> = {};
    for (const table of ["people", "exam-passes", "revenue", "gaps"]) {
      statuses[table] = await Promise.all(
        [null, employee, admin, otherAdmin, reviewer].map(async (user) => (await download(user, table)).status),
      );
    }
    // signed out, employee, admin, other organization's admin, reviewer
    expect(statuses).toEqual({
      people: [401, 403, 200, 200, 403],
      "exam-passes": [401, 403, 200, 200, 403],
      revenue: [401, 403, 200, 200, 403],
      gaps: [401, 200, 200, 200, 403],
    });
    expect((await download(admin, "passwords")).status).toBe(404);
    expect((await download(admin, "gaps", "?asOf=2026-02-30")).status).toBe(400);
    expect(await (await download(null, "revenue")).json()).toEqual({ error: "unauthenticated" });
  });

  it("sends the signed-in user's organization only, as a CSV attachment", async () => {
    const response = await download(world.users.otherAdmin, "revenue");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="revenue-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await response.text();
    expect(text).toContain("FAB-2201,Wide World Importers,d365-ce-plan-1,50000.50,");
    expect(text).not.toContain("CTS-");
  });

  it("writes the gap list as the rules library evaluates it on the day asked", async () => {
    const response = await download(world.users.employee, "gaps", "?asOf=2026-11-25");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="gaps-2026-11-25.csv"');
    const reading = readCsv(await response.text(), ["name", "mcid", "role", "qualifies", "missing_exams"]);
    if (!reading.ok) throw new Error("the gap list is not a CSV file");
    const emma = reading.records.filter((record) => record.cells.name === "Emma Schmidt").map((record) => record.cells);
    expect(emma).toEqual([
      {
        name: "Emma Schmidt",
        mcid: "10451005",
        role: "application-deployment",
        qualifies: "false",
        missing_exams: "MB2-706 / MB2-710 / MB2-715",
      },
      { name: "Emma Schmidt", mcid: "10451005", role: "customization", qualifies: "false", missing_exams: "MB2-707 / MB2-712 / MB2-716" },
    ]);
    expect(reading.records.some((record) => record.cells.name.includes("Fabrikam") || record.cells.mcid.startsWith("2087"))).toBe(false);
  });
});
