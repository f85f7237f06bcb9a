import { randomBytes } from "node:crypto";
import type { OtpError, OtpStore } from "@otpkit/otp-core";
import { isOtpError } from "@otpkit/otp-core";
import pg from "pg";
import { afterAll, beforeEach } from "vitest";
import type { PostgresStore, PostgresStoreOptions } from "../src/index.js";
import { createPostgresStore, migrate } from "../src/index.js";

/** The real PostgreSQL the tests use (trust auth, database `test`); `DATABASE_URL` overrides. */
export const DATABASE_URL =
  process.env["DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/test";

/**
 * Connections per test pool. Test files run in parallel and one file may open three pools;
 * PostgreSQL allows 100 connections by default, shared with the other packages' tests.
 */
const POOL_SIZE = 5;

/** A pool on the test database, with the `error` listener every pg pool needs. */
export function newPool(config: pg.PoolConfig = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: DATABASE_URL,
    max: POOL_SIZE,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 1_000,
    ...config,
  });
  // A backend terminated while its connection sits idle in the pool is reported here; without a
  // listener Node would exit. The pool drops that connection and opens a new one when needed.
  pool.on("error", () => undefined);
  return pool;
}

/** The schema of one test file, its pools, and fresh migrated tables in it. */
export interface TestDatabase {
  /** The file's schema, `otpkit_<label>_<random>`; read it inside tests and hooks. */
  readonly schema: string;
  /** The file's first pool (created before the first test, ended after the last). */
  readonly pool: pg.Pool;
  /** A second pool on the same database, as a second app server would have. */
  readonly secondPool: pg.Pool;
  /** Another pool on the same database, ended after the file's tests. */
  newPool(config?: pg.PoolConfig): pg.Pool;
  /** A table name no earlier call returned, `<schema>.t<n>`, already migrated. */
  freshTable(): Promise<string>;
  /** A store on a fresh table through the file's pool. */
  freshStore(options?: Partial<PostgresStoreOptions>): Promise<PostgresStore>;
}

/**
 * One schema per test file: created before its tests, dropped (with every table in it) after
 * them. Tables inside are fresh per test or per store, so nothing one test writes is seen by
 * another, and nothing stays behind in the database.
 */
export function useTestDatabase(label: string): TestDatabase {
  const schema = `otpkit_${label}_${randomBytes(4).toString("hex")}`;
  const pools: pg.Pool[] = [];
  let tables = 0;
  let first: pg.Pool | undefined;
  let second: pg.Pool | undefined;

  const database: TestDatabase = {
    schema,
    get pool() {
      if (first === undefined) throw new Error("useTestDatabase: read pool inside a test or hook");
      return first;
    },
    get secondPool() {
      second ??= database.newPool();
      return second;
    },
    newPool(config) {
      const pool = newPool(config);
      pools.push(pool);
      return pool;
    },
    async freshTable() {
      const tableName = `${schema}.t${++tables}`;
      await migrate(database.pool, { tableName });
      return tableName;
    },
    async freshStore(options = {}) {
      return createPostgresStore({
        pool: database.pool,
        tableName: await database.freshTable(),
        ...options,
      });
    },
  };

  // beforeEach, not beforeAll: without PostgreSQL every test FAILS with the connection error (a
  // failing beforeAll would only mark them skipped). The schema is created once.
  let ready: Promise<void> | undefined;
  beforeEach(async () => {
    ready ??= (async () => {
      first = database.newPool();
      await first.query(`CREATE SCHEMA "${schema}"`);
    })();
    await ready;
  });
  afterAll(async () => {
    try {
      if (
        ready !== undefined &&
        (await ready.then(
          () => true,
          () => false,
        ))
      ) {
        await first?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      }
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });
  return database;
}

/**
 * One store over two pools on one table: calls alternate between `a` and `b`, so the shared
 * suite's races (all calls started before any is awaited) run across two pools, as two app
 * servers would, not only across the connections of one pool.
 */
export function alternating(a: OtpStore, b: OtpStore): OtpStore {
  let turn = 0;
  const pick = (): OtpStore => (turn++ % 2 === 0 ? a : b);
  return {
    name: a.name,
    get: (key) => pick().get(key),
    compareAndSet: (key, expected, next, ttlMs) => pick().compareAndSet(key, expected, next, ttlMs),
    async close() {
      await a.close?.();
      await b.close?.();
    },
  };
}

/** The OtpError `promise` rejects with (anything else fails the test). */
export async function rejection(promise: Promise<unknown>): Promise<OtpError> {
  try {
    await promise;
  } catch (error) {
    if (isOtpError(error)) return error;
    throw error;
  }
  throw new Error("expected the promise to reject");
}

/** The OtpError `fn` throws (anything else fails the test). */
export function thrown(fn: () => unknown): OtpError {
  try {
    fn();
  } catch (error) {
    if (isOtpError(error)) return error;
    throw error;
  }
  throw new Error("expected a throw");
}

/** `schema.table` quoted for SQL text in tests. */
export function quoted(tableName: string): string {
  return tableName
    .split(".")
    .map((part) => `"${part}"`)
    .join(".");
}
