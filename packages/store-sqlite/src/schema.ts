import type BetterSqlite3 from "better-sqlite3";

/**
 * The table and the statements behind every primitive. Internal: not re-exported.
 *
 * One row per key; `expires_at` is epoch milliseconds. Every read filters on `expires_at > now`,
 * so an expired row is invisible the moment it expires, whether or not a sweep has removed it yet.
 * The index on `expires_at` keeps sweeps cheap (they delete the oldest expired rows first).
 *
 * `WITHOUT ROWID`: the table is only ever looked up by its primary key, so the rows live in the
 * key's B-tree itself instead of a second rowid tree (one lookup instead of two).
 */
export function tableSql(table: string): string {
  return `CREATE TABLE IF NOT EXISTS ${quote(table)} (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID`;
}

/** The index sweeps use to find the oldest expired rows. */
export function indexSql(table: string): string {
  return `CREATE INDEX IF NOT EXISTS ${quote(`${table}_expires_at`)} ON ${quote(table)} (expires_at)`;
}

/** The columns the statements need; an existing table under the same name must have them. */
export const REQUIRED_COLUMNS = ["key", "value", "expires_at"] as const;

/** Prepared statements, compiled once per store. */
export interface Statements {
  get: BetterSqlite3.Statement<[string, number], { value: string }>;
  set: BetterSqlite3.Statement<[string, string, number], unknown>;
  setIfAbsent: BetterSqlite3.Statement<
    [{ key: string; value: string; expiresAt: number; now: number }],
    unknown
  >;
  consume: BetterSqlite3.Statement<[string, number], { value: string }>;
  consumeIfEqual: BetterSqlite3.Statement<[string, number, string], { value: string }>;
  increment: BetterSqlite3.Statement<
    [{ key: string; expiresAt: number; now: number }],
    { value: string | number }
  >;
  delete: BetterSqlite3.Statement<[string], unknown>;
  sweep: BetterSqlite3.Statement<[number, number], unknown>;
}

/**
 * Every primitive is ONE statement, so SQLite runs each in its own implicit transaction: a
 * statement that writes takes the database's write lock before it reads anything, so no other
 * connection (in this process or another) can slip in between its read and its write. That is
 * what makes the read-modify-write primitives (setIfAbsent, consume, increment) atomic across
 * processes without an explicit BEGIN IMMEDIATE.
 */
export function prepareStatements(db: BetterSqlite3.Database, table: string): Statements {
  const t = quote(table);
  return {
    get: db.prepare(`SELECT value FROM ${t} WHERE key = ? AND expires_at > ?`),
    set: db.prepare(
      `INSERT INTO ${t} (key, value, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
    ),
    // Writes when the key is absent (INSERT) or present but expired (the guarded UPDATE); a live
    // row makes the UPDATE's WHERE false, so `changes` is 0 and the caller lost.
    setIfAbsent: db.prepare(
      `INSERT INTO ${t} (key, value, expires_at) VALUES (@key, @value, @expiresAt)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
       WHERE ${t}.expires_at <= @now`,
    ),
    // DELETE … RETURNING reads and removes in one step: of N concurrent consumers one gets a row.
    consume: db.prepare(`DELETE FROM ${t} WHERE key = ? AND expires_at > ? RETURNING value`),
    consumeIfEqual: db.prepare(
      `DELETE FROM ${t} WHERE key = ? AND expires_at > ? AND value = ? RETURNING value`,
    ),
    // Creates the counter at 1 with its expiry, restarts an expired one, or adds 1 while keeping
    // expires_at: the window never slides. A value that is not a plain decimal counter is left
    // exactly as it is and returned, so the caller can report STORE_DATA_INVALID.
    increment: db.prepare(
      `INSERT INTO ${t} (key, value, expires_at) VALUES (@key, '1', @expiresAt)
       ON CONFLICT (key) DO UPDATE SET
         value = CASE
           WHEN ${t}.expires_at <= @now THEN '1'
           WHEN ${t}.value <> '' AND ${t}.value NOT GLOB '*[^0-9]*' AND length(${t}.value) <= 15
             THEN CAST(CAST(${t}.value AS INTEGER) + 1 AS TEXT)
           ELSE ${t}.value
         END,
         expires_at = CASE WHEN ${t}.expires_at <= @now THEN excluded.expires_at ELSE ${t}.expires_at END
       RETURNING value`,
    ),
    delete: db.prepare(`DELETE FROM ${t} WHERE key = ?`),
    // Bounded work per sweep: at most `limit` rows, oldest expiry first (through the index).
    sweep: db.prepare(
      `DELETE FROM ${t} WHERE key IN (
         SELECT key FROM ${t} WHERE expires_at <= ? ORDER BY expires_at LIMIT ?
       )`,
    ),
  };
}

/** Quotes an identifier that was already validated as `[A-Za-z_][A-Za-z0-9_]*`. */
function quote(identifier: string): string {
  return `"${identifier}"`;
}
