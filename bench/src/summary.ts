import type { ConfigurationId, ScenarioId } from "./configuration-ids.js";
import { CONFIGURATION_IDS, CONFIGURATION_INFO } from "./configuration-ids.js";
import { failures } from "./load.js";
import type { RunRecord } from "./rounds.js";

/** One configuration and scenario over every round. */
export interface SummaryRow {
  configuration: ConfigurationId;
  label: string;
  baseline: boolean;
  scenario: ScenarioId;
  rounds: number;
  /** Requests per second: the median of the rounds, and their range. */
  rps: { median: number; min: number; max: number };
  /** Medians of the rounds' p50 and p99, in ms, and the worst round's p99. */
  p50Ms: number;
  p99Ms: number;
  p99MaxMs: number;
  /** Connection errors, non-2xx and wrong outcomes over all rounds. */
  failures: number;
  /** A round ran out of prepared codes (ended early). */
  exhausted: boolean;
  /** Median over rounds of (this req/s ÷ bare Hono's req/s, same scenario, same round). */
  vsBareHono: number | null;
  /** Median over rounds of (this req/s ÷ better-auth's check req/s, same round); checks only. */
  vsBetterAuth: number | null;
}

/**
 * The middle value; the mean of the two middles for an even count.
 *
 * @throws {Error} When `values` is empty.
 * @example
 * median([3, 1, 2]); // 2
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function ratio(
  records: readonly RunRecord[],
  mine: readonly RunRecord[],
  baseline: ConfigurationId,
  scenario: ScenarioId,
): number | null {
  const ratios = mine.flatMap((r) => {
    const base = records.find(
      (b) => b.configuration === baseline && b.scenario === scenario && b.round === r.round,
    );
    return base && base.run.rps > 0 ? [r.run.rps / base.run.rps] : [];
  });
  return ratios.length > 0 ? median(ratios) : null;
}

/**
 * Folds the timed runs into one row per configuration and scenario: checks first, then issues,
 * each in {@link CONFIGURATION_IDS} order.
 *
 * @example
 * const rows = summarize(records);
 */
export function summarize(records: readonly RunRecord[]): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const scenario of ["check", "issue"] as const) {
    for (const configuration of CONFIGURATION_IDS) {
      const mine = records.filter(
        (r) => r.configuration === configuration && r.scenario === scenario,
      );
      if (mine.length === 0) continue;
      const rps = mine.map((r) => r.run.rps);
      rows.push({
        configuration,
        label: CONFIGURATION_INFO[configuration].label,
        baseline: CONFIGURATION_INFO[configuration].baseline,
        scenario,
        rounds: mine.length,
        rps: { median: median(rps), min: Math.min(...rps), max: Math.max(...rps) },
        p50Ms: median(mine.map((r) => r.run.p50Ms)),
        p99Ms: median(mine.map((r) => r.run.p99Ms)),
        p99MaxMs: Math.max(...mine.map((r) => r.run.p99Ms)),
        failures: mine.reduce((sum, r) => sum + failures(r.run), 0),
        exhausted: mine.some((r) => r.run.exhausted),
        vsBareHono: ratio(records, mine, "bare-hono", scenario),
        vsBetterAuth: scenario === "check" ? ratio(records, mine, "better-auth", "check") : null,
      });
    }
  }
  return rows;
}
