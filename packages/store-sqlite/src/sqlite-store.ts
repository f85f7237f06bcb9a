import type { OtpStore } from "@otpkit/otp-core";
import { configError, intOption, OtpError } from "@otpkit/otp-core";
import type Database from "better-sqlite3";
import type { GroupCommit } from "./group-commit.js";
import { createGroupCommit } from "./group-commit.js";
import type { Statements } from "./schema.js";
import { compareAndSetStatement, prepareStatements } from "./schema.js";
import { argumentError, PREFIX, SOURCE, toOtpError } from "./sqlite-errors.js";
import { checkDatabase, createSchema, openFile } from "./sqlite-open.js";

/** Options for {@link createSqliteStore}. Give exactly one of `path` and `database`. */
export interface SqliteStoreOptions {
  /**
   * The database file. The store opens it (creating the file and its schema on first use), owns
   * the connection and closes it in `close()`. The directory must exist and be writable: SQLite
   * also creates `<file>-wal` and `<file>-shm` next to it. `":memory:"` gives a private,
   * non-durable database (tests only).
   */
  path?: string;
  /**
   * An open better-sqlite3 connection the caller owns. The store creates its table in it but
   * changes no connection setting (journal mode, busy timeout, synchronous) and never closes it.
   * Recommended: `journal_mode = WAL` and a busy timeout, as the store does for `path`.
   */
  database?: Database.Database;
  /**
   * The table holding the keys. Letters, digits and `_`, starting with a letter or `_`.
   * @default "otp_store"
   */
  tableName?: string;
  /**
   * How long a write waits for another connection's lock (SQLite `busy_timeout`) before it throws
   * `STORE_UNAVAILABLE`. Only applied to a connection the store opens (`path`).
   * @default 5000
   */
  busyTimeoutMs?: number;
  /**
   * SQLite `synchronous` for a connection the store opens. `"full"` syncs the WAL on every commit:
   * an acknowledged write survives a power cut too. `"normal"` survives a process crash but may
   * lose the last commits on power loss, for more writes per second.
   * @default "full"
   */
  synchronous?: "full" | "normal";
  /**
   * Milliseconds between background sweeps of expired rows (an unref'd timer: it never keeps the
   * process alive). `0` turns the timer off; reads ignore expired rows either way.
   * @default 60000
   */
  sweepIntervalMs?: number;
  /**
   * At most this many expired rows are deleted per sweep, so a sweep never holds the write lock for
   * long.
   * @default 1000
   */
  sweepBatchSize?: number;
  /**
   * Group commit: `compareAndSet` calls made while the event loop is busy are queued and run
   * together, in arrival order, in one transaction (one fsync) when the loop is next free; this
   * bounds how many share one. `1` gives every write its own transaction (one fsync each).
   * @default 256
   */
  maxBatch?: number;
  /** Clock in epoch milliseconds, for tests. @default Date.now */
  now?: () => number;
}

/** An {@link OtpStore} backed by SQLite, with a manual sweep for maintenance and tests. */
export interface SqliteStore extends OtpStore {
  readonly name: "sqlite";
  /**
   * Deletes up to `limit` expired rows now and returns how many it deleted.
   * @throws {OtpError} `STORE_UNAVAILABLE` when the database is locked beyond the busy timeout.
   */
  sweep(limit?: number): number;
  /**
   * Runs and answers the `compareAndSet` calls still queued, stops the sweep timer and, when the
   * store opened the file itself, closes the connection. Later calls throw `STORE_UNAVAILABLE`.
   */
  close(): Promise<void>;
}

const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * A durable SQLite store for otpkit: the embedded default when nothing else is configured, safe
 * for several processes on one machine sharing the file.
 *
 * The connection runs in WAL mode (readers never block the writer) with a busy timeout, so two
 * processes opening the same file wait for each other instead of failing. `get` is one `SELECT`
 * of the committed state; each case of `compareAndSet` is one statement: create-if-absent is a
 * guarded UPSERT, replace-if-equal a guarded `UPDATE`, delete-if-equal a guarded `DELETE`, and
 * `changes` tells whether it wrote. Group commit: the `compareAndSet` calls made while the event
 * loop is busy run together, in arrival order, in one `BEGIN IMMEDIATE … COMMIT` (one fsync) on
 * the loop's next check phase, each with the answer it would get alone; each call resolves only
 * after that COMMIT, and when the transaction fails every call of it rejects and none of it is
 * committed. Expired rows count as absent (every statement checks `expires_at` against `now`) and
 * are also swept in bounded batches by an unref'd timer.
 *
 * @param options Either `path` (the store opens and owns the file) or `database` (yours);
 *   `maxBatch` bounds a group commit.
 * @returns A {@link SqliteStore} named `"sqlite"`.
 * @throws {OtpError} `CONFIG_INVALID` (with `field`) for bad options, and for a path whose
 *   directory is missing or read-only or whose file is not a writable SQLite database: the message
 *   names the path and the fix. `STORE_UNAVAILABLE` when the file is locked beyond the busy timeout
 *   while the schema is created. The primitives throw `STORE_UNAVAILABLE` (locked beyond the busy
 *   timeout, I/O error, disk full, store closed), `STORE_DATA_INVALID` (a row otpkit did not
 *   write, a corrupt file) and `INVALID_ARGUMENT` (a write with a TTL that is not a positive
 *   number).
 * @example
 * ```ts
 * const store = createSqliteStore({ path: "./data/otp.db" });
 * await store.compareAndSet("{abc}", null, "v1", 600_000); // true: created
 * await store.compareAndSet("{abc}", "v1", "v2", 600_000); // true: replaced
 * await store.compareAndSet("{abc}", "v1", null, 0); // false: it holds "v2"
 * await store.close();
 * ```
 */
