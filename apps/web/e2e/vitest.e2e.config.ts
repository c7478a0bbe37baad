import path from "node:path";
import { defineConfig } from "vitest/config";

// End-to-end journeys: the real service in-process (fresh PGlite per file) driven through
// Debian Chromium. One file at a time: each seeds a demo borough and runs a browser.
export default defineConfig({
  root: path.resolve(import.meta.dirname),
  test: {
    include: ["**/*.e2e.test.ts"],
    globalSetup: ["./global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: "forks",
    fileParallelism: false,
    maxWorkers: 1,
  },
});
