import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { GRAPH_ERROR_TABLE } from "../src/index.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

test("the README's error table lists every code of GRAPH_ERROR_TABLE with its class", () => {
  const rows = [...readme.matchAll(/^\|\s*(\d+)\s*\|\s*([A-Z_]+)\s*\|\s*(yes|no)\s*\|/gm)].map(
    (m) => [Number(m[1]), m[2], m[3] === "yes"],
  );
  const table = Object.entries(GRAPH_ERROR_TABLE).map(([code, cls]) => [
    Number(code),
    cls.code,
    cls.retryable,
  ]);
  const byCode = (a: unknown[], b: unknown[]) => Number(a[0]) - Number(b[0]);
  expect(rows.sort(byCode)).toEqual(table.sort(byCode));
});

test("the quick start is at most 15 lines", () => {
  const quickStart = readFileSync(new URL("../examples/quick-start.ts", import.meta.url), "utf8");
  expect(quickStart.trim().split("\n").length).toBeLessThanOrEqual(15);
});
