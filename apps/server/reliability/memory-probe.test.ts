import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { SERVER_DIR } from "../test/support/processes.js";
import type { MemorySample } from "./support/memory.js";
import { gcProbeOptions, memoryGrowth, sampleAfterGc, waitForGcProbe } from "./support/memory.js";

// The soak's memory check has teeth: the same probe and the same comparison tell a process that
// keeps what it allocates from one that only churns garbage at the same rate.

const dir = mkdtempSync(join(tmpdir(), "otpkit-memory-probe-"));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

/** About 4 MiB of small objects every 100 ms, kept (`leak`) or dropped at once. */
function program(leak: boolean): string {
  return `const kept = [];
setInterval(() => {
  const batch = Array.from({ length: 50_000 }, (_, i) => ({ i, s: "x" + i }));
  if (${leak}) kept.push(batch);
}, 100);`;
}

async function growthOf(leak: boolean) {
  const file = join(dir, `${leak ? "leak" : "churn"}.jsonl`);
  const probe = gcProbeOptions(file);
  const child = spawn(
    process.execPath,
    ["--import", "tsx", ...probe.nodeArgs, "--input-type=module", "-e", program(leak)],
    { cwd: SERVER_DIR, env: { ...process.env, ...probe.env }, stdio: "ignore" },
  );
  children.push(child);
  await waitForGcProbe(file);
  const samples: MemorySample[] = [];
  const started = Date.now();
  for (let i = 0; i < 8; i++) {
    samples.push(await sampleAfterGc(child.pid!, file, Date.now() - started));
    await sleep(500);
  }
  child.kill("SIGKILL");
  return memoryGrowth(samples, 0, 2_000);
}

describe("the soak's memory check (a full GC, then RSS and heap)", () => {
  it("passes a process that only churns garbage, and fails one that keeps it", async () => {
    const [churn, leak] = await Promise.all([growthOf(false), growthOf(true)]);
    expect(churn.heapGrowth).toBeLessThan(0.1);
    expect(churn.rssGrowth).toBeLessThan(0.1);
    expect(leak.heapGrowth).toBeGreaterThan(0.1);
    expect(leak.rssGrowth).toBeGreaterThan(0.1);
  });
});
