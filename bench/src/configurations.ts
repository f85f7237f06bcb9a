import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { recreatePgDatabase, redisDbUrl } from "./backends.js";
import type { ChildServer } from "./child-process.js";
import { freePort, startChild } from "./child-process.js";
import type { ConfigurationId } from "./configuration-ids.js";
import type { BenchOptions } from "./options.js";

/** The bench workspace (its baselines run from here). */
export const BENCH_DIR = fileURLToPath(new URL("../", import.meta.url));
/** The built otpkit server every otpkit configuration runs, exactly as in production. */
export const SERVER_MAIN = fileURLToPath(
  new URL("../../apps/server/dist/main.js", import.meta.url),
);

/** Addresses the otpkit servers treat as test recipients: a fixed code, no delivery. */
export const TEST_DOMAIN = "example.test";
/** The fixed code of test recipients (the server's default for 6 numeric symbols, set explicitly). */
export const TEST_CODE = "000000";

/** A configuration started for the bench. */
export interface Target {
  readonly id: ConfigurationId;
  readonly server: ChildServer;
  /** The otpkit server's development API key (from DATA_DIR/dev-api-key); null for baselines. */
  readonly apiKey: string | null;
  /** The Redis key prefix of the otpkit Redis configurations; else null. */
  readonly redisPrefix: string | null;
}

/** Where a configuration keeps its files, and the run's options. */
export interface StartContext {
  readonly options: BenchOptions;
  /** A temp folder of this run: each configuration gets `<id>/` for its data and `<id>.log`. */
  readonly workDir: string;
}

/** The otpkit server's environment for a bench: test recipients, and API key quotas at their maximum. */
function otpkitEnv(ctx: StartContext, dataDir: string, port: number): Record<string, string> {
  return {
    NODE_ENV: "development",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    LOG_LEVEL: ctx.options.logLevel,
    LOG_FORMAT: "json",
    TEST_RECIPIENTS: `*@${TEST_DOMAIN}`,
    TEST_CODE,
    // A bench key sends far more than the defaults (1,000 an hour); the quota is still counted.
    API_KEY_MAX_SENDS_PER_HOUR: "1000000",
    API_KEY_MAX_SENDS_PER_DAY: "10000000",
  };
}

async function startOtpkit(
  ctx: StartContext,
  id: ConfigurationId,
  extraEnv: Record<string, string>,
): Promise<Target> {
  if (!existsSync(SERVER_MAIN)) {
    throw new Error(
      `${SERVER_MAIN} is missing: build the server first (pnpm --filter otpkit-server... build; pnpm bench:http does it).`,
    );
  }
  const dataDir = join(ctx.workDir, id);
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const server = await startChild({
    name: id,
    args: [SERVER_MAIN],
    cwd: dataDir,
    env: { ...otpkitEnv(ctx, dataDir, port), ...extraEnv },
    port,
    logFile: join(ctx.workDir, `${id}.log`),
  });
  // Written before the server listens (main.ts), so it is there once /readyz answers.
  const apiKey = readFileSync(join(dataDir, "dev-api-key"), "utf8").trim();
  return { id, server, apiKey, redisPrefix: extraEnv["REDIS_KEY_PREFIX"] ?? null };
}

async function startBaseline(
  ctx: StartContext,
  id: ConfigurationId,
  entry: string,
): Promise<Target> {
  const dataDir = join(ctx.workDir, id);
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const server = await startChild({
    name: id,
    args: ["--import", "tsx", entry],
    cwd: BENCH_DIR,
    env: {
      NODE_ENV: "production",
      PORT: String(port),
      DATA_DIR: dataDir,
      BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    },
    port,
    logFile: join(ctx.workDir, `${id}.log`),
  });
  return { id, server, apiKey: null, redisPrefix: null };
}

/**
 * Starts one configuration as its own process on a free loopback port and waits for /readyz.
 * The Redis configurations use the bench's Redis database (emptied by the caller) under a prefix
 * of their own; Redis + PostgreSQL gets a freshly recreated database.
 *
 * @throws {Error} When the process does not become ready (with the end of its output), or a
 *   service is unreachable.
 * @example
 * const target = await startConfiguration("otpkit-sqlite", { options, workDir });
 */
export async function startConfiguration(id: ConfigurationId, ctx: StartContext): Promise<Target> {
  const { options } = ctx;
  const redis = {
    REDIS_URL: redisDbUrl(options.redisUrl, options.redisDb),
    REDIS_KEY_PREFIX: `bench-${id}:`,
  };
  switch (id) {
    case "bare-hono":
      return startBaseline(ctx, id, "src/servers/bare-hono.ts");
    case "better-auth":
      return startBaseline(ctx, id, "src/servers/better-auth.ts");
    case "otpkit-sqlite":
      return startOtpkit(ctx, id, {});
    case "otpkit-redis-sqlite":
      return startOtpkit(ctx, id, redis);
    case "otpkit-redis-pg": {
      const databaseUrl = await recreatePgDatabase(options.pgAdminUrl, options.pgDatabase);
      return startOtpkit(ctx, id, { ...redis, DATABASE_URL: databaseUrl });
    }
  }
}
