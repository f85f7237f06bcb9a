import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Reporter, TestModule } from "vitest/node";

/**
 * Writes `{ passed, failed, skipped }` for this vitest run to `$OTPKIT_SUMMARY_DIR/<project>.json`
 * so `.ci/run` can print one plain closing line over all packages. Does nothing without the env var.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): void {
    const dir = process.env.OTPKIT_SUMMARY_DIR;
    if (!dir) return;
    let passed = 0;
    let failed = errors.length;
    let skipped = 0;
    const names = new Set<string>();
    for (const mod of modules) {
      names.add(mod.project.name || "root");
      if (mod.state() === "failed" && [...mod.children.allTests()].length === 0) failed++;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else skipped++;
      }
    }
    mkdirSync(dir, { recursive: true });
    const name = [...names].join("+") || "empty";
    writeFileSync(
      join(dir, `${name.replace(/[^a-z0-9+-]/gi, "_")}-${process.pid}.json`),
      JSON.stringify({ passed, failed, skipped }),
    );
  }
}
