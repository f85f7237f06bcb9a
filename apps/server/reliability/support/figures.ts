import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Where each test file leaves its figures; set by the global setup for the whole run. */
export const FIGURES_DIR_ENV = "OTPKIT_RELIABILITY_FIGURES";

/** One section of the closing report (and of RELIABILITY.md): a heading and its lines. */
export interface FigureSection {
  /** e.g. "Soak", "Fault: Redis stopped mid-load", "Hostile input: API routes". */
  title: string;
  /** Plain lines, each a figure a reader can check: "requests: 41,230 (137/s over 300 s), 0 5xx". */
  lines: string[];
  /** The same figures as numbers, for latest.json. */
  data?: Record<string, number | string | boolean>;
}

/**
 * Records a section of figures for the closing report of `pnpm test:reliability`. Call it at the
 * end of a test, after its assertions passed (a failed test records nothing).
 *
 * @throws {Error} When run outside `pnpm test:reliability` (no figures folder).
 * @example
 * recordFigures({ title: "Soak", lines: [`requests: ${n}, 0 5xx`], data: { requests: n } });
 */
export function recordFigures(section: FigureSection): void {
  const dir = process.env[FIGURES_DIR_ENV];
  if (!dir)
    throw new Error(`${FIGURES_DIR_ENV} is not set: run the suite with pnpm test:reliability`);
  mkdirSync(dir, { recursive: true });
  const file = `${Date.now()}-${section.title.replace(/[^A-Za-z0-9]+/g, "-").toLowerCase()}.json`;
  writeFileSync(join(dir, file), JSON.stringify(section));
}

/** Every section recorded in `dir`, in the order they were recorded. */
export function readFigures(dir: string): FigureSection[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  } catch {
    return [];
  }
  return files.sort().map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as FigureSection);
}
