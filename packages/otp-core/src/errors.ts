/**
 * Every operational failure otp-core (and every otpkit adapter) throws, in one table.
 *
 * Codes are public API: callers branch on them and the HTTP edge maps them to statuses.
 * `errors.test.ts` locks this list, so removing or renaming a code is a deliberate, major change.
 * Expected outcomes (wrong code, expired, locked, throttled) are never errors: they are values.
 */
export const OTP_ERROR_CODES = {
  /** A factory option is missing or out of range. The message names the field and the fix. */
  CONFIG_INVALID: "Configuration is invalid",
  /** A call argument is malformed (empty subject, unknown channel name, oversize input). */
  INVALID_ARGUMENT: "An argument is invalid",
  /** The store could not be reached or did not answer in time. Nothing was decided. */
  STORE_UNAVAILABLE: "The OTP store is unavailable",
  /** The store returned data otp-core did not write (corrupted or foreign value). */
  STORE_DATA_INVALID: "The OTP store returned unreadable data",
  /**
   * The store is full and refuses new keys rather than evicting live state (the memory store at
   * `maxKeys`). Retryable: space frees up as records expire.
   */
  STORE_FULL: "The OTP store is full",
  /**
   * Concurrent changes to one subject kept winning the compare-and-set, and the engine gave up
   * after its bounded retries. Nothing was decided for this call. Retryable.
   */
  STORE_CONTENTION: "Too many concurrent changes to this subject; try again",
  /** No configured channel can reach the recipient (no phone for WhatsApp, no address at all). */
  NO_CHANNEL: "No delivery channel can reach this recipient",
  /**
   * The phone number is in a country the engine's `phoneCountries` allow-list leaves out (and no
   * other channel may reach the recipient). `details.country` (when known) and
   * `details.callingCode` say which. Not retryable: the same number is refused again.
   */
  DESTINATION_NOT_ALLOWED: "Codes may not be sent to this destination's country",
  /**
   * A channel could not deliver (provider error; `retryable` says whether to try again), or, from
   * the engine, every eligible channel failed (`cause` is the last channel's error).
   */
  DELIVERY_FAILED: "The message could not be delivered",
  /** The recipient address is unusable for this channel (syntax, several recipients). */
  RECIPIENT_INVALID: "The recipient is not valid for this channel",
  /** The provider rejected our credentials or configuration (token expired, template missing). */
  PROVIDER_REJECTED: "The delivery provider rejected the request",
  /** The provider asked us to slow down. Retryable. */
  PROVIDER_THROTTLED: "The delivery provider is throttling requests",
  /** The operation was aborted through its AbortSignal or ran past its timeout. */
  ABORTED: "The operation was aborted",
  /**
   * The idempotency key is in use: by a request still in progress (retryable), or by an earlier
   * request with different content (`retryable` false: use a new key for a new request).
   */
  IDEMPOTENCY_CONFLICT: "This idempotency key belongs to another request",
  /** A stored code was protected with a secret id that is no longer configured. */
  SECRET_UNKNOWN: "The secret that protected this code is no longer configured",
  /** WebCrypto failed (bad key material, tampered ciphertext). */
  CRYPTO_FAILED: "A cryptographic operation failed",
} as const;

/** The stable UPPER_SNAKE identifier of an {@link OtpError}. */
export type OtpErrorCode = keyof typeof OTP_ERROR_CODES;

/** Options for {@link OtpError}. */
export interface OtpErrorOptions {
  /** The underlying error (provider, driver, WebCrypto). Never contains a code: adapters make sure. */
  cause?: unknown;
  /** True when repeating the same operation later may succeed (timeouts, throttling, 4xx SMTP). */
  retryable?: boolean;
  /** For `CONFIG_INVALID` / `INVALID_ARGUMENT`: the option or argument at fault. */
  field?: string;
  /** Which adapter raised it (`"redis"`, `"email"`), for diagnostics. */
  source?: string;
  /** Extra machine-readable facts (provider error code, HTTP status). Never a code or a secret. */
  details?: Readonly<Record<string, string | number | boolean | null>>;
}

/**
 * The one error class of otpkit.
 *
 * @example
 * ```ts
 * try { await otp.issue(request) } catch (e) {
 *   if (isOtpError(e) && e.retryable) scheduleRetry();
 * }
 * ```
 */
export class OtpError extends Error {
  override readonly name = "OtpError";
  readonly code: OtpErrorCode;
  readonly retryable: boolean;
  readonly field: string | undefined;
  readonly source: string | undefined;
  readonly details: Readonly<Record<string, string | number | boolean | null>> | undefined;

  constructor(code: OtpErrorCode, message?: string, options: OtpErrorOptions = {}) {
    super(
      message ?? OTP_ERROR_CODES[code],
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.code = code;
    this.retryable = options.retryable ?? DEFAULT_RETRYABLE.has(code);
    this.field = options.field;
    this.source = options.source;
    this.details = options.details;
  }
}

const DEFAULT_RETRYABLE: ReadonlySet<OtpErrorCode> = new Set([
  "STORE_UNAVAILABLE",
  "STORE_FULL",
  "STORE_CONTENTION",
  "PROVIDER_THROTTLED",
  "IDEMPOTENCY_CONFLICT",
]);

/**
 * True for any `OtpError`, also one thrown by a second copy of otp-core in the same process
 * (checks `name` and `code`, not only `instanceof`, as tRPC does).
 */
export function isOtpError(value: unknown): value is OtpError {
  if (value instanceof OtpError) return true;
  if (typeof value !== "object" || value === null) return false;
  const v = value as { name?: unknown; code?: unknown };
  return v.name === "OtpError" && typeof v.code === "string" && v.code in OTP_ERROR_CODES;
}
