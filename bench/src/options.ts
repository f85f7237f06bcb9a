import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { ConfigurationId } from "./configuration-ids.js";
import { CONFIGURATION_IDS } from "./configuration-ids.js";

/** Everything a bench run is told: durations, load, which services, where results go. */
export interface BenchOptions {
  /** Seconds of each timed run. */
  durationS: number;
  /** Concurrent connections of each run. */
  connections: number;
  /** Interleaved rounds over every configuration. */
  rounds: number;
  /** Seconds of untimed load per configuration and scenario before round 1 (0: none). */
  warmupS: number;
  /** Seconds of the RSS-growth run (0: skipped). */
  rssS: number;
  /** Seconds of load before the RSS run's first reading. */
  rssWarmupS: number;
  /** Codes issued to measure Redis bytes per active code (0: skipped). */
  memoryCodes: number;
  /** The configurations to run, in table order. */
  only: readonly ConfigurationId[];
  /** Redis without a database number; the bench uses `redisDb` and FLUSHes it. */
  redisUrl: string;
  redisDb: number;
  /** A PostgreSQL database the bench can connect to, to create and drop `pgDatabase`. */
  pgAdminUrl: string;
  pgDatabase: string;
  /** Where latest.json, latest.md and the SVG charts are written. */
  outDir: string;
  /** The otpkit server's LOG_LEVEL (its default: info, one access line per request). */
  logLevel: string;
}

export const USAGE = `Usage: pnpm bench:http [options]

  --duration <s>      seconds of each timed run (default 10)
  --connections <n>   concurrent connections (default 50)
  --rounds <n>        interleaved rounds over every configuration (default 3)
  --warmup <s>        untimed load per configuration and scenario before round 1 (default 3; 0: none)
  --rss <s>           seconds of the RSS-growth run on Redis + PostgreSQL (default 60; 0: skip)
  --rss-warmup <s>    load before the RSS run's first reading (default 10)
  --memory-codes <n>  codes issued to measure Redis bytes per active code (default 10000; 0: skip)
  --only <ids>        comma-separated subset of: ${CONFIGURATION_IDS.join(", ")}
  --redis-db <n>      Redis database the bench FLUSHes and uses (default 14)
  --pg-database <name> PostgreSQL database the bench drops and recreates (default otpkit_bench)
  --out <dir>         where results go (default bench/results)
  --log-level <lvl>   the otpkit server's LOG_LEVEL (default info, as in production)
  --help              this text

Environment: REDIS_URL (default redis://127.0.0.1:6379), DATABASE_URL (an admin connection,
default postgres://postgres@127.0.0.1:5432/postgres).`;

/** A command-line mistake: the message names the flag and what it takes. */
export class UsageError extends Error {
  override name = "UsageError";
}

function number(flag: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new UsageError(`--${flag} takes a whole number ≥ ${min}, not "${raw}"`);
  }
  return value;
}

function configurations(raw: string | undefined): readonly ConfigurationId[] {
  if (raw === undefined) return CONFIGURATION_IDS;
  const ids = raw.split(",").map((id) => id.trim());
  for (const id of ids) {
    if (!(CONFIGURATION_IDS as readonly string[]).includes(id)) {
      throw new UsageError(
        `--only: unknown configuration "${id}"; use ${CONFIGURATION_IDS.join(", ")}`,
      );
    }
  }
  return CONFIGURATION_IDS.filter((id) => ids.includes(id));
}

/**
 * Reads the flags (and REDIS_URL / DATABASE_URL for the services).
 *
 * @returns The options, or `null` when `--help` was asked for.
 * @throws {UsageError} On an unknown flag or a bad value, naming the flag.
 * @example
 * const options = parseBenchArgs(["--duration", "3"], process.env);
 */
export function parseBenchArgs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): BenchOptions | null {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        duration: { type: "string" },
        connections: { type: "string" },
        rounds: { type: "string" },
        warmup: { type: "string" },
        rss: { type: "string" },
        "rss-warmup": { type: "string" },
        "memory-codes": { type: "string" },
        only: { type: "string" },
        "redis-db": { type: "string" },
        "pg-database": { type: "string" },
        out: { type: "string" },
        "log-level": { type: "string" },
        help: { type: "boolean" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values["help"]) return null;
  const text = (flag: string) => values[flag] as string | undefined;
  const pgDatabase = text("pg-database") ?? "otpkit_bench";
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(pgDatabase)) {
    throw new UsageError(
      `--pg-database takes lower-case letters, digits and _, not "${pgDatabase}"`,
    );
  }
  const redisUrl = new URL(env["REDIS_URL"] ?? "redis://127.0.0.1:6379");
  redisUrl.pathname = "";
  return {
    durationS: number("duration", text("duration"), 10, 1),
    connections: number("connections", text("connections"), 50, 1),
    rounds: number("rounds", text("rounds"), 3, 1),
    warmupS: number("warmup", text("warmup"), 3, 0),
    rssS: number("rss", text("rss"), 60, 0),
    rssWarmupS: number("rss-warmup", text("rss-warmup"), 10, 0),
    memoryCodes: number("memory-codes", text("memory-codes"), 10_000, 0),
    only: configurations(text("only")),
    redisUrl: redisUrl.toString().replace(/\/$/, ""),
    redisDb: number("redis-db", text("redis-db"), 14, 0),
    pgAdminUrl: env["DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/postgres",
    pgDatabase,
    outDir: text("out") ?? fileURLToPath(new URL("../results", import.meta.url)),
    logLevel: text("log-level") ?? "info",
  };
}
