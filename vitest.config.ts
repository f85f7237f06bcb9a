import { defineConfig } from "vitest/config";

// Every package's own vitest.config.ts is a project: `npx vitest run` here runs them all (handy in
// an editor); `pnpm test` runs them through turbo, one package per task.
export default defineConfig({
  test: {
    projects: [
      "packages/*/vitest.config.ts",
      "apps/*/vitest.config.ts",
      "examples/vitest.config.ts",
    ],
  },
});
