import type { OtpStore } from "@otpkit/otp-core";
import { configError, intOption, OtpError } from "@otpkit/otp-core";
import type { Pool, QueryConfig, QueryResult } from "pg";
import { PREFIX, SOURCE, toOtpError } from "./postgres-errors.js";
import { checkTableName, DEFAULT_TABLE, statements } from "./schema.js";

/** Options for {@link createPostgresStore}. */
export interface PostgresStoreOptions {
  /**
   * A `pg` Pool the caller owns. The store only runs single statements on it (`pool.query`); it
   * never creates tables, changes settings or ends the pool. Give the pool
   * `connectionTimeoutMillis` (a bound on waiting for a free connection) and an `error` listener
   * (a connection that dies while idle is reported there; without a listener Node exits).
   */
  pool: Pool;
  /**
   * The table, `name` or `schema.name`: letters, digits and `_`. Create it with {@link migrate}
   * or the SQL of `postgresStoreMigration(tableName)`.
   * @default "otp_store"
   */
  tableName?: string;
  /**
   * Upper bound, in milliseconds, on one statement once it has a connection (pg's
   * `query_timeout`; the connection is then discarded). The primitive throws `STORE_UNAVAILABLE`,
   * `details.reason: "timeout"`: the outcome is unknown. `0` leaves it to the pool's settings.
   * @default 5000
   */
  timeoutMs?: number;
  /**
   * Milliseconds between background sweeps of expired rows (an unref'd timer: it never keeps the
   * process alive). `0` turns the timer off, e.g. when pg_cron runs `postgresStoreSweepSql()`.
   * Reads ignore expired rows either way; sweeping only reclaims space.
   * @default 60000
   */
  sweepIntervalMs?: number;
  /**
   * Rows deleted per sweep statement. The timer repeats full batches (up to 100 per tick), each
   * its own short statement, so a sweep never holds many row locks at once.
   * @default 1000
   */
  sweepBatchSize?: number;
}

/** An {@link OtpStore} backed by PostgreSQL, with a manual sweep for maintenance and tests. */
export interface PostgresStore extends OtpStore {
  readonly name: "postgres";
  /** The table, as given in the options' `tableName` (`"otp_store"`). */
  readonly tableName: string;
  /**
   * Deletes up to `limit` expired rows now, oldest first, skipping rows another session holds,
   * and returns how many it deleted.
   * @throws {OtpError} `INVALID_ARGUMENT` for a bad `limit`; `STORE_UNAVAILABLE` as the primitives.
   */
  sweep(limit?: number): Promise<number>;
  /** Stops the sweep timer. The pool is the caller's: end it yourself, after this. */
  close(): Promise<void>;
}

/** How many full batches one timer tick may delete before it yields until the next tick. */
const MAX_BATCHES_PER_TICK = 100;
/** A TTL beyond this would not fit PostgreSQL's bigint once added to the epoch. */
const MAX_TTL_MS = Number.MAX_SAFE_INTEGER;

/**
 * A PostgreSQL store for otpkit: the store for services that already run PostgreSQL, shared by any
 * number of app servers through one table.
 *
 * Each primitive is ONE statement on the pool, atomic on its own at READ COMMITTED (the default):
 * `get` is a `SELECT`; `compareAndSet` is, by case, an `INSERT … ON CONFLICT DO UPDATE … WHERE
 * expired` (create if absent), an `UPDATE … WHERE value = expected` (replace) or a `DELETE … WHERE
 * value = expected` (delete). Expiry is judged by the database clock in every statement, so app
 * servers with drifting clocks agree on it. The table comes from a migration ({@link migrate});
 * the store never issues DDL.
 *
 * @param options The pool (yours), the table, a time limit and the sweep settings.
 * @returns A {@link PostgresStore} named `"postgres"`.
 * @throws {OtpError} `CONFIG_INVALID` (with `field`) for a missing pool, a `tableName` that is not
 *   a plain SQL identifier, or an out-of-range number. The primitives throw `STORE_UNAVAILABLE`
 *   (unreachable, connection lost, backend terminated, timeout, store closed: the outcome is
 *   unknown), `CONFIG_INVALID` with field `tableName` (the table does not exist: run
 *   `migrate()`) and `INVALID_ARGUMENT` (a TTL that is not a positive number, a value with U+0000).
 * @example
 * ```ts
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * await migrate(pool);
 * const store = createPostgresStore({ pool });
 * await store.compareAndSet("{abc}", null, "v1", 60_000); // true: created
 * await store.compareAndSet("{abc}", "v1", null, 0); // true: deleted
 * ```
 */
