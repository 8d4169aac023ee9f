import { describe, expect, it } from "vitest";
import { ConfigurationError, readConfig } from "@/lib/config";

describe("the portal's configuration", () => {
  it("has a default for everything a new user leaves unset", () => {
    const settings = readConfig({});
    expect(settings).toMatchObject({
      databaseUrl: undefined,
      port: 3000,
      portalUrl: "http://localhost:3000",
      https: false,
      trustHost: true,
    });
    expect(settings.pgliteDir).toMatch(/\.data\/pglite$/);
    expect(settings.mailDir).toMatch(/\.data\/mail$/);
  });

  it("points links where the portal runs: PORTAL_URL defaults to the port it is started on", () => {
    expect(readConfig({ PORT: "4100" }).portalUrl).toBe("http://localhost:4100");
    expect(readConfig({ PORT: "4100", PORTAL_URL: "https://portal.example/" })).toMatchObject({
      portalUrl: "https://portal.example",
      https: true,
    });
  });

  it("treats an empty variable as unset", () => {
    expect(readConfig({ DATABASE_URL: "", PORT: "" })).toMatchObject({ databaseUrl: undefined, port: 3000 });
  });

  it("names each variable it cannot use, and why", () => {
    const attempt = () => readConfig({ PORT: "eighty", DATABASE_URL: "mysql://db/portal", AUTH_SECRET: "short", PORTAL_URL: "portal" });
    expect(attempt).toThrow(ConfigurationError);
    try {
      attempt();
    } catch (error) {
      const { problems } = error as ConfigurationError;
      expect(problems.map((problem) => problem.split(" ")[0]).sort()).toEqual(["AUTH_SECRET", "DATABASE_URL", "PORT", "PORTAL_URL"]);
      expect(problems.find((problem) => problem.startsWith("DATABASE_URL"))).toBe("DATABASE_URL must be a postgres:// URL");
    }
    expect(() => readConfig({ PORT: "70000" })).toThrow(/PORT/);
    expect(() => readConfig({ AUTH_TRUST_HOST: "yes" })).toThrow(/AUTH_TRUST_HOST must be "true" or "false"/);
  });
});
