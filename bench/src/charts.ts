import type { ScenarioId } from "./configuration-ids.js";
import { ms, whole } from "./format.js";
import type { SummaryRow } from "./summary.js";
import type { BarGroup } from "./svg-chart.js";
import { renderBarChart } from "./svg-chart.js";

const SCENARIO_TITLES: Record<ScenarioId, string> = {
  check: "check — a fresh valid code per request",
  issue: "issue — a new code to a test recipient (no delivery)",
};

const flagged = (r: SummaryRow) => r.failures > 0 || r.exhausted;

/** Explains the `*` of a flagged value, when a chart has one. */
function footnote(rows: readonly SummaryRow[]): { footnote?: string } {
  return rows.some(flagged)
    ? { footnote: "* errors in a round, or a round that ran out of prepared codes (see the table)" }
    : {};
}

function groups(
  rows: readonly SummaryRow[],
  value: (row: SummaryRow) => number,
  show: (row: SummaryRow) => string,
): BarGroup[] {
  return (["check", "issue"] as const).flatMap((scenario) => {
    const bars = rows
      .filter((r) => r.scenario === scenario)
      .map((r) => ({
        label: r.label,
        value: value(r),
        // `*`: the row had errors or ran out of codes, as in the table.
        valueLabel: `${show(r)}${flagged(r) ? " *" : ""}`,
        baseline: r.baseline,
      }));
    return bars.length > 0 ? [{ title: SCENARIO_TITLES[scenario], bars }] : [];
  });
}

/**
 * Requests per second (median of the rounds) per configuration and scenario, as SVG.
 *
 * @example
 * writeFileSync("throughput.svg", throughputChart(rows, "c = 50, 10 s × 3 rounds"));
 */
export function throughputChart(rows: readonly SummaryRow[], load: string): string {
  return renderBarChart({
    title: "Throughput: requests per second (higher is better)",
    subtitle: `Median of the rounds; ${load}`,
    groups: groups(
      rows,
      (r) => r.rps.median,
      (r) => `${whole(r.rps.median)} req/s`,
    ),
    ...footnote(rows),
  });
}

/**
 * p99 latency (median of the rounds) per configuration and scenario, as SVG.
 *
 * @example
 * writeFileSync("p99.svg", p99Chart(rows, "c = 50, 10 s × 3 rounds"));
 */
export function p99Chart(rows: readonly SummaryRow[], load: string): string {
  return renderBarChart({
    title: "Latency: p99 in milliseconds (lower is better)",
    subtitle: `Median of the rounds' p99; ${load}`,
    groups: groups(
      rows,
      (r) => r.p99Ms,
      (r) => ms(r.p99Ms),
    ),
  });
}
