import { OtpError } from "@otpkit/otp-core";

// How every Redis call of this package is bounded in time and how its failures become OtpErrors.
// Internal: not re-exported. Shared by the store and by checkRedisStore.

export const SOURCE = "redis";
export const PREFIX = "[otp-store-redis]";

/** Our own deadline, distinct from ioredis' "Command timed out" so the message can say which fired. */
class StoreTimeoutError extends Error {
  override readonly name = "StoreTimeoutError";
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms (the store's timeoutMs)`);
  }
}

/**
 * Runs one command, bounded by `timeoutMs` (`0`: no bound of ours), and turns every failure into
 * an OtpError. On timeout the command may still run later on the server; the caller only learns
 * that the outcome is unknown, which is why this throws instead of guessing a value.
 */
export async function runBounded<T>(
  operation: string,
  timeoutMs: number,
  command: () => Promise<T>,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const pending = command();
    if (timeoutMs === 0) return await pending;
    return await new Promise<T>((resolve, reject) => {
      timer = setTimeout(() => reject(new StoreTimeoutError(timeoutMs)), timeoutMs);
      pending.then(resolve, reject);
    });
  } catch (error) {
    throw toOtpError(operation, error);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/** Redis replies that mean "this key holds something otpkit did not write". */
const DATA_ERRORS = /^WRONGTYPE/;
/** Redis replies that a retry will not fix (credentials, ACL). */
const AUTH_ERRORS = /^(NOAUTH|WRONGPASS|NOPERM)/;

/** Maps a driver error (or our timeout) to `STORE_DATA_INVALID` or `STORE_UNAVAILABLE`. */
export function toOtpError(operation: string, error: unknown): OtpError {
  if (error instanceof OtpError) return error;
  const cause = sanitize(error);
  if (cause.name === "ReplyError" && DATA_ERRORS.test(cause.message)) {
    return new OtpError(
      "STORE_DATA_INVALID",
      `${PREFIX} ${operation} found a value otpkit did not write (${firstWord(cause.message)}); delete the key or use another keyPrefix`,
      { cause, source: SOURCE, details: { operation } },
    );
  }
  const reason = classify(cause);
  const hint =
    reason === "timeout"
      ? "the outcome is unknown; check the server's health and latency"
      : reason === "connection"
        ? "Redis is unreachable; the client reconnects on its own and the store works again once it is back"
        : "Redis refused the command";
  return new OtpError(
    "STORE_UNAVAILABLE",
    `${PREFIX} ${operation} failed: ${cause.message} (${hint})`,
    {
      cause,
      source: SOURCE,
      ...(AUTH_ERRORS.test(cause.message) ? { retryable: false } : {}),
      details: { operation, reason },
    },
  );
}

function classify(error: Error & { code?: unknown }): "timeout" | "connection" | "server" {
  if (
    error.name === "StoreTimeoutError" ||
    error.message === "Command timed out" ||
    error.code === "ETIMEDOUT"
  ) {
    return "timeout";
  }
  if (error.name === "ReplyError") return "server";
  return "connection";
}

function firstWord(message: string): string {
  return message.split(" ", 1)[0] ?? message;
}

/** Properties of a driver error that help diagnose it and never hold data. */
const SAFE_FIELDS = ["code", "errno", "syscall", "address", "port", "timeoutMs"] as const;

/**
 * A copy of the driver error without `command.args`: ioredis attaches the command and its
 * arguments (the stored and expected values) to reply and abort errors, and an OtpError's `cause`
 * must never carry stored values. Name, message, stack and the network fields survive; the
 * ClusterAllFailed error's `lastNodeError` becomes the copy's `cause`.
 */
export function sanitize(error: unknown): Error & { code?: unknown } {
  if (!(error instanceof Error)) return new Error(String(error));
  const source = error as Error & Record<string, unknown>;
  const inner = source["lastNodeError"] ?? source.cause;
  const copy = new Error(
    error.message,
    inner === undefined ? undefined : { cause: sanitize(inner) },
  ) as Error & Record<string, unknown>;
  copy.name = error.name;
  if (error.stack !== undefined) copy.stack = error.stack;
  for (const field of SAFE_FIELDS) {
    if (source[field] !== undefined) copy[field] = source[field];
  }
  return copy;
}
