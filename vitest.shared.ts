import { fileURLToPath } from "node:url";
import type { ViteUserConfig } from "vitest/config";
import { defineConfig } from "vitest/config";

const summaryReporter = fileURLToPath(
  new URL("./scripts/vitest-summary-reporter.ts", import.meta.url),
);

/**
 * The one vitest setup every package uses: tests run on sources (the `@otpkit/source`
 * export condition, so no build is needed first) and each run leaves a summary the CI
 * script adds up into its closing `N passed, M failed` line.
 */
export function otpkitProject(name: string, test: ViteUserConfig["test"] = {}): ViteUserConfig {
  return defineConfig({
    // `ssr.resolve.conditions`, not `resolve.conditions`: node-environment tests resolve
    // through the SSR pipeline (verified with vitest 4.1.12).
    ssr: { resolve: { conditions: ["@otpkit/source"] } },
    test: {
      name,
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      reporters: ["default", summaryReporter],
      testTimeout: 20_000,
      hookTimeout: 30_000,
      ...test,
    },
  });
}
