/// <reference types="node" />
// The profiling child of `pnpm bench` (also runnable alone:
// `node --conditions=@otpkit/source --import tsx bench/profile.ts noble 3000`).
// It warms the engine up, then records a V8 CPU profile — the same sampler as `node --cpu-prof`,
// started through node:inspector so that start-up and module loading stay out of it — of issue +
// verify cycles only, and prints the folded breakdown as JSON on stdout. With a third argument
// it also writes the raw `.cpuprofile` there (open it in Chrome DevTools).
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import type { CpuProfile } from "./breakdown.js";
import { breakdown } from "./breakdown.js";
import type { HmacChoice } from "./setup.js";
import { benchEngine, cycler } from "./setup.js";

const choice = (process.argv[2] ?? "noble") as HmacChoice;
const ms = Number(process.argv[3] ?? 3_000);
const out = process.argv[4];

const next = cycler(benchEngine(choice));
async function run(duration: number): Promise<number> {
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < duration) {
    for (let i = 0; i < 20; i++) await next();
    n += 20;
  }
  return n / ((performance.now() - start) / 1_000);
}

await run(1_000);
const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.setSamplingInterval", { interval: 200 });
await session.post("Profiler.start");
const rate = await run(ms);
const { profile } = await session.post("Profiler.stop");
session.disconnect();
if (out) writeFileSync(out, JSON.stringify(profile));
const parts = breakdown(profile as CpuProfile, `${choice} HMAC`);
process.stdout.write(`${JSON.stringify({ choice, rate, parts })}\n`);
