import { accessSync, constants, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { OtpStore } from "@otpkit/otp-core";
import { OtpError } from "@otpkit/otp-core";
import Database from "better-sqlite3";
import type { Statements } from "./schema.js";
import { indexSql, prepareStatements, REQUIRED_COLUMNS, tableSql } from "./schema.js";

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
   * an acknowledged increment survives a power cut too. `"normal"` survives a process crash but may
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
  /** Stops the sweep timer and, when the store opened the file itself, closes the connection. */
  close(): Promise<void>;
}

const SOURCE = "sqlite";
const PREFIX = "[otp-store-sqlite]";
const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * A durable SQLite store for otpkit: the embedded default when nothing else is configured, safe
 * for several processes on one machine sharing the file.
 *
 * The connection runs in WAL mode (readers never block the writer) with a busy timeout, so two
 * processes opening the same file wait for each other instead of failing. Every primitive is a
 * single SQL statement, which SQLite runs atomically with the write lock held from its first read:
 * `consume` is `DELETE … RETURNING`, `setIfAbsent` and `increment` are guarded UPSERTs. Every read
 * checks `expires_at > now`; expired rows are also swept in bounded batches by an unref'd timer.
 *
 * @param options Either `path` (the store opens and owns the file) or `database` (yours).
 * @returns A {@link SqliteStore} named `"sqlite"`.
 * @throws {OtpError} `CONFIG_INVALID` (with `field`) for bad options, and for a path whose
 *   directory is missing or read-only or whose file is not a writable SQLite database: the message
 *   names the path and the fix. `STORE_UNAVAILABLE` when the file is locked beyond the busy timeout
 *   while the schema is created. The primitives throw `STORE_UNAVAILABLE` (locked beyond the busy
 *   timeout, I/O error, disk full, store closed) and `STORE_DATA_INVALID` (a row otpkit did not
 *   write, a corrupt file).
 * @example
 * ```ts
 * const store = createSqliteStore({ path: "./data/otp.db" });
 * await store.increment("{abc}:attempts", 900_000); // 1
 * await store.close();
 * ```
 */
export function createSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const opts: Partial<SqliteStoreOptions> = options ?? {};
  const tableName = opts.tableName ?? "otp_store";
  if (typeof tableName !== "string" || !TABLE_NAME.test(tableName)) {
    throw configError("tableName", "an SQL identifier (letters, digits, _; max 63)", tableName);
  }
  const busyTimeoutMs = integerOption("busyTimeoutMs", opts.busyTimeoutMs, 5_000, 0, 600_000);
  const sweepIntervalMs = integerOption(
    "sweepIntervalMs",
    opts.sweepIntervalMs,
    60_000,
    0,
    86_400_000,
  );
  const sweepBatchSize = integerOption("sweepBatchSize", opts.sweepBatchSize, 1_000, 1, 1_000_000);
  const synchronous = opts.synchronous ?? "full";
  if (synchronous !== "full" && synchronous !== "normal") {
    throw configError("synchronous", '"full" or "normal"', synchronous);
  }
  const now = opts.now ?? Date.now;
  if (typeof now !== "function") throw configError("now", "a function returning epoch ms", now);

  const hasPath = opts.path !== undefined;
  const hasDatabase = opts.database !== undefined;
  if (hasPath === hasDatabase) {
    throw configError(
      hasPath ? "database" : "path",
      "exactly one of `path` and `database`",
      hasPath ? "both" : "neither",
      'pass { path: "./data/otp.db" } to let the store open the file, or { database } to use yours',
    );
  }

  const owned = hasPath;
  const db = hasPath
    ? openFile(opts.path, busyTimeoutMs, synchronous)
    : checkDatabase(opts.database);
  const where = hasPath ? String(opts.path) : `database ${db.name}`;

  let statements: Statements;
  try {
    createSchema(db, tableName, where);
    statements = prepareStatements(db, tableName);
  } catch (error) {
    if (owned) db.close();
    throw error;
  }

  let closed = false;
  let timer: ReturnType<typeof setInterval> | undefined;

  function ensureOpen(operation: string): void {
    if (closed || !db.open) {
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
      throw argumentError("limit", "an integer >= 1", limit);
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
      return run("get", () => statements.get.get(key, now())?.value ?? null);
    },
    async set(key, value, ttlMs) {
      const expiresAt = expiry(now(), ttlMs);
      run("set", () => statements.set.run(key, value, expiresAt));
    },
    async setIfAbsent(key, value, ttlMs) {
      const t = now();
      const expiresAt = expiry(t, ttlMs);
      return run(
        "setIfAbsent",
        () => statements.setIfAbsent.run({ key, value, expiresAt, now: t }).changes === 1,
      );
    },
    async consume(key, expected) {
      return run("consume", () => {
        const row =
          expected === undefined
            ? statements.consume.get(key, now())
            : statements.consumeIfEqual.get(key, now(), expected);
        return row?.value ?? null;
      });
    },
    async increment(key, ttlMs) {
      const t = now();
      const expiresAt = expiry(t, ttlMs);
      const value = run(
        "increment",
        () => statements.increment.get({ key, expiresAt, now: t })?.value,
      );
      const count = typeof value === "number" ? value : Number(value);
      const isCounter = typeof value === "string" ? /^[1-9][0-9]*$/.test(value) : true;
      if (!isCounter || !Number.isSafeInteger(count) || count < 1) {
        throw new OtpError(
          "STORE_DATA_INVALID",
          `${PREFIX} increment found a value otpkit did not write (not a counter) in ${where}; delete the key or use another tableName`,
          { source: SOURCE, details: { operation: "increment" } },
        );
      }
      return count;
    },
    async delete(key) {
      run("delete", () => statements.delete.run(key));
    },
    sweep,
    async close() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      if (closed) return;
      closed = true;
      if (owned && db.open) db.close();
    },
  };
}

