import { Redis } from "ioredis";
import pg from "pg";

// The services the otpkit configurations run on: one Redis database the bench empties, one
// PostgreSQL database it drops and recreates. Both must be reachable: a bench never quietly
// leaves a configuration out.

/** `redis://host:port` + `/db`. */
export function redisDbUrl(redisUrl: string, db: number): string {
  return `${redisUrl}/${db}`;
}

/**
 * A connected client on database `db`.
 *
 * @throws {Error} When Redis does not answer, naming REDIS_URL and how to start it.
 * @example
 * const redis = await connectRedis("redis://127.0.0.1:6379", 14);
 */
export async function connectRedis(redisUrl: string, db: number): Promise<Redis> {
  const client = new Redis(redisDbUrl(redisUrl, db), {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    connectTimeout: 3_000,
    enableAutoPipelining: false,
  });
  client.on("error", () => {
    // Reported by the failing connect below.
  });
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    client.disconnect();
    throw new Error(
      `Redis is not reachable at ${redisUrl} (${(error as Error).message}): start it (redis-server --daemonize yes --port 6379) or set REDIS_URL.`,
      { cause: error },
    );
  }
  return client;
}

/**
 * Empties Redis database `db` (the bench's own: `--redis-db`).
 *
 * @throws {Error} When Redis does not answer.
 * @example
 * await flushRedisDb("redis://127.0.0.1:6379", 14);
 */
export async function flushRedisDb(redisUrl: string, db: number): Promise<void> {
  const client = await connectRedis(redisUrl, db);
  try {
    await client.flushdb();
  } finally {
    client.disconnect();
  }
}

async function admin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${adminUrl} (${(error as Error).message}): start it (pg_ctlcluster <version> main start) or set DATABASE_URL to a database the bench may connect to.`,
      { cause: error },
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The admin URL with its database replaced by `name`. */
export function pgDatabaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Drops database `name` (closing its connections) and creates it empty.
 *
 * @returns Its connection URL.
 * @throws {Error} When PostgreSQL does not answer or the role may not create databases.
 * @example
 * const url = await recreatePgDatabase("postgres://postgres@127.0.0.1:5432/postgres", "otpkit_bench");
 */
export async function recreatePgDatabase(adminUrl: string, name: string): Promise<string> {
  await admin(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  return pgDatabaseUrl(adminUrl, name);
}

/**
 * Drops database `name` if it exists.
 *
 * @throws {Error} When PostgreSQL does not answer.
 * @example
 * await dropPgDatabase(adminUrl, "otpkit_bench_smoke");
 */
export async function dropPgDatabase(adminUrl: string, name: string): Promise<void> {
  await admin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** `Redis 7.0.15 · PostgreSQL 16.4`, for the results' machine section. */
export async function serviceVersions(
  redis: Redis,
  adminUrl: string,
): Promise<{ redis: string; postgres: string }> {
  const info = await redis.info("server");
  const postgres = await admin(adminUrl, async (client) => {
    const { rows } = await client.query("SHOW server_version");
    return String(rows[0]?.["server_version"] ?? "unknown");
  });
  return { redis: /redis_version:(\S+)/.exec(info)?.[1] ?? "unknown", postgres };
}
