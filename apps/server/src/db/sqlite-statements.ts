import type Database from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

/** How many prepared statements {@link cachingStatements} keeps (the app's queries are far fewer). */
export const STATEMENT_CACHE_SIZE = 256;

/**
 * The SQLite connection as Kysely's SqliteDialect sees it, with its prepared statements kept:
 * Kysely prepares every query it runs again (measured: `prepare` was 7 % of the server's CPU
 * under load, more than the statements' own work), while a better-sqlite3 statement can be run
 * any number of times. Keyed by the SQL text; the oldest is dropped past `max` (a multi-row
 * INSERT of n rows is its own text per n). Safe because better-sqlite3 runs a statement to the end
 * synchronously: one statement is never in use twice at once (Kysely's `streamQuery` would be,
 * and the app never streams).
 *
 * @param file The open better-sqlite3 connection; `close()` closes it.
 * @param max Statements kept.
 * @throws {never} `prepare` throws SQLite's own error for bad SQL, as uncached.
 * @example
 * new Kysely<Schema>({ dialect: new SqliteDialect({ database: cachingStatements(file) }) });
 */
export function cachingStatements(
  file: Database.Database,
  max = STATEMENT_CACHE_SIZE,
): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = file.prepare(sql);
        if (statements.size >= max) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
    close() {
      statements.clear();
      file.close();
    },
  };
}