/** Opens (and creates) the file after checking its directory, so the error names the real problem. */
function openFile(
  path: unknown,
  busyTimeoutMs: number,
  synchronous: "full" | "normal",
): Database.Database {
  if (typeof path !== "string" || path.length === 0) {
    throw configError("path", "a file path", path, 'e.g. "./data/otp.db"');
  }
  const memory = path === ":memory:";
  const file = memory ? path : resolve(path);
  if (!memory) checkDirectory(file);
  let db: Database.Database;
  try {
    db = new Database(file, { timeout: busyTimeoutMs });
  } catch (error) {
    throw openError(file, error);
  }
  try {
    if (!memory) {
      // WAL: readers and the writer do not block each other, and a commit is one append to the
      // log. Only switch when needed: the switch itself takes an exclusive lock.
      if (db.pragma("journal_mode", { simple: true }) !== "wal") {
        const mode = whileBusy(busyTimeoutMs, () =>
          db.pragma("journal_mode = WAL", { simple: true }),
        );
        if (mode !== "wal") {
          throw configError(
            "path",
            "a file system where SQLite can use WAL mode",
            file,
            `journal_mode stayed "${String(mode)}": put the database on a local disk`,
          );
        }
      }
    }
    db.pragma(`synchronous = ${synchronous.toUpperCase()}`);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof OtpError) throw error;
    throw openError(file, error);
  }
}

/** A missing or read-only directory would otherwise surface as SQLite's vague "unable to open". */
function checkDirectory(file: string): void {
  const dir = dirname(file);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch {
    isDirectory = false;
  }
  if (!isDirectory) {
    throw new OtpError(
      "CONFIG_INVALID",
      `${PREFIX} "path" is in a directory that does not exist: ${dir} (create it first, e.g. \`mkdir -p "${dir}"\`, or choose another path than ${file})`,
      { field: "path", source: SOURCE, details: { path: file, directory: dir } },
    );
  }
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw readOnlyError(file, dir);
  }
  try {
    accessSync(file, constants.R_OK | constants.W_OK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw readOnlyError(file, dir);
  }
}

function readOnlyError(file: string, dir: string): OtpError {
  const uid = typeof process.getuid === "function" ? ` by uid ${process.getuid()}` : "";
  return new OtpError(
    "CONFIG_INVALID",
    `${PREFIX} "path" is not writable: ${file} (SQLite needs to write the file and create ${file}-wal and ${file}-shm in ${dir}: make the directory and the file writable${uid}, or choose another path)`,
    { field: "path", source: SOURCE, details: { path: file, directory: dir } },
  );
}

function openError(file: string, error: unknown): OtpError {
  const code = sqliteCode(error);
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
    return new OtpError(
      "STORE_UNAVAILABLE",
      `${PREFIX} opening ${file} failed: the database stayed locked by another connection (${code})`,
      { cause: error, source: SOURCE, details: { path: file, sqliteCode: code } },
    );
  }
  const reason =
    code === "SQLITE_NOTADB"
      ? "the file is not an SQLite database"
      : code.startsWith("SQLITE_READONLY") || code === "SQLITE_PERM"
        ? "the file or its directory is read-only"
        : errorMessage(error);
  return new OtpError(
    "CONFIG_INVALID",
    `${PREFIX} "path" cannot be opened: ${file}: ${reason} (check that the directory exists and is writable, or choose another path)`,
    {
      cause: error,
      field: "path",
      source: SOURCE,
      details: { path: file, sqliteCode: code || null },
    },
  );
}

function checkDatabase(database: unknown): Database.Database {
  const db = database as Partial<Database.Database> | null;
  if (
    typeof db !== "object" ||
    db === null ||
    typeof db.prepare !== "function" ||
    typeof db.pragma !== "function"
  ) {
    throw configError("database", "an open better-sqlite3 Database", database);
  }
  if (db.open !== true)
    throw configError("database", "an open better-sqlite3 Database", "a closed one");
  if (db.readonly === true) {
    throw configError("database", "a writable database", "one opened with { readonly: true }");
  }
  return db as Database.Database;
}

