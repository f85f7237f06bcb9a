import { OtpError } from "@otpkit/otp-core";

// How a driver error of this package becomes an OtpError. Internal: not re-exported. Shared by
// the store and by migrate().

export const SOURCE = "postgres";
export const PREFIX = "[otp-store-postgres]";

/** SQLSTATEs meaning "the table is not there", fixed by running the migration. */
const MISSING_TABLE = new Set(["42P01", "3F000"]); // undefined_table, invalid_schema_name
/** SQLSTATEs meaning "a table of that name exists but is not otpkit's". */
const FOREIGN_TABLE = new Set(["42703", "42804", "42883", "42P10"]);
/** SQLSTATEs caused by the argument itself (a NUL character, a key too long for the index). */
const BAD_ARGUMENT = new Set(["22021", "22P05", "54000"]);
/** SQLSTATE classes or codes a retry does not fix: credentials, privileges, no such database. */
const PERMANENT = /^(28|42501|3D000)/;
/** Node socket error codes meaning the server could not be reached or the connection broke. */
const NETWORK_CODES = /^E(CONNREFUSED|CONNRESET|HOSTUNREACH|NETUNREACH|PIPE|AI_AGAIN|NOTFOUND)$/;

/**
 * Maps a driver error to an OtpError:
 *
 * - no table (`42P01`, no schema `3F000`) → `CONFIG_INVALID`, field `tableName`, naming
 *   `migrate()`: retrying cannot fix a missing table, a deployment step can;
 * - a table of that name with other columns → `CONFIG_INVALID`, field `tableName`;
 * - a value PostgreSQL text cannot hold (U+0000) or a key too long to index → `INVALID_ARGUMENT`;
 * - everything else → `STORE_UNAVAILABLE`: the outcome of the statement is unknown (connection
 *   refused or lost, backend terminated, timeout, server shutting down). Retryable except for
 *   authentication, privilege and missing-database errors.
 *
 * `cause` is a copy of the driver error without `detail`, `where` and `internalQuery`: PostgreSQL
 * puts row contents in those ("Failing row contains (…)"), and a stored value must never travel
 * in an error.
 */
export function toOtpError(operation: string, error: unknown, tableName: string): OtpError {
  if (error instanceof OtpError) return error;
  const cause = sanitize(error);
  const code = typeof cause.code === "string" ? cause.code : "";
  const details = { operation, sqlstate: /^[0-9A-Z]{5}$/.test(code) ? code : null };
  if (MISSING_TABLE.has(code)) {
    return new OtpError(
      "CONFIG_INVALID",
      `${PREFIX} ${operation} failed: the table ${JSON.stringify(tableName)} does not exist (run \`await migrate(pool, { tableName: ${JSON.stringify(tableName)} })\` from @otpkit/store-postgres once, or apply postgresStoreMigration(${JSON.stringify(tableName)}) with your migration tool)`,
      { cause, field: "tableName", source: SOURCE, details },
    );
  }
  if (FOREIGN_TABLE.has(code)) {
    return new OtpError(
      "CONFIG_INVALID",
      `${PREFIX} ${operation} failed: the table ${JSON.stringify(tableName)} is not an otpkit store table (${cause.message}); choose another tableName, or drop it and run migrate()`,
      { cause, field: "tableName", source: SOURCE, details },
    );
  }
  if (BAD_ARGUMENT.has(code)) {
    return new OtpError(
      "INVALID_ARGUMENT",
      `${PREFIX} ${operation} failed: PostgreSQL refused the key or value (${cause.message}); text cannot hold U+0000 and keys must stay under ~2,000 bytes`,
      { cause, source: SOURCE, details },
    );
  }
  const reason = classify(cause, code);
  const hint =
    reason === "timeout"
      ? "the outcome is unknown; check the database's health and latency"
      : reason === "connection"
        ? "PostgreSQL is unreachable or the connection was lost; the pool reconnects on its own"
        : "PostgreSQL refused the statement";
  return new OtpError(
    "STORE_UNAVAILABLE",
    `${PREFIX} ${operation} failed: ${cause.message || code || cause.name} (${hint})`,
    {
      cause,
      source: SOURCE,
      ...(PERMANENT.test(code) ? { retryable: false } : {}),
      details: { ...details, reason },
    },
  );
}

function classify(error: Error, code: string): "timeout" | "connection" | "server" {
  // 57014: query_canceled (statement_timeout, pg_cancel_backend); "Query read timeout": pg's
  // query_timeout, which the store sets from its timeoutMs.
  if (code === "57014" || code === "ETIMEDOUT" || /timeout/i.test(error.message)) return "timeout";
  // 08: connection exceptions; 57P01-03: admin/crash shutdown, cannot connect now (a terminated
  // backend, a restart, a failover); 53300: too many connections.
  if (/^(08|57P0|53300)/.test(code) || NETWORK_CODES.test(code)) return "connection";
  if (/connection|terminated|closed|not queryable|ended/i.test(error.message)) return "connection";
  return "server";
}

/** Properties of a driver error that help diagnose it and never hold row data. */
const SAFE_FIELDS = [
  "code",
  "severity",
  "hint",
  "schema",
  "table",
  "column",
  "constraint",
  "routine",
  "errno",
  "syscall",
  "address",
  "port",
] as const;

/**
 * A copy of the driver error with only {@link SAFE_FIELDS}. An `AggregateError` (Node tried IPv4
 * and IPv6 and both failed) often has an empty message: its first inner error's message is used.
 */
function sanitize(error: unknown): Error & { code?: unknown } {
  if (!(error instanceof Error)) return new Error(String(error));
  const source = error as Error & Record<string, unknown>;
  const inner = error instanceof AggregateError ? (error.errors[0] as unknown) : source.cause;
  const innerCopy = inner === undefined ? undefined : sanitize(inner);
  const message = error.message || innerCopy?.message || "";
  const copy = new Error(
    message,
    innerCopy === undefined ? undefined : { cause: innerCopy },
  ) as Error & Record<string, unknown>;
  copy.name = error.name;
  if (error.stack !== undefined) copy.stack = error.stack;
  for (const field of SAFE_FIELDS) {
    if (source[field] !== undefined) copy[field] = source[field];
  }
  if (copy["code"] === undefined && innerCopy?.code !== undefined) copy["code"] = innerCopy.code;
  return copy;
}