export function createPostgresStore(options: PostgresStoreOptions): PostgresStore {
  const { pool, table, timeoutMs, sweepIntervalMs, sweepBatchSize } = checkOptions(options);
  const sql = statements(table.quoted);
  let closed = false;

  /** One statement through the pool, bounded by `timeoutMs`, its failure mapped to an OtpError. */
  async function run(operation: string, text: string, values: unknown[]): Promise<QueryResult> {
    if (closed) {
      throw new OtpError(
        "STORE_UNAVAILABLE",
        `${PREFIX} ${operation} failed: the store is closed`,
        {
          source: SOURCE,
          retryable: false,
          details: { operation, reason: "closed" },
        },
      );
    }
    // `query_timeout` is read by pg at run time but missing from @types/pg's QueryConfig. When it
    // fires, pg-pool discards the connection, so a late reply can never be read as another's.
    const query: QueryConfig & { query_timeout?: number } = { text, values };
    if (timeoutMs > 0) query.query_timeout = timeoutMs;
    try {
      return await pool.query(query);
    } catch (error) {
      throw toOtpError(operation, error, table.name);
    }
  }

  async function sweep(limit = sweepBatchSize): Promise<number> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 1_000_000) {
      throw new OtpError(
        "INVALID_ARGUMENT",
        `${PREFIX} sweep: "limit" must be an integer 1..1000000`,
        { field: "limit", source: SOURCE },
      );
    }
    return (await run("sweep", sql.sweep, [limit])).rowCount ?? 0;
  }

  /**
   * Runs a guarded write; true when it changed a row. Under REPEATABLE READ or SERIALIZABLE (a
   * database or role default; the store is meant for READ COMMITTED) a write that meets a row
   * changed since its snapshot is aborted with SQLSTATE 40001 instead of re-checked. Nothing was
   * written, and another writer just won: that is a lost compare, so it resolves false and the
   * engine re-reads, as after any lost race.
   */
  async function wrote(text: string, values: unknown[]): Promise<boolean> {
    try {
      return (await run("compareAndSet", text, values)).rowCount === 1;
    } catch (error) {
      if ((error as OtpError).details?.["sqlstate"] === "40001") return false;
      throw error;
    }
  }

  const stopTimer = startSweepTimer(sweepIntervalMs, sweepBatchSize, sweep);

  return {
    name: "postgres",
    tableName: table.name,
    async get(key) {
      const result = await run("get", sql.get, [key]);
      return (result.rows[0] as { value: string } | undefined)?.value ?? null;
    },
    async compareAndSet(key, expected, next, ttlMs) {
      if (next === null) {
        if (expected === null) return (await run("compareAndSet", sql.live, [key])).rowCount === 0;
        return wrote(sql.remove, [key, expected]);
      }
      const ttl = checkTtl(ttlMs);
      if (expected === null) return wrote(sql.create, [key, next, ttl]);
      return wrote(sql.replace, [key, expected, next, ttl]);
    },
    sweep,
    async close() {
      stopTimer();
      closed = true;
    },
  };
}

/** The options, checked, with their defaults applied. */
function checkOptions(options: PostgresStoreOptions) {
  const opts: Partial<PostgresStoreOptions> = options ?? {};
  const pool = opts.pool;
  if (
    typeof pool !== "object" ||
    pool === null ||
    typeof pool.query !== "function" ||
    typeof pool.connect !== "function"
  ) {
    throw configError("pool", "a pg Pool", pool, "pass `new pg.Pool({ connectionString })`", {
      source: SOURCE,
    });
  }
  const int = (field: keyof PostgresStoreOptions, fallback: number, min: number, max: number) =>
    intOption(field, opts[field] ?? fallback, min, max, { source: SOURCE });
  return {
    pool,
    table: checkTableName(opts.tableName ?? DEFAULT_TABLE),
    timeoutMs: int("timeoutMs", 5_000, 0, 600_000),
    sweepIntervalMs: int("sweepIntervalMs", 60_000, 0, 86_400_000),
    sweepBatchSize: int("sweepBatchSize", 1_000, 1, 1_000_000),
  };
}

/**
 * Every `intervalMs`, sweeps full batches until one comes back short (at most
 * {@link MAX_BATCHES_PER_TICK} per tick, one tick at a time). The timer is unref'd: it never keeps
 * the process alive. Returns the function that stops it.
 */
function startSweepTimer(
  intervalMs: number,
  batchSize: number,
  sweep: () => Promise<number>,
): () => void {
  if (intervalMs === 0) return () => undefined;
  let sweeping = false;
  let stopped = false;
  const tick = async (): Promise<void> => {
    try {
      for (let batch = 0; batch < MAX_BATCHES_PER_TICK && !stopped; batch++) {
        if ((await sweep()) < batchSize) break;
      }
    } catch {
      // Best effort: an unreachable database just skips this round. Reads never depend on the
      // sweep (they filter on expires_at), so a missed sweep only delays reclaiming space.
    } finally {
      sweeping = false;
    }
  };
  const timer = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    void tick();
  }, intervalMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

/** Whole milliseconds, rounded up (the contract allows a store to round up to its resolution). */
function checkTtl(ttlMs: number): number {
  if (typeof ttlMs !== "number" || !(ttlMs > 0) || ttlMs > MAX_TTL_MS) {
    throw new OtpError(
      "INVALID_ARGUMENT",
      `${PREFIX} compareAndSet: "ttlMs" must be a number of milliseconds > 0 for a write, got ${typeof ttlMs === "number" ? ttlMs : typeof ttlMs}`,
      { field: "ttlMs", source: SOURCE },
    );
  }
  return Math.ceil(ttlMs);
}
