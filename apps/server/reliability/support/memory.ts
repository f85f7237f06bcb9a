import { existsSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";

/** One memory reading of a server process. */
export interface MemorySample {
  /** ms since the load started. */
  at: number;
  /** VmRSS of the process after a full collection, bytes. */
  rss: number;
  /** The used V8 heap after a full collection, bytes. */
  heapUsed: number;
}

/** The environment variable naming the file the GC probe (gc-probe.ts) appends readings to. */
export const GC_PROBE_FILE_ENV = "GC_PROBE_FILE";

/** How a server process is started with the GC probe (gc-probe.ts) loaded into it. */
export function gcProbeOptions(file: string): { nodeArgs: string[]; env: Record<string, string> } {
  const probe = fileURLToPath(new URL("./gc-probe.ts", import.meta.url));
  return { nodeArgs: ["--expose-gc", "--import", probe], env: { [GC_PROBE_FILE_ENV]: file } };
}

function probeLines(file: string): string[] {
  return existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : [];
}

/**
 * Waits until the probe in a freshly started process is listening (its first line).
 *
 * @throws {Error} When it is not within `timeoutMs`.
 */
export async function waitForGcProbe(file: string, timeoutMs = 30_000): Promise<void> {
  for (let waited = 0; probeLines(file).length === 0; waited += 50) {
    if (waited >= timeoutMs) throw new Error(`the GC probe wrote nothing to ${file}`);
    await sleep(50);
  }
}

/**
 * Asks a process started with {@link gcProbeOptions} for a full collection (SIGUSR2) and returns
 * what it holds afterwards: RSS and the used heap once everything collectable was collected.
 *
 * @param at ms since the load started, for the sample.
 * @throws {Error} When the probe writes no reading within 10 s.
 */
export async function sampleAfterGc(pid: number, file: string, at: number): Promise<MemorySample> {
  const before = probeLines(file).length;
  process.kill(pid, "SIGUSR2");
  for (let waited = 0; waited < 10_000; waited += 20) {
    const line = probeLines(file)[before];
    if (line) {
      const reading = JSON.parse(line) as { rss: number; heapUsed: number };
      return { at, rss: reading.rss, heapUsed: reading.heapUsed };
    }
    await sleep(20);
  }
  throw new Error(`the GC probe of process ${pid} wrote no reading to ${file} within 10 s`);
}

/** A window's level: the median, so one odd reading does not decide. */
function level(samples: MemorySample[], field: "rss" | "heapUsed"): number {
  const values = samples.map((s) => s[field]).sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)] ?? 0;
}

/** Growth of RSS and heap between two windows of samples (after warm-up, and at the end). */
export interface MemoryGrowth {
  rssBefore: number;
  rssAfter: number;
  heapBefore: number;
  heapAfter: number;
  /** (after − before) / before, as a fraction. */
  rssGrowth: number;
  heapGrowth: number;
}

/**
 * Compares the median of the samples in `[warmupMs, warmupMs + windowMs)` with the median of the
 * last `windowMs` of samples.
 *
 * @throws {Error} When a window has no samples.
 */
export function memoryGrowth(
  samples: MemorySample[],
  warmupMs: number,
  windowMs: number,
): MemoryGrowth {
  const end = samples.at(-1)?.at ?? 0;
  const first = samples.filter((s) => s.at >= warmupMs && s.at < warmupMs + windowMs);
  const last = samples.filter((s) => s.at > end - windowMs);
  if (first.length === 0 || last.length === 0) {
    throw new Error(`no memory samples in a window (${samples.length} samples, end ${end} ms)`);
  }
  const rssBefore = level(first, "rss");
  const rssAfter = level(last, "rss");
  const heapBefore = level(first, "heapUsed");
  const heapAfter = level(last, "heapUsed");
  return {
    rssBefore,
    rssAfter,
    heapBefore,
    heapAfter,
    rssGrowth: (rssAfter - rssBefore) / rssBefore,
    heapGrowth: (heapAfter - heapBefore) / heapBefore,
  };
}

/** Bytes as MiB with one decimal: "84.2 MiB". */
export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
