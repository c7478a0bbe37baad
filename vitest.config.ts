import { defineConfig } from "vitest/config";

// Unit tests sit beside the code (*.test.ts); integration tests (*.int.test.ts) run against
// real PostgreSQL when reachable and against PGlite always; end-to-end tests live in apps/web/e2e.
export default defineConfig({
  test: {
    include: ["packages/**/*.test.ts", "apps/**/*.test.ts", "bench/**/*.test.ts"],
    exclude: ["**/node_modules/**", "apps/web/e2e/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: true,
    maxWorkers: 2,
  },
});
