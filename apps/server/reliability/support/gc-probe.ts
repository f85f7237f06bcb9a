import { appendFileSync, readFileSync } from "node:fs";
import { GC_PROBE_FILE_ENV } from "./memory.js";

// Loaded into the soak's server process only (`node --expose-gc --import <this file>`, see
// memory.ts): it is test support, never part of the server. On SIGUSR2 it runs two full
// garbage collections (the second one after the event loop turned, so objects the first one
// finalized are gone too) and appends one line of JSON to the file GC_PROBE_FILE names: what the
// process holds once everything collectable was collected. A leak grows that figure; the heap's
// saw-tooth between collections does not.

const file = process.env[GC_PROBE_FILE_ENV];
const gc = (globalThis as { gc?: () => void }).gc;
if (!file) throw new Error(`gc-probe: set ${GC_PROBE_FILE_ENV} to the file it writes to`);
if (!gc) throw new Error("gc-probe: start node with --expose-gc");

/** VmRSS of this process, bytes (Linux /proc). */
function residentBytes(): number {
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
  return Number(kb ?? Number.NaN) * 1024;
}

process.on("SIGUSR2", () => {
  gc();
  setImmediate(() => {
    gc();
    const { heapUsed, heapTotal, external } = process.memoryUsage();
    const line = { at: Date.now(), rss: residentBytes(), heapUsed, heapTotal, external };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  });
});
// Ready: a signal sent before the handler above was installed would end the process.
appendFileSync(file, `${JSON.stringify({ ready: Date.now() })}\n`);
