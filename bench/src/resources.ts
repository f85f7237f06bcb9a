import type { Redis } from "ioredis";
import { rssBytes } from "./child-process.js";
import type { Target } from "./configurations.js";
import type { RunResult } from "./load.js";
import { drive } from "./load.js";
import { createNames } from "./requests.js";
import type { ConfigurationWorkloads } from "./workloads.js";
import { otpkitCycle } from "./workloads-otpkit.js";

/** Redis memory held per active code, measured two ways. */
export interface RedisMemoryResult {
  configuration: string;
  codes: number;
  /** Keys the codes added (records, per-destination quota counters, …) per code. */
  keysPerCode: number;
  /** Sum of `MEMORY USAGE <key> SAMPLES 0` over the added keys, per code: exact, ours only. */
  bytesPerCode: number;
  /**
   * `INFO memory` used_memory after minus before, per code: includes the key tables' overhead,
   * but the whole server's, so other clients of this Redis add noise.
   */
  usedMemoryBytesPerCode: number;
}

async function keysUnder(redis: Redis, prefix: string): Promise<Set<string>> {
  const keys = new Set<string>();
  let cursor = "0";
  do {
    const [next, batch] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1_000);
    cursor = next;
    for (const key of batch) keys.add(key);
  } while (cursor !== "0");
  return keys;
}

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info("memory");
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? Number.NaN);
}

async function memoryUsage(redis: Redis, keys: readonly string[]): Promise<number> {
  let total = 0;
  for (let i = 0; i < keys.length; i += 1_000) {
    const pipeline = redis.pipeline();
    for (const key of keys.slice(i, i + 1_000))
      pipeline.call("MEMORY", "USAGE", key, "SAMPLES", "0");
    for (const [error, bytes] of (await pipeline.exec()) ?? []) {
      if (error) throw error;
      total += Number(bytes ?? 0);
    }
  }
  return total;
}

/**
 * Issues `codes` codes (distinct subjects and addresses, none checked) through an otpkit Redis
 * configuration and reports what they hold in Redis.
 *
 * @throws {Error} When the target has no Redis prefix, or issuing fails.
 * @example
 * const memory = await measureRedisBytesPerCode(target, workloads, redis, 10_000);
 */
export async function measureRedisBytesPerCode(
  target: Target,
  workloads: ConfigurationWorkloads,
  redis: Redis,
  codes: number,
): Promise<RedisMemoryResult> {
  const prefix = target.redisPrefix;
  if (!prefix) throw new Error(`${target.id} keeps no OTP state in Redis`);
  const before = await keysUnder(redis, prefix);
  const memoryBefore = await usedMemory(redis);
  await workloads.prepare(workloads.ready() + codes);
  const memoryAfter = await usedMemory(redis);
  const added = [...(await keysUnder(redis, prefix))].filter((key) => !before.has(key));
  return {
    configuration: target.id,
    codes,
    keysPerCode: added.length / codes,
    bytesPerCode: (await memoryUsage(redis, added)) / codes,
    usedMemoryBytesPerCode: (memoryAfter - memoryBefore) / codes,
  };
}

/** The server's resident memory over a long run. */
export interface RssResult {
  configuration: string;
  warmupS: number;
  durationS: number;
  /** VmRSS when the warm-up ended, and when the run ended (under load both times). */
  startBytes: number;
  endBytes: number;
  peakBytes: number;
  /** (end − start) / start, in per cent. */
  growthPercent: number;
  run: RunResult;
}

/**
 * Drives issue-then-check cycles for `warmupS + durationS` seconds and reads the server's VmRSS
 * each second; the growth is from the end of the warm-up to the end of the run.
 *
 * @throws {Error} When the process is gone (no /proc entry).
 * @example
 * const rss = await measureRssGrowth(target, { warmupS: 10, durationS: 60, connections: 50 });
 */
export async function measureRssGrowth(
  target: Target,
  options: { warmupS: number; durationS: number; connections: number },
): Promise<RssResult> {
  const started = Date.now();
  const samples: Array<{ atS: number; bytes: number }> = [];
  const sample = () =>
    samples.push({ atS: (Date.now() - started) / 1000, bytes: rssBytes(target.server.pid) });
  const timer = setInterval(sample, 1_000);
  let run: RunResult;
  try {
    run = await drive(
      target.server.url,
      options.connections,
      { durationS: options.warmupS + options.durationS },
      otpkitCycle(target, createNames()),
    );
  } finally {
    clearInterval(timer);
  }
  const measured = samples.filter((s) => s.atS >= options.warmupS);
  const start = measured[0]?.bytes ?? rssBytes(target.server.pid);
  const end = measured.at(-1)?.bytes ?? start;
  return {
    configuration: target.id,
    warmupS: options.warmupS,
    durationS: options.durationS,
    startBytes: start,
    endBytes: end,
    peakBytes: Math.max(start, ...measured.map((s) => s.bytes)),
    growthPercent: ((end - start) / start) * 100,
    run,
  };
}
