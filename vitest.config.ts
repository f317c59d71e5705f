import { defineConfig } from "vitest/config";

// Unit and simulation tests only; Playwright specs live in e2e/ and must not be collected here.
export default defineConfig({
  test: {
    include: ["engine/**/*.test.ts", "web/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
  },
});
