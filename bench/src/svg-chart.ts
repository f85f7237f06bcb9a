/** One bar: a configuration's figure. Baselines are drawn grey, otpkit blue. */
export interface Bar {
  label: string;
  value: number;
  /** Printed after the bar, e.g. `4,321 req/s`. */
  valueLabel: string;
  baseline: boolean;
}

/** Bars under a heading (a scenario). */
export interface BarGroup {
  title: string;
  bars: readonly Bar[];
}

/** A horizontal bar chart: one scale for every group, so bars compare across groups. */
export interface BarChart {
  title: string;
  /** A second line: the unit, the load, "lower is better". */
  subtitle: string;
  groups: readonly BarGroup[];
  /** A last line under the bars (what a mark on a value means), if any. */
  footnote?: string;
}

const WIDTH = 960;
const LABEL_WIDTH = 400;
const VALUE_WIDTH = 130;
const ROW = 26;
const BAR = 16;
const OTPKIT = "#2563eb";
const BASELINE = "#9ca3af";

/** Text for SVG: `&`, `<`, `>` and quotes as entities. */
export function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

function text(x: number, y: number, content: string, attributes = ""): string {
  return `<text x="${x}" y="${y}"${attributes ? ` ${attributes}` : ""}>${escapeXml(content)}</text>`;
}

/**
 * Renders a chart as a standalone SVG document (no scripts, no external resources), with each
 * bar's value printed next to it and a legend telling baselines from otpkit.
 *
 * @example
 * writeFileSync("throughput.svg", renderBarChart({ title: "Check throughput", subtitle: "req/s", groups }));
 */
export function renderBarChart(chart: BarChart): string {
  const max = Math.max(1e-9, ...chart.groups.flatMap((g) => g.bars.map((b) => b.value)));
  const scale = (WIDTH - LABEL_WIDTH - VALUE_WIDTH - 20) / max;
  const parts: string[] = [];
  let y = 78;
  for (const group of chart.groups) {
    parts.push(text(12, y, group.title, 'font-weight="600"'));
    y += ROW - 6;
    for (const bar of group.bars) {
      const width = Math.max(1, bar.value * scale);
      const fill = bar.baseline ? BASELINE : OTPKIT;
      parts.push(
        text(LABEL_WIDTH - 8, y + BAR - 3, bar.label, 'text-anchor="end"'),
        `<rect x="${LABEL_WIDTH}" y="${y}" width="${width.toFixed(1)}" height="${BAR}" fill="${fill}" rx="2"/>`,
        text(LABEL_WIDTH + width + 6, y + BAR - 3, bar.valueLabel),
      );
      y += ROW;
    }
    y += 18;
  }
  if (chart.footnote) {
    parts.push(text(12, y, chart.footnote, 'fill="#4b5563" font-size="12"'));
    y += 12;
  }
  const height = y + 4;
  const legend = [
    `<rect x="${WIDTH - 250}" y="40" width="12" height="12" fill="${OTPKIT}"/>`,
    text(WIDTH - 232, 50, "otpkit"),
    `<rect x="${WIDTH - 170}" y="40" width="12" height="12" fill="${BASELINE}"/>`,
    text(WIDTH - 152, 50, "baseline"),
  ];
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="13" fill="#111827">`,
    `<title>${escapeXml(chart.title)}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    text(12, 26, chart.title, 'font-size="17" font-weight="700"'),
    text(12, 48, chart.subtitle, 'fill="#4b5563"'),
    ...legend,
    ...parts,
    "</svg>",
    "",
  ].join("\n");
}
