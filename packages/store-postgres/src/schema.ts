import { configError } from "@otpkit/otp-core";

// The table, its migration, and the one statement behind each primitive. The SQL builders are
// exported from the package (a DBA applies the migration with their own tool); `statements` is
// internal.

/** The table name the store uses when none is given. */
export const DEFAULT_TABLE = "otp_store";

/**
 * Now, in epoch milliseconds, by the DATABASE's clock.
 *
 * Why the database clock and not `Date.now()`: several app servers share one table, and their
 * clocks drift apart (seconds, on a badly kept VM). With client clocks, a row written by a server
 * whose clock runs ahead would live longer than its TTL for the others, and a server whose clock
 * runs behind would still see rows that have expired for everyone else: "expired" would depend on
 * who asks. The database is the one clock every reader and writer shares, so expiry is decided
 * once. `clock_timestamp()`, not `now()`: `now()` is the start of the transaction, and a statement
 * that waited for a row lock would then judge expiry by a moment in the past.
 */
export const NOW_MS = "(extract(epoch from clock_timestamp()) * 1000)::bigint";

/** `name` or `schema.name`: the parts are quoted, so they must be plain identifiers. */
const TABLE = /^(?:[A-Za-z_][A-Za-z0-9_]{0,62}\.)?[A-Za-z_][A-Za-z0-9_]{0,51}$/;

/** A table name checked as an SQL identifier, quoted, with the name of its expiry index. */
export interface CheckedTableName {
  /** As given: `otp_store` or `auth.otp_store`. */
  readonly name: string;
  /** Quoted for SQL: `"otp_store"`, `"auth"."otp_store"`. */
  readonly quoted: string;
  /** The expiry index, quoted, unqualified (PostgreSQL puts it in the table's schema). */
  readonly index: string;
}

/**
 * Checks `tableName` and quotes it. Only letters, digits and `_` (and one `.` between a schema
 * and a table) pass, so the quoted name can be put into SQL text: identifiers cannot be bound as
 * parameters, and nothing unchecked is ever interpolated. The table part is at most 52
 * characters so that `<table>_expires_at` still fits PostgreSQL's 63-byte identifiers (a longer
 * name would be truncated silently).
 *
 * @throws {OtpError} `CONFIG_INVALID`, field `tableName`, for anything else.
 */
export function checkTableName(tableName: unknown = DEFAULT_TABLE): CheckedTableName {
  if (typeof tableName !== "string" || !TABLE.test(tableName)) {
    throw configError(
      "tableName",
      "an SQL identifier: letters, digits, _ (table up to 52, optional schema. prefix)",
      tableName,
      'e.g. "otp_store" or "auth.otp_store"',
      { source: "postgres" },
    );
  }
  const parts = tableName.split(".");
  const base = parts[parts.length - 1]!;
  return {
    name: tableName,
    quoted: parts.map((part) => `"${part}"`).join("."),
    index: `"${base}_expires_at"`,
  };
}

/**
 * The migration that creates the store's table and its expiry index, as SQL text for your own
 * migration tool (or run it with {@link migrate}). Idempotent: `IF NOT EXISTS` everywhere.
 *
 * - `key` is `COLLATE "C"`: keys are opaque ASCII digests compared byte for byte; the C collation
 *   makes the primary-key index byte-ordered, so it is faster than a locale collation and does not
 *   depend on the operating system's locale data (a glibc upgrade that changes a collation can
 *   silently corrupt text indexes; a "C" index is immune).
 * - `expires_at` is epoch milliseconds by the database clock; every read ignores rows with
 *   `expires_at <= now`, and the index on it lets sweeps find expired rows without a full scan.
 *
 * @param tableName The table, `name` or `schema.name`. @default "otp_store"
 * @returns The SQL, two statements separated by `;`.
 * @throws {OtpError} `CONFIG_INVALID`, field `tableName`, when `tableName` is not a plain SQL
 *   identifier.
 * @example
 * ```ts
 * await fs.writeFile("migrations/0007_otp_store.sql", postgresStoreMigration("otp_store"));
 * ```
 */
export function postgresStoreMigration(tableName: string = DEFAULT_TABLE): string {
  const t = checkTableName(tableName);
  return `CREATE TABLE IF NOT EXISTS ${t.quoted} (
  key text COLLATE "C" PRIMARY KEY,
  value text NOT NULL,
  expires_at bigint NOT NULL -- epoch milliseconds, database clock
);
CREATE INDEX IF NOT EXISTS ${t.index} ON ${t.quoted} (expires_at);
`;
}

/**
 * {@link postgresStoreMigration} for the default table, `otp_store`.
 *
 * @example
 * ```ts
 * await pool.query(POSTGRES_STORE_MIGRATION); // or hand it to your migration tool
 * ```
 */
