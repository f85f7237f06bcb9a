import { accessSync, constants, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { configError, OtpError } from "@otpkit/otp-core";
import Database from "better-sqlite3";
import { indexSql, REQUIRED_COLUMNS, tableSql } from "./schema.js";
import { errorMessage, isBusy, PREFIX, SOURCE, sqliteCode } from "./sqlite-errors.js";

// Opening a file (or adopting a caller's connection) and creating the schema, with errors that
// name the real problem. Internal: not re-exported.

/** Opens (and creates) the file after checking its directory, so the error names the real problem. */
export function openFile(
  path: unknown,
  busyTimeoutMs: number,
  synchronous: "full" | "normal",
): Database.Database {
  if (typeof path !== "string" || path.length === 0) {
    throw configError("path", "a file path", path, 'e.g. "./data/otp.db"', { source: SOURCE });
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
            'a file system where SQLite can use journal_mode "wal"',
            mode,
            `${file}: put the database on a local disk`,
            { source: SOURCE },
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
  if (isBusy(error)) {
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

export function checkDatabase(database: unknown): Database.Database {
  const db = database as Partial<Database.Database> | null;
  if (
    typeof db !== "object" ||
    db === null ||
    typeof db.prepare !== "function" ||
    typeof db.pragma !== "function"
  ) {
    throw configError("database", "an open better-sqlite3 Database", database, undefined, {
      source: SOURCE,
    });
  }
  if (db.open !== true) {
    throw configError("database", "an open better-sqlite3 Database", "a closed one", undefined, {
      source: SOURCE,
    });
  }
  if (db.readonly === true) {
    throw configError(
      "database",
      "a writable database",
      "one opened with { readonly: true }",
      undefined,
      { source: SOURCE },
    );
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
export function createSchema(db: Database.Database, table: string, where: string): void {
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
      { source: SOURCE },
    );
  }
  ddl(db, indexSql(table), where);
}

function ddl(db: Database.Database, sql: string, where: string): void {
  try {
    whileBusy(db.pragma("busy_timeout", { simple: true }) as number, () => db.exec(sql));
  } catch (error) {
    const code = sqliteCode(error);
    if (isBusy(error)) {
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
