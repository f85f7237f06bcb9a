import type { ConfigurationId, ScenarioId } from "./configuration-ids.js";
import { ms, times } from "./format.js";
import { failures } from "./load.js";
import type { RedisMemoryResult, RssResult } from "./resources.js";
import type { SummaryRow } from "./summary.js";

/** One target of issue 14 and how this run did. */
export interface TargetResult {
  target: string;
  measured: string;
  /** null: not measured in this run (configuration left out, or the measure skipped). */
  met: boolean | null;
}

/** `met`, `NOT met` or `not measured`. */
export function verdict(met: boolean | null): string {
  return met === null ? "not measured" : met ? "met" : "NOT met";
}

interface RowTarget {
  target: string;
  configuration: ConfigurationId;
  scenario: ScenarioId;
  value: (row: SummaryRow) => number | null;
  show: (value: number) => string;
  ok: (value: number) => boolean;
}

/** The throughput and latency targets (c = 50, fresh valid code per request, same-run baselines). */
const ROW_TARGETS: readonly RowTarget[] = [
  {
    target: "Redis + PostgreSQL: check ≥ 0.5× bare Hono",
    configuration: "otpkit-redis-pg",
    scenario: "check",
    value: (r) => r.vsBareHono,
    show: times,
    ok: (v) => v >= 0.5,
  },
  {
    target: "Redis + PostgreSQL: check p99 ≤ 15 ms",
    configuration: "otpkit-redis-pg",
    scenario: "check",
    value: (r) => r.p99Ms,
    show: ms,
    ok: (v) => v <= 15,
  },
  {
    target: "Redis + PostgreSQL: issue ≥ 0.4× bare Hono",
    configuration: "otpkit-redis-pg",
    scenario: "issue",
    value: (r) => r.vsBareHono,
    show: times,
    ok: (v) => v >= 0.4,
  },
  {
    target: "zero-config SQLite: check ≥ 0.25× bare Hono",
    configuration: "otpkit-sqlite",
    scenario: "check",
    value: (r) => r.vsBareHono,
    show: times,
    ok: (v) => v >= 0.25,
  },
  {
    target: "zero-config SQLite: check p99 ≤ 30 ms",
    configuration: "otpkit-sqlite",
    scenario: "check",
    value: (r) => r.p99Ms,
    show: ms,
    ok: (v) => v <= 30,
  },
  {
    target: "zero-config SQLite: check ≥ 30× better-auth",
    configuration: "otpkit-sqlite",
    scenario: "check",
    value: (r) => r.vsBetterAuth,
    show: times,
    ok: (v) => v >= 30,
  },
  {
    target: "Redis + PostgreSQL: check ≥ 30× better-auth",
    configuration: "otpkit-redis-pg",
    scenario: "check",
    value: (r) => r.vsBetterAuth,
    show: times,
    ok: (v) => v >= 30,
  },
];

/**
 * Marks each target of issue 14 met or not met. A row whose runs had errors does not meet its
 * targets, whatever its figures: an answer that failed is not a fast answer.
 *
 * @example
 * const targets = evaluateTargets(rows, memory, rss);
 */
export function evaluateTargets(
  rows: readonly SummaryRow[],
  memory: RedisMemoryResult | null,
  rss: RssResult | null,
): TargetResult[] {
  const results: TargetResult[] = ROW_TARGETS.map((t) => {
    const row = rows.find((r) => r.configuration === t.configuration && r.scenario === t.scenario);
    const value = row ? t.value(row) : null;
    if (!row || value === null) return { target: t.target, measured: "—", met: null };
    const errors = row.failures > 0 ? ` (${row.failures} errors)` : "";
    return { target: t.target, measured: `${t.show(value)}${errors}`, met: t.ok(value) && !errors };
  });
  // The larger of the two memory figures: MEMORY USAGE misses the key tables' own overhead,
  // used_memory also counts other clients' keys. Both are shown.
  const perCode = memory ? Math.max(memory.bytesPerCode, memory.usedMemoryBytesPerCode) : 0;
  results.push(
    memory
      ? {
          target: "Redis: ≤ 300 B per active code",
          measured: `${Math.round(perCode)} B (MEMORY USAGE ${Math.round(memory.bytesPerCode)} B, used_memory Δ ${Math.round(memory.usedMemoryBytesPerCode)} B; ${memory.keysPerCode.toFixed(2)} keys per code)`,
          met: perCode <= 300,
        }
      : { target: "Redis: ≤ 300 B per active code", measured: "—", met: null },
  );
  const rssTarget = `server RSS growth < 10 % over ${rss?.durationS ?? 60} s after warm-up`;
  const rssErrors = rss ? failures(rss.run) : 0;
  results.push(
    rss
      ? {
          target: rssTarget,
          measured: `${rss.growthPercent.toFixed(1)} % (${mb(rss.startBytes)} → ${mb(rss.endBytes)}, ${rss.configuration})${rssErrors > 0 ? ` (${rssErrors} errors)` : ""}`,
          met: rss.growthPercent < 10 && rssErrors === 0,
        }
      : { target: rssTarget, measured: "—", met: null },
  );
  return results;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}
