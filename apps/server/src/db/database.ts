import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import { migrations } from "./migrations.js";
import type { Schema } from "./schema.js";

/** The app database handle: SQLite file by default, PostgreSQL with DATABASE_URL. */
export interface AppDatabase {
  readonly db: Kysely<Schema>;
  readonly dialect: "sqlite" | "postgres";
  /** Where it lives, without credentials, for the start-up banner. */
  readonly location: string;
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

// pg returns BIGINT as a string (it may exceed 2^53); our BIGINTs are epoch milliseconds.
pg.types.setTypeParser(20, (value) => Number(value));

/** Opens the app database; call `migrate()` before use. */
export function openDatabase(options: { url?: string; sqlitePath: string }): AppDatabase {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: 10,
      connectionTimeoutMillis: 5_000,
    });
    const safe = new URL(options.url);
    safe.password = "";
    safe.username = safe.username ? `${safe.username}` : "";
    return wrap(
      new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) }),
      "postgres",
      safe.toString(),
    );
  }
  mkdirSync(dirname(options.sqlitePath), { recursive: true });
  const file = new Database(options.sqlitePath);
  file.pragma("journal_mode = WAL");
  file.pragma("busy_timeout = 5000");
  return wrap(
    new Kysely<Schema>({ dialect: new SqliteDialect({ database: file }) }),
    "sqlite",
    options.sqlitePath,
  );
}

function wrap(db: Kysely<Schema>, dialect: "sqlite" | "postgres", location: string): AppDatabase {
  return {
    db,
    dialect,
    location,
    async migrate() {
      // Kysely's migrator takes a lock (a table on SQLite, an advisory lock on PostgreSQL), so two
      // processes starting together do not both migrate.
      const { error } = await new Migrator({ db, provider: migrations(dialect) }).migrateToLatest();
      if (error) throw error;
    },
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },
  };
}