export function createSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const opts: Partial<SqliteStoreOptions> = options ?? {};
  const tableName = opts.tableName ?? "otp_store";
  if (typeof tableName !== "string" || !TABLE_NAME.test(tableName)) {
    throw configError(
      "tableName",
      "an SQL identifier (letters, digits, _; max 63)",
      tableName,
      undefined,
      { source: SOURCE },
    );
  }
  const source = { source: SOURCE };
  const busyTimeoutMs = intOption("busyTimeoutMs", opts.busyTimeoutMs ?? 5_000, 0, 600_000, source);
  const sweepIntervalMs = intOption(
    "sweepIntervalMs",
    opts.sweepIntervalMs ?? 60_000,
    0,
    86_400_000,
    source,
  );
  const sweepBatchSize = intOption(
    "sweepBatchSize",
    opts.sweepBatchSize ?? 1_000,
    1,
    1_000_000,
    source,
  );
  const maxBatch = intOption("maxBatch", opts.maxBatch ?? 256, 1, 65_536, source);
  const synchronous = opts.synchronous ?? "full";
  if (synchronous !== "full" && synchronous !== "normal") {
    throw configError("synchronous", '"full" or "normal"', synchronous, undefined, source);
  }
  const now = opts.now ?? Date.now;
  if (typeof now !== "function") {
    throw configError("now", "a function returning epoch ms", now, undefined, source);
  }

  const hasPath = opts.path !== undefined;
  const hasDatabase = opts.database !== undefined;
  if (hasPath === hasDatabase) {
    throw configError(
      hasPath ? "database" : "path",
      "exactly one of `path` and `database`",
      hasPath ? "both" : "neither",
      'pass { path: "./data/otp.db" } to let the store open the file, or { database } to use yours',
      source,
    );
  }

  const owned = hasPath;
  const db = hasPath
    ? openFile(opts.path, busyTimeoutMs, synchronous)
    : checkDatabase(opts.database);
  const where = hasPath ? String(opts.path) : `database ${db.name}`;

  let closed = false;
  let timer: ReturnType<typeof setInterval> | undefined;

  function closedError(operation: string): OtpError | null {
    if (!closed && db.open) return null;
    return new OtpError("STORE_UNAVAILABLE", `${PREFIX} ${operation} failed: the store is closed`, {
      source: SOURCE,
      retryable: false,
      details: { operation, reason: "closed" },
    });
  }

  function ensureOpen(operation: string): void {
    const error = closedError(operation);
    if (error !== null) throw error;
  }

  let statements: Statements;
  let writes: GroupCommit;
  try {
    createSchema(db, tableName, where);
    statements = prepareStatements(db, tableName);
    writes = createGroupCommit({
      db,
      maxBatch,
      toError: (error) => toOtpError("compareAndSet", error, busyTimeoutMs, owned),
      closedError: () => closedError("compareAndSet"),
    });
  } catch (error) {
    if (owned) db.close();
    throw error;
  }

  /** Runs one statement and turns driver errors into OtpErrors (SQLITE_BUSY → STORE_UNAVAILABLE). */
  function run<T>(operation: string, body: () => T): T {
    ensureOpen(operation);
    try {
      return body();
    } catch (error) {
      throw toOtpError(operation, error, busyTimeoutMs, owned);
    }
  }

  function sweep(limit = sweepBatchSize): number {
    if (!Number.isInteger(limit) || limit < 1) {
      throw argumentError("limit", "integer >= 1", limit);
    }
    return run("sweep", () => statements.sweep.run(now(), limit).changes);
  }

  if (sweepIntervalMs > 0) {
    timer = setInterval(() => {
      try {
        sweep();
      } catch {
        // Best effort: a busy or closed database just skips this round. Reads never depend on the
        // sweep (they filter on expires_at), so a missed sweep only delays reclaiming space.
      }
    }, sweepIntervalMs);
    timer.unref();
  }

  return {
    name: "sqlite",
    async get(key) {
      const value = run("get", () => statements.get.get(key, now())?.value ?? null);
      if (value !== null && typeof value !== "string") {
        // TEXT affinity turns numbers into text on insert; only a BLOB written by something else
        // comes back as a Buffer. Never hand it on as if it were a record.
        throw new OtpError(
          "STORE_DATA_INVALID",
          `${PREFIX} get found a value otpkit did not write (not text) in ${where}; delete the row or use another tableName`,
          { source: SOURCE, details: { operation: "get" } },
        );
      }
      return value;
    },
    async compareAndSet(key, expected, next, ttlMs) {
      ensureOpen("compareAndSet");
      const ttl = next === null ? 0 : wholeTtl(ttlMs); // refused before it joins a batch
      const op = compareAndSetStatement(statements, now, key, expected, next, ttl);
      return writes.submit(op.run, op.writes);
    },
    sweep,
    async close() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      if (closed) return;
      // Writes queued before close() still run and are answered; later calls are refused.
      writes.drain();
      closed = true;
      if (owned && db.open) db.close();
    },
  };
}

/**
 * The TTL in whole ms. otp-core always sends a TTL >= 1; fractions round up, so a row never
 * expires before the time it was given.
 */
function wholeTtl(ttlMs: number): number {
  if (typeof ttlMs !== "number" || !Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw argumentError("ttlMs", "a number > 0", ttlMs);
  }
  return Math.ceil(ttlMs);
}
