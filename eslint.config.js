// Lint rules: typescript-eslint strict with type information, plus the boundary that the web
// app never imports server code.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", "data/**", ".test-data/**", "**/*.js", "**/*.mjs", "**/*.cjs"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ["vitest.config.ts"], defaultProject: "tsconfig.base.json" }, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["apps/web/**/*.ts", "apps/web/**/*.tsx"],
    // End-to-end tests start the real service in-process; the app itself never imports it.
    ignores: ["apps/web/e2e/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@family-story/server", "**/apps/server/**"], message: "The web app never imports server code." }] }],
    },
  },
  {
    // Routes reach data only through the request-scoped data-access layer they are handed.
    files: ["apps/server/src/routes/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["kysely", "pg", "@electric-sql/*", "**/db/*", "../db/**"], message: "Routes use ctx.data (data/data-access.ts), never the database." }] }],
    },
  },
  {
    files: ["packages/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@family-story/server", "**/apps/**"], message: "Packages hold pure domain logic only." }] }],
    },
  },
);