/**
 * Runs a first-open step again while SQLite answers SQLITE_BUSY, up to `timeoutMs`.
 *
 * Why: when two processes open a brand-new file at the same moment, the journal-mode switch and
 * the schema DDL can get SQLITE_BUSY at once, without SQLite calling its busy handler (it returns
 * early when waiting could deadlock), so `busy_timeout` alone does not cover them. Open-time only;
 * the primitives rely on busy_timeout.
 */
function whileBusy<T>(timeoutMs: number, step: () => T): T {
  const deadline = Date.now() + Math.max(timeoutMs, 100);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
    try {
      return step();
    } catch (error) {
      if (!sqliteCode(error).startsWith("SQLITE_BUSY") || Date.now() + wait > deadline) throw error;
      Atomics.wait(pause, 0, 0, wait); // a synchronous pause: better-sqlite3 is synchronous too
    }
  }
}

/** Creates the table if needed, checks an existing one has our columns, then the index. */
function createSchema(db: Database.Database, table: string, where: string): void {
  ddl(db, tableSql(table), where);
  const columns = new Set(
    (db.pragma(`table_info("${table}")`) as Array<{ name: string }>).map((column) => column.name),
  );
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.has(column));
  if (missing.length > 0) {
    throw configError(
      "tableName",
      `a table with columns ${REQUIRED_COLUMNS.join(", ")}`,
      table,
      `it exists without ${missing.join(", ")}: choose another tableName`,
    );
  }
  ddl(db, indexSql(table), where);
}

function ddl(db: Database.Database, sql: string, where: string): void {
  try {
    whileBusy(db.pragma("busy_timeout", { simple: true }) as number, () => db.exec(sql));
  } catch (error) {
    const code = sqliteCode(error);
    if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
      throw new OtpError(
        "STORE_UNAVAILABLE",
        `${PREFIX} creating the schema in ${where} failed: the database stayed locked (${code})`,
        { cause: error, source: SOURCE, details: { sqliteCode: code } },
      );
    }
    throw new OtpError(
      "CONFIG_INVALID",
      `${PREFIX} creating the schema in ${where} failed: ${errorMessage(error)} (the database must be writable)`,
      { cause: error, field: "path", source: SOURCE, details: { sqliteCode: code || null } },
    );
  }
}

const UNAVAILABLE_CODES =
  /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|PROTOCOL|NOMEM|INTERRUPT|PERM)/;
const DATA_CODES = /^SQLITE_(CORRUPT|NOTADB|MISMATCH|FORMAT)/;

function toOtpError(
  operation: string,
  error: unknown,
  busyTimeoutMs: number,
  owned: boolean,
): OtpError {
  if (error instanceof OtpError) return error;
  const code = sqliteCode(error);
  if (DATA_CODES.test(code)) {
    return new OtpError(
      "STORE_DATA_INVALID",
      `${PREFIX} ${operation} failed: ${errorMessage(error)} (${code}); the database file is damaged or not otpkit's`,
      { cause: error, source: SOURCE, details: { operation, sqliteCode: code } },
    );
  }
  const busy = code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED");
  const hint = busy
    ? owned
      ? `another connection held the write lock for longer than busyTimeoutMs (${busyTimeoutMs} ms)`
      : "another connection held the write lock for longer than the connection's busy timeout"
    : UNAVAILABLE_CODES.test(code)
      ? "the database file could not be written or read"
      : "unexpected driver error";
  return new OtpError(
    "STORE_UNAVAILABLE",
    `${PREFIX} ${operation} failed: ${errorMessage(error)}${code ? ` (${code})` : ""}: ${hint}`,
    {
      cause: error,
      source: SOURCE,
      details: { operation, sqliteCode: code || null, reason: busy ? "busy" : "io" },
    },
  );
}

function sqliteCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Epoch ms of expiry. otp-core always sends a TTL > 0; fractions round up to whole ms. */
function expiry(now: number, ttlMs: number): number {
  if (typeof ttlMs !== "number" || !Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw argumentError("ttlMs", "a number > 0", ttlMs);
  }
  return now + Math.ceil(ttlMs);
}

function integerOption(
  field: string,
  value: unknown,
  fallback: number,
  min: number,
  max: number,
): number {
  const v = value ?? fallback;
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) {
    throw configError(field, `integer ${min}..${max}`, v);
  }
  return v;
}

function configError(field: string, expected: string, got: unknown, fix?: string): OtpError {
  return new OtpError(
    "CONFIG_INVALID",
    `${PREFIX} "${field}" expected ${expected}, got ${show(got)}${fix ? ` (${fix})` : ""}`,
    { field, source: SOURCE },
  );
}

function argumentError(field: string, expected: string, got: unknown): OtpError {
  return new OtpError(
    "INVALID_ARGUMENT",
    `${PREFIX} "${field}" expected ${expected}, got ${show(got)}`,
    {
      field,
      source: SOURCE,
    },
  );
}

function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  if (typeof value === "function") return "a function";
  return String(value);
}
