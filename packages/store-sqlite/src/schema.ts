import type BetterSqlite3 from "better-sqlite3";

/**
 * The table and the statements behind `get` and `compareAndSet`. Internal: not re-exported.
 *
 * One row per key; `expires_at` is epoch milliseconds. Every read filters on `expires_at > now`,
 * so an expired row is invisible the moment it expires, whether or not a sweep has removed it yet.
 * The index on `expires_at` keeps sweeps cheap (they delete the oldest expired rows first).
 *
 * `WITHOUT ROWID`: the table is only ever looked up by its primary key, so the rows live in the
 * key's B-tree itself instead of a second rowid tree (one lookup instead of two).
 *
 * The table has kept this shape since the first release, so there is no schema version and no
 * migration: a file written by the old contract (keys `{…}:code`, `{…}:fail`, counters) opens
 * as is. The new engine never reads those keys; their rows expire and the sweep removes them.
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
  create: BetterSqlite3.Statement<
    [{ key: string; next: string; expiresAt: number; now: number }],
    unknown
  >;
  replace: BetterSqlite3.Statement<
    [{ key: string; expected: string; next: string; expiresAt: number; now: number }],
    unknown
  >;
  delete: BetterSqlite3.Statement<[{ key: string; expected: string; now: number }], unknown>;
  isAbsent: BetterSqlite3.Statement<[string, number], { absent: number }>;
  sweep: BetterSqlite3.Statement<[number, number], unknown>;
}

/**
 * Each case of `compareAndSet` is ONE statement, run inside a group-commit transaction begun
 * with `BEGIN IMMEDIATE` (see `group-commit.ts`), which holds the database's write lock from
 * before the first statement reads anything: no other connection, in this process or another,
 * can slip in between a comparison and its write. Run alone (outside such a transaction) a
 * writing statement takes the lock before it reads too: its first opcode asks for a write
 * transaction. `changes` says whether it wrote.
 *
 * Expired rows count as absent everywhere: `create` overwrites one, `replace` and `delete` never
 * match one (`expires_at > now`), and `get` never returns one. Values are compared with `=` on
 * TEXT, which uses SQLite's BINARY collation: byte for byte, case and accents included.
 */
export function prepareStatements(db: BetterSqlite3.Database, table: string): Statements {
  const t = quote(table);
  return {
    get: db.prepare(`SELECT value FROM ${t} WHERE key = ? AND expires_at > ?`),
    // Create-if-absent: the INSERT writes a missing key; on conflict the guarded UPDATE replaces
    // the row only when it has expired. A live row makes the WHERE false: `changes` is 0, lost.
    create: db.prepare(
      `INSERT INTO ${t} (key, value, expires_at) VALUES (@key, @next, @expiresAt)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
       WHERE ${t}.expires_at <= @now`,
    ),
    // Replace-if-equal: only a live row holding exactly the expected value.
    replace: db.prepare(
      `UPDATE ${t} SET value = @next, expires_at = @expiresAt
       WHERE key = @key AND value = @expected AND expires_at > @now`,
    ),
    // Delete-if-equal: only a live row holding exactly the expected value.
    delete: db.prepare(
      `DELETE FROM ${t} WHERE key = @key AND value = @expected AND expires_at > @now`,
    ),
    // "Delete if absent" changes nothing: it only has to say whether the key is absent, which one
    // read answers from one consistent snapshot.
    isAbsent: db.prepare(
      `SELECT NOT EXISTS (SELECT 1 FROM ${t} WHERE key = ? AND expires_at > ?) AS absent`,
    ),
    // Bounded work per sweep: at most `limit` rows, oldest expiry first (through the index).
    sweep: db.prepare(
      `DELETE FROM ${t} WHERE key IN (
         SELECT key FROM ${t} WHERE expires_at <= ? ORDER BY expires_at LIMIT ?
       )`,
    ),
  };
}

/**
 * The one statement of a `compareAndSet` case, bound to its arguments, to run when its batch is
 * flushed. It reads the clock then: it judges expiry and sets the new one at the moment it takes
 * effect, as a statement run alone does. `writes` is false for "delete if absent", a read.
 *
 * @param ttl Whole milliseconds, already validated (ignored when `next` is null).
 */
export function compareAndSetStatement(
  statements: Statements,
  now: () => number,
  key: string,
  expected: string | null,
  next: string | null,
  ttl: number,
): { run: () => boolean; writes: boolean } {
  if (next === null) {
    return expected === null
      ? { run: () => statements.isAbsent.get(key, now())?.absent === 1, writes: false }
      : {
          run: () => statements.delete.run({ key, expected, now: now() }).changes === 1,
          writes: true,
        };
  }
  return {
    run: () => {
      const t = now();
      const expiresAt = t + ttl;
      const result =
        expected === null
          ? statements.create.run({ key, next, expiresAt, now: t })
          : statements.replace.run({ key, expected, next, expiresAt, now: t });
      return result.changes === 1;
    },
    writes: true,
  };
}

/** Quotes an identifier that was already validated as `[A-Za-z_][A-Za-z0-9_]*`. */
function quote(identifier: string): string {
  return `"${identifier}"`;
}
