import { ms, times, whole } from "./format.js";
import type { SummaryRow } from "./summary.js";
import type { TargetResult } from "./targets.js";
import { verdict } from "./targets.js";

/** A table as cells: the head, the rows, and which columns are numbers (right-aligned). */
export interface Cells {
  head: readonly string[];
  rows: ReadonlyArray<readonly string[]>;
  numeric: readonly boolean[];
}

/** A ratio to a baseline; the baseline's own row reads 1. */
const ratio = (n: number | null, self: boolean): string => (self ? "1" : times(n));

/**
 * The results table: req/s (median of the rounds, their range; `*` marks rows with errors or
 * a round that ran out of codes), p50, p99, errors, and the ratios to the same-round baselines.
 *
 * @example
 * console.log(renderText(resultCells(rows)));
 */
export function resultCells(rows: readonly SummaryRow[]): Cells {
  return {
    head: [
      "configuration",
      "scenario",
      "req/s (min–max)",
      "p50",
      "p99",
      "errors",
      "vs bare Hono",
      "vs better-auth",
    ],
    numeric: [false, false, true, true, true, true, true, true],
    rows: rows.map((r) => [
      r.label,
      r.scenario,
      `${whole(r.rps.median)} (${whole(r.rps.min)}–${whole(r.rps.max)})${r.failures > 0 || r.exhausted ? " *" : ""}`,
      ms(r.p50Ms),
      ms(r.p99Ms),
      `${r.failures}${r.exhausted ? " (ran out of codes)" : ""}`,
      ratio(r.vsBareHono, r.configuration === "bare-hono"),
      r.scenario === "check" ? ratio(r.vsBetterAuth, r.configuration === "better-auth") : "—",
    ]),
  };
}

/**
 * The targets of issue 14, each `met`, `NOT met` or `not measured`.
 *
 * @example
 * console.log(renderText(targetCells(targets)));
 */
export function targetCells(targets: readonly TargetResult[]): Cells {
  return {
    head: ["target", "measured", ""],
    numeric: [false, false, false],
    rows: targets.map((t) => [t.target, t.measured, verdict(t.met)]),
  };
}

/**
 * Fixed-width text for a terminal.
 *
 * @example
 * renderText({ head: ["a", "n"], rows: [["x", "1"]], numeric: [false, true] });
 */
export function renderText(cells: Cells): string {
  const widths = cells.head.map((h, i) =>
    Math.max(h.length, ...cells.rows.map((row) => (row[i] ?? "").length)),
  );
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => (cells.numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(cells.head), rule, ...cells.rows.map(line)].join("\n");
}

/**
 * A GitHub-flavoured Markdown table (pipes in cells escaped).
 *
 * @example
 * renderMarkdown({ head: ["a", "n"], rows: [["x", "1"]], numeric: [false, true] });
 */
export function renderMarkdown(cells: Cells): string {
  const line = (row: readonly string[]) =>
    `| ${row.map((cell) => cell.replaceAll("|", "\\|")).join(" | ")} |`;
  const align = cells.numeric.map((n) => (n ? "---:" : "---"));
  return [line(cells.head), `|${align.join("|")}|`, ...cells.rows.map(line)].join("\n");
}
