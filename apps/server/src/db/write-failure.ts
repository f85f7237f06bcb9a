// Why a batched transaction failed: because of one of its writes (a constraint, a bad value), or
// because the database itself failed (gone, busy, full, read-only). The group commit re-runs the
// writes of a failed batch one by one only in the first case; in the second every write of the
// batch would fail the same way, one connection timeout after another.

/** SQLite result codes (better-sqlite3's `code`) of the database, not of one statement. */
const SQLITE_DOWN =
  /^SQLITE_(BUSY|LOCKED|IOERR|FULL|READONLY|CANTOPEN|CORRUPT|NOTADB|NOMEM|PROTOCOL|INTERRUPT|PERM)/;

/**
 * PostgreSQL SQLSTATE classes of the server or the connection: 08 connection exception, 53
 * insufficient resources, 57 operator intervention (shutdown, cancel), 58 system error, XX
 * internal error. A constraint (23) or a bad value (22) belongs to one statement.
 */
const POSTGRES_DOWN = /^(08|53|57|58|XX)[0-9A-Z]{3}$/;

/** Socket errors (node's `code`) on the way to PostgreSQL. */
const SOCKET_DOWN = /^(ECONN|EPIPE|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)/;

/** Messages of pg and better-sqlite3 for a connection that is gone or never came. */
const GONE =
  /Connection terminated|timeout exceeded when trying to connect|not queryable|Cannot use a pool after calling end|database connection is not open/i;

/**
 * Whether `error` is a failure of the database as a whole (every write would fail alike), as
 * opposed to a failure of one write.
 *
 * @throws {never}
 * @example
 * isDatabaseFailure(Object.assign(new Error("disk I/O error"), { code: "SQLITE_IOERR" })); // true
 * isDatabaseFailure(Object.assign(new Error("not null"), { code: "23502" })); // false
 */
export function isDatabaseFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") {
    if (SQLITE_DOWN.test(code) || POSTGRES_DOWN.test(code) || SOCKET_DOWN.test(code)) return true;
  }
  return GONE.test(error.message);
}
