import { OtpError } from "./errors.js";

// The errors every adapter raises the same way, in one place: otp-core itself, the stores and the
// channels build their option checks and their aborts with these, so a `CONFIG_INVALID` reads
// the same from every package and an abort means the same thing from every channel.

/** Options for {@link configError} and {@link intOption}. */
export interface ConfigErrorOptions {
  /** Which adapter raises it (`"email"`, `"redis"`), copied to `error.source`. */
  source?: string;
  /**
   * Show only the kind of `got` (`a string`, `an object`), never its value. Use it for anything
   * that may be a secret put in the wrong place: a connection URL, a key, credentials.
   */
  redact?: boolean;
  /** Extra machine-readable facts, copied to `error.details` (never a secret). */
  details?: Readonly<Record<string, string | number | boolean | null>>;
}

/**
 * The one message format for a bad option, after noble-hashes: `"field" expected X, got Y (fix)`,
 * e.g. `"length" expected integer 4..10, got 12`. The field is also on `error.field`.
 *
 * `got` is shown short: strings up to 60 characters quoted, longer ones by their length, numbers
 * and booleans as they are, objects and arrays by their kind. Never pass a secret as `got`
 * without `redact` (or pass a description of it instead, such as its size).
 *
 * @param field The option at fault, as the caller wrote it (`"smtp.port"`, `"secrets[0].key"`).
 * @param expected What a valid value looks like (`"integer 1..65535"`).
 * @param got The value received.
 * @param fix How to fix it, shown in parentheses (`"use 6+ digits"`).
 * @param options `source` (the adapter's name) and `redact`.
 * @returns An `OtpError` with code `CONFIG_INVALID`, not retryable; throw it.
 * @example
 * ```ts
 * if (typeof options.apiKey !== "string" || options.apiKey === "") {
 *   throw configError("apiKey", "the provider's API key", options.apiKey, "see the dashboard", {
 *     source: "sms",
 *     redact: true,
 *   });
 * }
 * // OtpError CONFIG_INVALID: "apiKey" expected the provider's API key, got undefined (see the dashboard)
 * ```
 */
export function configError(
  field: string,
  expected: string,
  got: unknown,
  fix?: string,
  options: ConfigErrorOptions = {},
): OtpError {
  return new OtpError("CONFIG_INVALID", format(field, expected, got, fix, options.redact), {
    field,
    source: options.source,
    details: options.details,
  });
}

/**
 * The same message format for a bad call argument: `INVALID_ARGUMENT`, e.g. `"ttlMs" expected
 * integer >= 1, got -5`. Use it in an adapter's methods (a bad argument at call time), and
 * {@link configError} in its factory (a bad option at construction).
 *
 * @param field The argument at fault.
 * @param expected What a valid value looks like.
 * @param got The value received (shown short, as in {@link configError}).
 * @param options `source`, `redact` and `details`, as for {@link configError}.
 * @returns An `OtpError` with code `INVALID_ARGUMENT`, not retryable; throw it.
 * @example
 * ```ts
 * if (!Number.isInteger(limit) || limit < 1) throw argumentError("limit", "integer >= 1", limit);
 * ```
 */
export function argumentError(
  field: string,
  expected: string,
  got: unknown,
  options: ConfigErrorOptions = {},
): OtpError {
  return new OtpError("INVALID_ARGUMENT", format(field, expected, got, undefined, options.redact), {
    field,
    source: options.source,
    details: options.details,
  });
}

/** The one message format: `"field" expected X, got Y (fix)`. */
function format(
  field: string,
  expected: string,
  got: unknown,
  fix: string | undefined,
  redact: boolean | undefined,
): string {
  const shown = redact ? kindOf(got) : show(got);
  return `"${field}" expected ${expected}, got ${shown}${fix ? ` (${fix})` : ""}`;
}

