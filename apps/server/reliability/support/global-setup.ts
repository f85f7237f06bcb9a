import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FIGURES_DIR_ENV, readFigures } from "./figures.js";

/** reliability/results: latest.json of the last run (RELIABILITY.md is written from it). */
const RESULTS = fileURLToPath(new URL("../results/", import.meta.url));

/**
 * Gives the run a figures folder, and at the end prints every recorded section (the closing
 * report) and writes it to reliability/results/latest.json.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), "otpkit-reliability-"));
  process.env[FIGURES_DIR_ENV] = dir;
  const started = Date.now();
  return () => {
    const sections = readFigures(dir);
    const seconds = Math.round((Date.now() - started) / 1000);
    const out = [`\notpkit reliability: ${sections.length} sections in ${seconds} s`];
    for (const s of sections) out.push(`\n## ${s.title}`, ...s.lines.map((l) => `- ${l}`));
    console.log(out.join("\n"));
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(
      join(RESULTS, "latest.json"),
      `${JSON.stringify({ finishedAt: new Date().toISOString(), seconds, sections }, null, 2)}\n`,
    );
    rmSync(dir, { recursive: true, force: true });
  };
}