export const POSTGRES_STORE_MIGRATION: string = postgresStoreMigration(DEFAULT_TABLE);

/**
 * A statement that deletes expired rows, for a scheduler outside the app (pg_cron, a cron job
 * running psql). At most `batch` rows per run, oldest first, skipping rows another session has
 * locked, so it never waits for (or blocks) a compare-and-set.
 *
 * @param tableName The table, `name` or `schema.name`. @default "otp_store"
 * @param batch At most this many rows per run. @default 10000
 * @returns One `DELETE` statement.
 * @throws {OtpError} `CONFIG_INVALID` for a bad `tableName` or `batch`.
 * @example
 * ```ts
 * await pool.query(`SELECT cron.schedule('otp-sweep', '* * * * *', $$${postgresStoreSweepSql()}$$)`);
 * ```
 */
export function postgresStoreSweepSql(tableName: string = DEFAULT_TABLE, batch = 10_000): string {
  const t = checkTableName(tableName);
  if (!Number.isInteger(batch) || batch < 1 || batch > 10_000_000) {
    throw configError("batch", "integer 1..10000000", batch, undefined, { source: "postgres" });
  }
  return sweepSql(t.quoted, String(batch));
}

/**
 * The sweep. `(SELECT now)` is evaluated once, before the scan (an InitPlan), so the planner can
 * use it as an index condition on `expires_at`; a volatile expression written inline would only
 * be a filter, and a sweep finding fewer than `limit` expired rows would then read the whole index.
 */
function sweepSql(quoted: string, limit: string): string {
  return `DELETE FROM ${quoted} WHERE key IN (
  SELECT key FROM ${quoted} WHERE expires_at <= (SELECT ${NOW_MS})
  ORDER BY expires_at LIMIT ${limit} FOR UPDATE SKIP LOCKED
)`;
}

/** The SQL text of every primitive for one table. */
export interface Statements {
  /** $1 key → rows of `value` (0 or 1). */
  get: string;
  /** $1 key → a row when the key is live (used for expected null, next null). */
  live: string;
  /** $1 key, $2 next, $3 ttl → rowCount 1 when created. */
  create: string;
  /** $1 key, $2 expected, $3 next, $4 ttl → rowCount 1 when replaced. */
  replace: string;
  /** $1 key, $2 expected → rowCount 1 when deleted. */
  remove: string;
  /** $1 limit → rowCount deleted. */
  sweep: string;
}

/**
 * One statement per primitive; each runs on its own (autocommit), at READ COMMITTED, the default.
 * Why each is atomic across connections and pools:
 *
 * - `create` (expected null): `INSERT … ON CONFLICT (key) DO UPDATE … WHERE cur.expires_at <= now`.
 *   PostgreSQL's speculative insertion guarantees INSERT-or-conflict with no window between; on a
 *   conflict it locks the existing row and evaluates the WHERE against its LATEST committed
 *   version (if the row changed while it waited, it starts over). So a live row (created or
 *   refreshed by anyone, even a transaction that committed a microsecond ago) makes it affect 0
 *   rows, and an expired row is taken over by exactly one of N concurrent callers: the others
 *   wait for that row lock, then see a live row.
 * - `replace` and `remove` (expected a value): `UPDATE`/`DELETE … WHERE key AND value = expected
 *   AND expires_at > now`. A concurrent writer holds the row lock; when it commits, READ
 *   COMMITTED re-checks the WHERE against the row's new version (EvalPlanQual) and skips it if
 *   the value no longer matches or the row is gone. Of N callers with the same `expected`, only
 *   the first can match; the rest re-check against its `next` and affect 0 rows.
 * - `live` (expected null, next null): a plain read. Nothing is written, so there is nothing to
 *   race with: the answer is true when no live row exists at that instant.
 */
export function statements(quoted: string): Statements {
  const t = quoted;
  return {
    get: `SELECT value FROM ${t} WHERE key = $1 AND expires_at > ${NOW_MS}`,
    live: `SELECT 1 FROM ${t} WHERE key = $1 AND expires_at > ${NOW_MS}`,
    create: `INSERT INTO ${t} AS cur (key, value, expires_at) VALUES ($1, $2, ${NOW_MS} + $3)
ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, expires_at = EXCLUDED.expires_at
WHERE cur.expires_at <= ${NOW_MS}`,
    replace: `UPDATE ${t} SET value = $3, expires_at = ${NOW_MS} + $4
WHERE key = $1 AND value = $2 AND expires_at > ${NOW_MS}`,
    remove: `DELETE FROM ${t} WHERE key = $1 AND value = $2 AND expires_at > ${NOW_MS}`,
    sweep: sweepSql(t, "$1"),
  };
}
