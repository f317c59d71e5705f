import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

// E2E runs real Chromium against the production build (vite build + vite preview), never the dev
// server: only the build proves the worker ships. Debian's chromium is used where Playwright's own
// download is unavailable; CHROMIUM_PATH overrides.
// Not 4173, so a running `npm start` never collides with the tests; E2E_PORT lets two checkouts
// run their suites side by side.
const PORT = Number(process.env.E2E_PORT) || 4317;
const chromiumPath =
  process.env.CHROMIUM_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? "list" : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1600, height: 1000 },
    launchOptions: {
      // Undefined falls back to Playwright's own Chromium (`npx playwright install chromium`).
      ...(chromiumPath ? { executablePath: chromiumPath } : {}),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: `npx vite build --logLevel warn && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
