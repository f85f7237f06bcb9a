import { describe, expect, it } from "vitest";
import { rootOf } from "../test/support/well-formed-xml.js";
import { escapeXml, renderBarChart } from "./svg-chart.js";

describe("renderBarChart", () => {
  const svg = renderBarChart({
    title: "Throughput <req/s> & more",
    subtitle: `c = 50 "quoted" 'too'`,
    groups: [
      {
        title: "check",
        bars: [
          {
            label: "bare Hono <baseline>",
            value: 10_000,
            valueLabel: "10,000 req/s",
            baseline: true,
          },
          { label: "otpkit & Redis", value: 5_000, valueLabel: "5,000 req/s", baseline: false },
        ],
      },
      {
        title: "issue",
        bars: [{ label: "otpkit", value: 0, valueLabel: "0 req/s", baseline: false }],
      },
    ],
    footnote: "* errors & retries",
  });

  it("is a well-formed SVG document, whatever the labels hold", () => {
    expect(rootOf(svg)).toBe("svg");
    expect(svg).toContain("otpkit &amp; Redis");
    expect(svg).toContain("bare Hono &lt;baseline&gt;");
    expect(svg).toContain("* errors &amp; retries");
  });

  it("draws bars on one scale, baselines grey, and prints every value", () => {
    const widths = [
      ...svg.matchAll(/<rect x="400" y="\d+" width="([\d.]+)" height="16" fill="(#[0-9a-f]+)"/g),
    ].map((m) => [Number(m[1]), m[2]] as const);
    expect(widths).toHaveLength(3);
    expect(widths[0]![0]).toBeCloseTo(widths[1]![0] * 2, 0);
    expect(widths[0]![1]).toBe("#9ca3af");
    expect(widths[1]![1]).toBe("#2563eb");
    expect(widths[2]![0]).toBe(1); // a zero still shows as a sliver
    for (const value of ["10,000 req/s", "5,000 req/s", "0 req/s"]) expect(svg).toContain(value);
  });
});

describe("escapeXml", () => {
  it("escapes the five XML specials", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;",
    );
  });
});