/**
 * An integer option in `min..max`, or `CONFIG_INVALID` naming it: `"timeoutMs" expected integer
 * 100..120000, got 0`. Apply your default first (`options.timeoutMs ?? 10_000`).
 *
 * @param field The option's name.
 * @param value The value received.
 * @param min The smallest value allowed.
 * @param max The largest value allowed.
 * @param options `source`, the adapter's name.
 * @returns `value`, now known to be an integer in range.
 * @throws OtpError `CONFIG_INVALID` when `value` is not an integer in `min..max`.
 * @example
 * ```ts
 * const timeoutMs = intOption("timeoutMs", options.timeoutMs ?? 10_000, 100, 120_000, { source: "sms" });
 * ```
 */
export function intOption(
  field: string,
  value: unknown,
  min: number,
  max: number,
  options: ConfigErrorOptions = {},
): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw configError(field, `integer ${min}..${max}`, value, undefined, options);
  }
  return value;
}

/**
 * The `ABORTED` error for an operation stopped by its `AbortSignal`. A timeout (`reason` is a
 * `TimeoutError`, as from `AbortSignal.timeout()`) is retryable: the provider may only have been
 * slow. Any other abort (shutdown, the user left) is not: whoever aborted did not want it done.
 *
 * `cause` is the signal's reason; `details.reason` its error name (`"TimeoutError"`,
 * `"AbortError"`), or `"unknown"`.
 *
 * @param signal The aborted signal.
 * @param source Which adapter raises it (`"email"`), copied to `error.source`.
 * @param message What was aborted, for people. @default "The operation was aborted"
 * @returns An `OtpError` with code `ABORTED`; throw it (or reject with it).
 * @example
 * ```ts
 * async send(message, { signal } = {}) {
 *   if (signal?.aborted) throw abortedError(signal, "sms", "The SMS send was aborted");
 *   // ...
 * }
 * ```
 */
export function abortedError(signal: AbortSignal, source: string, message?: string): OtpError {
  const reason: unknown = signal.reason;
  const name =
    typeof reason === "object" && reason !== null && typeof (reason as Error).name === "string"
      ? (reason as Error).name
      : typeof reason;
  return new OtpError("ABORTED", message, {
    retryable: name === "TimeoutError",
    source,
    // The reason comes from whoever aborted (the engine's timeout, a caller's controller), never
    // from a provider, so it carries no message content. Only a plain name goes into `details`,
    // which is meant to be logged as is.
    cause: reason,
    details: { reason: /^[A-Za-z]{1,40}$/.test(name) ? name : "unknown" },
  });
}

/**
 * Settles with `work`, or rejects as soon as `signal` fires (at once if it already has),
 * whichever comes first. A provider client or an injected `fetch` may ignore the signal; the race
 * makes the rejection prompt anyway. The handlers stay attached to `work`, so a late success or
 * failure of the losing side is absorbed rather than reported as an unhandled rejection.
 *
 * @param work The operation in flight (a send, a request).
 * @param signal The caller's signal; without one, `work` is returned as is.
 * @param onAbort What to reject with when the signal fires. @default the signal's `reason`
 * @returns `work`'s outcome, or a rejection with `onAbort(signal)`.
 * @throws {never} Synchronously; the returned promise rejects as described.
 * @example
 * ```ts
 * const info = await raceAbort(transporter.sendMail(mail), signal, (s) =>
 *   abortedError(s, "sms", "The SMS send was aborted"),
 * );
 * ```
 */
export function raceAbort<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
  onAbort: (signal: AbortSignal) => unknown = (aborted) => aborted.reason,
): Promise<T> {
  if (signal === undefined) return work;
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(onAbort(signal));
    work.then(
      (value) => {
        signal.removeEventListener("abort", abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", abort);
        reject(error);
      },
    );
    if (signal.aborted) abort();
    else signal.addEventListener("abort", abort, { once: true });
  });
}

/** `got` for a message: short, and never a whole object or a long string. */
function show(value: unknown): string {
  if (typeof value === "string") {
    return value.length > 60 ? `a string of ${value.length} characters` : JSON.stringify(value);
  }
  if (typeof value === "object" || typeof value === "function") return kindOf(value);
  return String(value);
}

/** Only the kind of a value: `undefined`, `null`, `an array`, `an object`, `a string`. */
function kindOf(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
