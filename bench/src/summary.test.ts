import { describe, expect, it } from "vitest";
import type { RunResult } from "./load.js";
import type { RunRecord } from "./rounds.js";
import { median, summarize } from "./summary.js";

function run(rps: number, extra: Partial<RunResult> = {}): RunResult {
  return {
    rps,
    p50Ms: 2,
    p99Ms: 10,
    requests: rps * 10,
    durationS: 10,
    errors: 0,
    non2xx: 0,
    wrong: 0,
    exhausted: false,
    ...extra,
  };
}

describe("median", () => {
  it("takes the middle, or the mean of the two middles", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(/no values/);
  });
});

describe("summarize", () => {
  const records: RunRecord[] = [
    { round: 1, configuration: "bare-hono", scenario: "check", run: run(10_000) },
    { round: 1, configuration: "otpkit-redis-pg", scenario: "check", run: run(6_000) },
    { round: 1, configuration: "better-auth", scenario: "check", run: run(200) },
    { round: 2, configuration: "bare-hono", scenario: "check", run: run(8_000) },
    {
      round: 2,
      configuration: "otpkit-redis-pg",
      scenario: "check",
      run: run(2_000, { p99Ms: 30, non2xx: 3 }),
    },
    { round: 2, configuration: "better-auth", scenario: "check", run: run(100) },
    { round: 3, configuration: "bare-hono", scenario: "check", run: run(9_000) },
    { round: 3, configuration: "otpkit-redis-pg", scenario: "check", run: run(4_500) },
    { round: 3, configuration: "better-auth", scenario: "check", run: run(300) },
    { round: 1, configuration: "bare-hono", scenario: "issue", run: run(9_000) },
    {
      round: 1,
      configuration: "otpkit-redis-pg",
      scenario: "issue",
      run: run(3_000, { exhausted: true }),
    },
  ];
  const rows = summarize(records);
  const row = (configuration: string, scenario: string) =>
    rows.find((r) => r.configuration === configuration && r.scenario === scenario)!;

  it("lists checks first, then issues, baselines where they belong", () => {
    expect(rows.map((r) => `${r.configuration} ${r.scenario}`)).toEqual([
      "bare-hono check",
      "otpkit-redis-pg check",
      "better-auth check",
      "bare-hono issue",
      "otpkit-redis-pg issue",
    ]);
  });

  it("takes the median of the rounds and ratios to the baseline of the same round", () => {
    const otpkit = row("otpkit-redis-pg", "check");
    expect(otpkit.rps).toEqual({ median: 4_500, min: 2_000, max: 6_000 });
    // Per round: 0.6, 0.25, 0.5 → 0.5.
    expect(otpkit.vsBareHono).toBeCloseTo(0.5);
    // Per round: 30, 20, 15 → 20; not the ratio of the medians (4,500 / 200 = 22.5).
    expect(otpkit.vsBetterAuth).toBeCloseTo(20);
    expect(otpkit.p99Ms).toBe(10);
    expect(otpkit.p99MaxMs).toBe(30);
    expect(otpkit.failures).toBe(3);
  });

  it("has no better-auth ratio for issues, and marks a round that ran out of codes", () => {
    const issue = row("otpkit-redis-pg", "issue");
    expect(issue.vsBetterAuth).toBeNull();
    expect(issue.vsBareHono).toBeCloseTo(1 / 3);
    expect(issue.exhausted).toBe(true);
  });
});
