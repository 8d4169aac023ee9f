import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium: Playwright cannot download its own browser on these machines.
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: /accessibility\.spec\.ts$/ },
    // The accessibility scan runs after the flows, so that every kind of page has a record to show.
    { name: "accessibility", use: { ...devices["Desktop Chrome"] }, testMatch: /accessibility\.spec\.ts$/, dependencies: ["chromium"] },
  ],
  webServer: {
    // The same start command a user runs, on a throw-away embedded database.
    command: "rm -rf .data/e2e-pglite && npx tsx scripts/start.ts",
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    // Webhooks may reach the receivers the tests start on 127.0.0.1.
    env: { PORT: String(port), PGLITE_DIR: ".data/e2e-pglite", DATABASE_URL: "", WEBHOOKS_ALLOW_PRIVATE: "true" },
  },
});
