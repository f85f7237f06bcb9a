import { describe, expect, it } from "vitest";
import type { RunResult } from "./load.js";
import type { RedisMemoryResult, RssResult } from "./resources.js";
import type { SummaryRow } from "./summary.js";
import { evaluateTargets } from "./targets.js";

function row(
  configuration: SummaryRow["configuration"],
  scenario: SummaryRow["scenario"],
  fields: Partial<SummaryRow>,
): SummaryRow {
  return {
    configuration,
    label: configuration,
    baseline: false,
    scenario,
    rounds: 3,
    rps: { median: 1, min: 1, max: 1 },
    p50Ms: 1,
    p99Ms: 1,
    p99MaxMs: 1,
    failures: 0,
    exhausted: false,
    vsBareHono: null,
    vsBetterAuth: null,
    ...fields,
  };
}

const quietRun: RunResult = {
  rps: 1,
  p50Ms: 1,
  p99Ms: 1,
  requests: 1,
  durationS: 1,
  errors: 0,
  non2xx: 0,
  wrong: 0,
  exhausted: false,
};

const verdicts = (rows: SummaryRow[], memory: RedisMemoryResult | null, rss: RssResult | null) =>
  Object.fromEntries(evaluateTargets(rows, memory, rss).map((t) => [t.target, t.met]));

describe("evaluateTargets", () => {
  it("marks each target met, not met, or not measured", () => {
    const result = verdicts(
      [
        row("otpkit-redis-pg", "check", { vsBareHono: 0.5, p99Ms: 16, vsBetterAuth: 31 }),
        row("otpkit-redis-pg", "issue", { vsBareHono: 0.39 }),
        row("otpkit-sqlite", "check", { vsBareHono: 0.3, p99Ms: 30, vsBetterAuth: null }),
      ],
      {
        configuration: "otpkit-redis-pg",
        codes: 10,
        keysPerCode: 1,
        bytesPerCode: 301,
        usedMemoryBytesPerCode: 280,
      },
      null,
    );
    expect(result).toEqual({
      "Redis + PostgreSQL: check ≥ 0.5× bare Hono": true,
      "Redis + PostgreSQL: check p99 ≤ 15 ms": false,
      "Redis + PostgreSQL: issue ≥ 0.4× bare Hono": false,
      "zero-config SQLite: check ≥ 0.25× bare Hono": true,
      "zero-config SQLite: check p99 ≤ 30 ms": true,
      "zero-config SQLite: check ≥ 30× better-auth": null,
      "Redis + PostgreSQL: check ≥ 30× better-auth": true,
      "Redis: ≤ 300 B per active code": false,
      "server RSS growth < 10 % over 60 s after warm-up": null,
    });
  });

  it("judges Redis memory on the larger of its two figures", () => {
    const memory = (bytesPerCode: number, usedMemoryBytesPerCode: number) =>
      evaluateTargets(
        [],
        {
          configuration: "otpkit-redis-pg",
          codes: 10_000,
          keysPerCode: 1,
          bytesPerCode,
          usedMemoryBytesPerCode,
        },
        null,
      ).find((t) => t.target === "Redis: ≤ 300 B per active code")!;
    expect(memory(264, 328)).toEqual({
      target: "Redis: ≤ 300 B per active code",
      measured: "328 B (MEMORY USAGE 264 B, used_memory Δ 328 B; 1.00 keys per code)",
      met: false,
    });
    expect(memory(264, -50).met).toBe(true);
  });

  it("never marks a row with errors met, whatever its figures", () => {
    const result = evaluateTargets(
      [row("otpkit-redis-pg", "check", { vsBareHono: 0.9, p99Ms: 5, failures: 2 })],
      null,
      {
        configuration: "otpkit-redis-pg",
        warmupS: 1,
        durationS: 5,
        startBytes: 100,
        endBytes: 105,
        peakBytes: 106,
        growthPercent: 5,
        run: { ...quietRun, wrong: 1 },
      },
    );
    const check = result.find((t) => t.target === "Redis + PostgreSQL: check ≥ 0.5× bare Hono")!;
    expect(check).toEqual({ target: check.target, measured: "0.90× (2 errors)", met: false });
    const rss = result.find((t) => t.target.startsWith("server RSS"))!;
    expect(rss.target).toBe("server RSS growth < 10 % over 5 s after warm-up");
    expect(rss.met).toBe(false);
  });
});
