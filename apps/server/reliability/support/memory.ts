import { readFileSync } from "node:fs";

/** One memory reading of a server process. */
export interface MemorySample {
  /** ms since the load started. */
  at: number;
  /** VmRSS from /proc/<pid>/status, bytes. */
  rss: number;
  /** `nodejs_heap_size_used_bytes` from the server's /metrics. */
  heapUsed: number;
}

/**
 * Reads a process's resident set (Linux /proc) and its used V8 heap (its own /metrics).
 *
 * @throws {Error} When /proc has no such process or /metrics has no heap figure.
 * @example
 * const sample = await sampleMemory(server.pid, server.url, 0);
 */
export async function sampleMemory(pid: number, url: string, at: number): Promise<MemorySample> {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  if (!kb) throw new Error(`/proc/${pid}/status has no VmRSS`);
  const metrics = await (await fetch(`${url}/metrics`)).text();
  const heap = /^nodejs_heap_size_used_bytes\s+([0-9.e+]+)/m.exec(metrics)?.[1];
  if (!heap) throw new Error("/metrics has no nodejs_heap_size_used_bytes");
  return { at, rss: Number(kb) * 1024, heapUsed: Number(heap) };
}

/** A window's level: the median, so one reading taken just before a GC does not decide. */
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
