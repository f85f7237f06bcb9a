import { describe, expect, it } from "vitest";
import { renderMarkdown, renderText } from "./table.js";

const cells = {
  head: ["configuration", "req/s"],
  numeric: [false, true],
  rows: [
    ["bare | Hono", "12,000"],
    ["otpkit", "900"],
  ],
};

describe("renderText", () => {
  it("pads text left and numbers right under a rule", () => {
    expect(renderText(cells).split("\n")).toEqual([
      "configuration   req/s",
      "-------------  ------",
      "bare | Hono    12,000",
      "otpkit            900",
    ]);
  });
});

describe("renderMarkdown", () => {
  it("writes a GitHub table with numbers right-aligned and pipes escaped", () => {
    expect(renderMarkdown(cells).split("\n")).toEqual([
      "| configuration | req/s |",
      "|---|---:|",
      "| bare \\| Hono | 12,000 |",
      "| otpkit | 900 |",
    ]);
  });
});
