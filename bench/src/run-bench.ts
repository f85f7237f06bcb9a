import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connectRedis, dropPgDatabase, serviceVersions } from "./backends.js";
import type { ConfigurationId } from "./configuration-ids.js";
import { startConfiguration } from "./configurations.js";
import type { BenchOptions } from "./options.js";
import type { BenchResults } from "./report.js";
import { describeMachine } from "./report.js";
import type { RedisMemoryResult, RssResult } from "./resources.js";
import { measureRedisBytesPerCode, measureRssGrowth } from "./resources.js";
import type { Contestant } from "./rounds.js";
import { runRounds } from "./rounds.js";
import { summarize } from "./summary.js";
import { evaluateTargets } from "./targets.js";
import { workloadsFor } from "./workloads.js";

/** The first of `preferred` that runs in this bench. */
function pick(contestants: readonly Contestant[], preferred: readonly ConfigurationId[]) {
  for (const id of preferred) {
    const found = contestants.find((c) => c.target.id === id);
    if (found) return found;
  }
  return undefined;
}

/**
 * The whole bench: starts every configuration of `options.only` as its own process, runs the
 * interleaved rounds, measures Redis bytes per code and the server's RSS growth, stops every
 * process (also on failure), and cleans up its Redis database, PostgreSQL database and files.
 *
 * @returns The results; nothing is printed or written here (see report.ts).
 * @throws {Error} When a service is unreachable, a configuration does not start, or preparing
 *   codes fails; every started process is stopped first.
 * @example
 * const results = await runBench(parseBenchArgs([], process.env)!, console.error);
 */
export async function runBench(
  options: BenchOptions,
  log: (line: string) => void,
): Promise<BenchResults> {
  const redis = await connectRedis(options.redisUrl, options.redisDb);
  const workDir = mkdtempSync(join(tmpdir(), "otpkit-bench-"));
  const contestants: Contestant[] = [];
  const processes: BenchResults["processes"] = [];
  let completed = false;
  try {
    const machine = describeMachine(await serviceVersions(redis, options.pgAdminUrl));
    await redis.flushdb();
    for (const id of options.only) {
      log(`starting ${id}`);
      const target = await startConfiguration(id, { options, workDir });
      contestants.push({ target, workloads: workloadsFor(target, options.connections) });
    }
    const records = await runRounds(contestants, { ...options, log });

    let redisMemory: RedisMemoryResult | null = null;
    const onRedis = pick(contestants, ["otpkit-redis-pg", "otpkit-redis-sqlite"]);
    if (options.memoryCodes > 0 && onRedis) {
      log(`Redis memory: issuing ${options.memoryCodes} codes through ${onRedis.target.id}`);
      redisMemory = await measureRedisBytesPerCode(
        onRedis.target,
        onRedis.workloads,
        redis,
        options.memoryCodes,
      );
      log(`Redis memory: ${Math.round(redisMemory.bytesPerCode)} B per code`);
    }

    let rss: RssResult | null = null;
    const otpkit = pick(contestants, ["otpkit-redis-pg", "otpkit-redis-sqlite", "otpkit-sqlite"]);
    if (options.rssS > 0 && otpkit) {
      log(
        `RSS: ${options.rssWarmupS} s warm-up + ${options.rssS} s of issue-then-check on ${otpkit.target.id}`,
      );
      rss = await measureRssGrowth(otpkit.target, {
        warmupS: options.rssWarmupS,
        durationS: options.rssS,
        connections: options.connections,
      });
      log(`RSS: ${rss.growthPercent.toFixed(1)} % growth`);
    }

    const rows = summarize(records);
    completed = true;
    return {
      generatedAt: new Date().toISOString(),
      machine,
      load: {
        connections: options.connections,
        durationS: options.durationS,
        rounds: options.rounds,
        warmupS: options.warmupS,
      },
      records,
      rows,
      targets: evaluateTargets(rows, redisMemory, rss),
      redisMemory,
      rss,
      processes,
    };
  } finally {
    // `processes` is the same array the results hold: filled before they are returned.
    for (const c of contestants) {
      const exit = await c.target.server.stop();
      processes.push({ configuration: c.target.id, pid: c.target.server.pid, exit });
      log(
        `stopped ${c.target.id} (exit ${exit.code ?? exit.signal}${exit.killed ? ", killed" : ""})`,
      );
    }
    if (options.only.includes("otpkit-redis-pg")) {
      await dropPgDatabase(options.pgAdminUrl, options.pgDatabase);
    }
    await redis.flushdb();
    redis.disconnect();
    if (completed) rmSync(workDir, { recursive: true, force: true });
    else log(`kept ${workDir}: the servers' data and output (<configuration>.log)`);
  }
}
