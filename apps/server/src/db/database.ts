import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { KyselyConfig } from "kysely";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import type { GroupCommit } from "./group-commit.js";
import { createGroupCommit } from "./group-commit.js";
import { migrations } from "./migrations.js";
import type { Schema } from "./schema.js";
import { cachingStatements } from "./sqlite-statements.js";

/** The driver under Kysely, for what Kysely cannot do (SQLite's data_version, PostgreSQL's LISTEN). */
export type NativeDatabase =
  | { dialect: "sqlite"; file: Database.Database }
  | { dialect: "postgres"; url: string };

/** The app database handle: SQLite file by default, PostgreSQL with DATABASE_URL. */
export interface AppDatabase {
  readonly db: Kysely<Schema>;
  readonly dialect: "sqlite" | "postgres";
  /** Where it lives, without credentials, for the start-up banner. */
  readonly location: string;
  /**
   * The request path's writes (audit events, verification rows), group-committed: many
   * requests' writes in one transaction, each answered after COMMIT (db/group-commit.ts).
   */
  readonly writes: GroupCommit;
  readonly native: NativeDatabase;
  /** Runs `closer` on `close()`, after the queued writes and before the connections end. */
  onClose(closer: () => Promise<void>): void;
  migrate(): Promise<void>;
  ping(): Promise<void>;
  /** Commits the queued writes, runs the `onClose` closers, then ends the connections. */
  close(): Promise<void>;
}

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** DATABASE_URL: PostgreSQL; else SQLite at `sqlitePath`. */
  url?: string | undefined;
  sqlitePath: string;
  /** Kysely's query log (tests count the transactions with it). */
  log?: KyselyConfig["log"];
}

// pg returns BIGINT as a string (it may exceed 2^53); our BIGINTs are epoch milliseconds.
pg.types.setTypeParser(20, (value) => Number(value));

/**
 * Opens the app database; call `migrate()` before use.
 *
 * @throws {Error} When the SQLite file cannot be opened (PostgreSQL connects on first use).
 * @example
 * const app = openDatabase({ url: config.DATABASE_URL, sqlitePath: join(dir, "app.sqlite") });
 * await app.migrate();
 */
export function openDatabase(options: OpenDatabaseOptions): AppDatabase {
  const log = options.log ? { log: options.log } : {};
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: 10,
      connectionTimeoutMillis: 5_000,
    });
    // A connection PostgreSQL ends (a restart, a failover, pg_terminate_backend) is an "error"
    // event on its pg.Client, and on the pool when the client was idle; an "error" event nobody
    // listens to throws, and would end the whole process. The query running on it (if any)
    // rejects with the error all the same, and the pool drops the dead client and opens a new
    // one for the next query: nothing to do here but keep the process alive.
    pool.on("error", () => undefined);
    pool.on("connect", (client) => client.on("error", () => undefined));
    const safe = new URL(options.url);
    safe.password = "";
    safe.username = safe.username ? `${safe.username}` : "";
    return wrap(
      new Kysely<Schema>({ dialect: new PostgresDialect({ pool }), ...log }),
      { dialect: "postgres", url: options.url },
      safe.toString(),
    );
  }
  mkdirSync(dirname(options.sqlitePath), { recursive: true });
  const file = new Database(options.sqlitePath);
  file.pragma("journal_mode = WAL");
  // Explicit, whatever the build's default: in WAL mode FULL syncs the log at every commit, so
  // every outcome the server answered survives a crash or a power cut (NORMAL could lose the
  // last commits). The group commit pays that fsync once per batch, not once per write.
  file.pragma("synchronous = FULL");
  file.pragma("busy_timeout = 5000");
  return wrap(
    new Kysely<Schema>({
      dialect: new SqliteDialect({ database: cachingStatements(file) }),
      ...log,
    }),
    { dialect: "sqlite", file },
    options.sqlitePath,
  );
}

function wrap(db: Kysely<Schema>, native: NativeDatabase, location: string): AppDatabase {
  const dialect = native.dialect;
  // What one flush costs. SQLite (better-sqlite3 is synchronous: the flush holds the event loop):
  // one fsync of the WAL at COMMIT (~0.35 ms on a quiet disk here, 1.5–7 ms measured while other
  // processes were syncing) plus ~10–20 µs per write (statements and Kysely's compiling); at most
  // 64 writes a flush keeps the stall within about a millisecond over the fsync. PostgreSQL (off
  // the loop): BEGIN, a statement or two per kind of write, COMMIT, one round trip each.
  const writes = createGroupCommit(
    db,
    dialect === "sqlite" ? { begin: "begin immediate", maxBatch: 64 } : { begin: "begin" },
  );
  const closers: Array<() => Promise<void>> = [];
  let closing: Promise<void> | undefined;
  return {
    db,
    dialect,
    location,
    writes,
    native,
    onClose(closer) {
      closers.push(closer);
    },
    async migrate() {
      // Kysely's migrator takes a lock (a table on SQLite, an advisory lock on PostgreSQL), so two
      // processes starting together do not both migrate.
      const { error } = await new Migrator({ db, provider: migrations(dialect) }).migrateToLatest();
      if (error) throw error;
    },
    async ping() {
      await sql`select 1`.execute(db);
    },
    close() {
      closing ??= (async () => {
        try {
          await writes.close();
          await Promise.allSettled(closers.map((close) => close()));
        } finally {
          await db.destroy();
        }
      })();
      return closing;
    },
  };
}
