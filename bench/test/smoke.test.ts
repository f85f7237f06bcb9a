import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONFIGURATION_IDS, CONFIGURATION_INFO } from "../src/configuration-ids.js";
import { BENCH_DIR } from "../src/configurations.js";
import type { BenchResults } from "../src/report.js";
import { rootOf } from "./support/well-formed-xml.js";

// `pnpm bench:http` end to end, as short as it goes: every configuration starts as its own
// process (the built server, on the real Redis and PostgreSQL), answers, and stops. The figures
// are not judged (no timing assertions); that the script works is.

const outDir = mkdtempSync(join(tmpdir(), "otpkit-bench-smoke-"));
let stdout = "";
let stderr = "";
let exitCode: number | null = null;
let results: BenchResults;

beforeAll(async () => {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "src/main.ts",
      ...["--duration", "2", "--connections", "4", "--rounds", "1", "--warmup", "1"],
      ...["--rss", "2", "--rss-warmup", "1", "--memory-codes", "100"],
      // Its own Redis database and PostgreSQL database: a full bench may run beside it.
      ...["--redis-db", "15", "--pg-database", "otpkit_bench_smoke", "--out", outDir],
    ],
    { cwd: BENCH_DIR, env: process.env, stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  exitCode = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (exitCode !== 0) throw new Error(`pnpm bench:http exited ${exitCode}:\n${stderr}\n${stdout}`);
  results = JSON.parse(readFileSync(join(outDir, "latest.json"), "utf8")) as BenchResults;
}, 280_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

describe("pnpm bench:http (smoke: 2 s runs, 4 connections, 1 round)", () => {
  it("started and stopped every configuration, each exiting cleanly on SIGTERM", () => {
    expect(results.processes.map((p) => p.configuration)).toEqual([...CONFIGURATION_IDS]);
    for (const p of results.processes) {
      expect(p.exit, p.configuration).toEqual({ code: 0, signal: null, killed: false });
      // Gone, not merely signalled.
      expect(() => process.kill(p.pid, 0), p.configuration).toThrow(/ESRCH/);
    }
  });

  it("ran every configuration's scenarios, answered 2xx with the right outcome", () => {
    const ran = results.records.map((r) => `${r.configuration} ${r.scenario}`).sort();
    const expected = CONFIGURATION_IDS.flatMap((id) =>
      CONFIGURATION_INFO[id].scenarios.map((s) => `${id} ${s}`),
    ).sort();
    expect(ran).toEqual(expected);
    for (const { configuration, scenario, run } of results.records) {
      const name = `${configuration} ${scenario}`;
      expect(run.requests, name).toBeGreaterThan(0);
      expect({ errors: run.errors, non2xx: run.non2xx, wrong: run.wrong }, name).toEqual({
        errors: 0,
        non2xx: 0,
        wrong: 0,
      });
    }
  });

  it("measured Redis bytes per code and the server's RSS", () => {
    expect(results.redisMemory?.codes).toBe(100);
    expect(results.redisMemory?.bytesPerCode).toBeGreaterThan(0);
    expect(results.rss?.startBytes).toBeGreaterThan(0);
    expect(results.rss?.run.requests).toBeGreaterThan(0);
  });

  it("printed the table and every target, met or NOT met", () => {
    expect(stdout).toMatch(/^configuration +scenario +req\/s \(min–max\) +p50 +p99 +errors/m);
    for (const id of CONFIGURATION_IDS) expect(stdout).toContain(CONFIGURATION_INFO[id].label);
    expect(results.targets).toHaveLength(9);
    for (const target of results.targets) {
      expect(target.met, target.target).not.toBeNull();
      expect(stdout).toMatch(
        new RegExp(`${target.target.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} .*(met|NOT met)$`, "m"),
      );
    }
  });

  it("wrote the Markdown fragment and two well-formed SVG charts", () => {
    const markdown = readFileSync(join(outDir, "latest.md"), "utf8");
    expect(markdown).toContain("| configuration | scenario |");
    expect(markdown).toContain("![Throughput per configuration](throughput.svg)");
    for (const chart of ["throughput.svg", "p99.svg"]) {
      const svg = readFileSync(join(outDir, chart), "utf8");
      expect(rootOf(svg), chart).toBe("svg");
      for (const id of CONFIGURATION_IDS) expect(svg).toContain(CONFIGURATION_INFO[id].label);
    }
  });
});
