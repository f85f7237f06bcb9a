import { argumentError as coreArgumentError, OtpError } from "@otpkit/otp-core";

// How driver errors become OtpErrors, for the store and for opening the file. Internal: not
// re-exported.

export const SOURCE = "sqlite";
export const PREFIX = "[otp-store-sqlite]";

const UNAVAILABLE_CODES =
  /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|PROTOCOL|NOMEM|INTERRUPT|PERM)/;
const DATA_CODES = /^SQLITE_(CORRUPT|NOTADB|MISMATCH|FORMAT)/;

/**
 * A driver error as `STORE_DATA_INVALID` (a damaged or foreign file) or `STORE_UNAVAILABLE`
 * (locked beyond the busy timeout: `details.reason` `"busy"`; anything else: `"io"`).
 */
export function toOtpError(
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
  const busy = isBusy(error);
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

/** `INVALID_ARGUMENT` for a bad call argument, in otp-core's one message format. */
export function argumentError(field: string, expected: string, got: unknown): OtpError {
  return coreArgumentError(field, expected, got, { source: SOURCE });
}

/** Whether the driver error is a lock held by another connection (SQLITE_BUSY, SQLITE_LOCKED). */
export function isBusy(error: unknown): boolean {
  const code = sqliteCode(error);
  return code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED");
}

export function sqliteCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
