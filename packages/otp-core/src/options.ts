import { aint, configError } from "./assert.js";
import type { OtpChannel, Recipient } from "./channel.js";
import type { OtpSecret } from "./crypto.js";
import { OTP_DEFAULTS, OTP_LIMITS } from "./defaults.js";
import type { DeliveryOptions } from "./delivery.js";
import type { DestinationQuotaOptions } from "./destination-quota.js";
import type { OtpEvent, OtpEventSink } from "./events.js";
import type { CodePolicyOptions } from "./policy.js";
import type { RandomSource } from "./random.js";
import type { OtpStore } from "./store.js";

/** HMAC-SHA-256 of `data` under `key`. Inject a faster one (node:crypto) through {@link OtpOptions.hmac}. */
export type HmacFunction = (key: Uint8Array, data: Uint8Array) => Uint8Array;

/** Options for {@link createOtp}. Every field is checked once, here; errors name the field. */
export interface OtpOptions {
  /** Where state lives (memory, Redis, SQLite, PostgreSQL, or your own adapter). */
  store: OtpStore;
  /**
   * Server secrets; the first protects new codes, all verify existing ones (rotation: put the new
   * secret first, keep the old one until its codes have expired).
   */
  secrets: readonly OtpSecret[];
  /**
   * Keys the digest that names each subject's record in the store (32+ bytes), so whoever reads
   * the store cannot confirm a guessed e-mail address. Not rotated with `secrets`: changing it
   * forgets every subject's state (budgets, locks, throttles). Keep it stable and secret.
   */
  namingKey: string | Uint8Array;
  /** Code shape. @default { alphabet: "numeric", length: 6 } */
  code?: CodePolicyOptions;
  /** How long a code works, ms (1 min .. 10 min; up to 24 h with `allowLongTtl`). @default 600000 */
  ttlMs?: number;
  /**
   * Accept `ttlMs` over 10 minutes. NIST SP 800-63B-4 and OWASP ASVS 5.0 (6.5.5) cap out-of-band
   * codes at 10 minutes; set this only when you know why (a code sent by post, say).
   * @default false
   */
  allowLongTtl?: boolean;
  /** Wrong guesses one code survives; the last one ends it. @default 3 */
  maxAttempts?: number;
  /** The failed-attempt budget of a (subject, purpose) across resends, and what happens past it. */
  lockout?: {
    /** Failed attempts (over all codes) within `windowMs` before the subject is locked. @default 5 */
    maxFailures?: number;
    /** The budget counts failures within this window from the first one, ms. @default 3600000 (1 h) */
    windowMs?: number;
    /** How long the first lock lasts, ms; each further lock (without a success between) doubles it. @default 900000 (15 min) */
    durationMs?: number;
    /** The longest a doubled lock lasts, ms. @default 86400000 (24 h) */
    maxDurationMs?: number;
    /**
     * Consecutive failures (over every code and window; only a success clears them) at which the
     * subject stays locked until an operator calls `unlock`. NIST SP 800-63B-4 §3.2.2: at most 100.
     * @default 50
     */
    maxConsecutiveFailures?: number;
    /** How long the consecutive-failure count is remembered after the last failure, ms. @default 2592000000 (30 days) */
    rememberMs?: number;
  };
  /** Resend throttling per (subject, purpose). */
  resend?: {
    /** Minimum time between two codes, ms. @default 30000 */
    cooldownMs?: number;
    /** Codes per window. @default 5 */
    maxSends?: number;
    /** The window, ms, from the first send in it. @default 3600000 (1 h) */
    windowMs?: number;
  };
  /**
   * After a wrong guess, send a fresh code as a `retry` message (WhatsApp seed 003). The resend
   * throttle still applies; the failed-attempt budget is not reset.
   * @default false
   */
  retryOnFailure?: boolean;
  /**
   * `"hash"` stores only an HMAC of the code. `"encrypted"` also stores it AES-GCM-encrypted so
   * an authorised caller can see the active code again (`lookup({ reveal: true })`).
   * @default "hash"
   */
  storage?: "hash" | "encrypted";
  /**
   * The send quota per destination: at most so many codes to one e-mail address or phone number
   * (normalised: case, `+tags`, formatting) over every subject and purpose, whoever asks. It
   * stops a leaked key from pumping one number or bombing one inbox from ever-new subjects.
   * Counted in the store under its own keyed record, one more store round trip per issue;
   * `false` turns it off (and the round trip). Test recipients and `deliver: false` do not count.
   * @default { maxPerHour: 10, maxPerDay: 30 }
   */
  destinationQuota?: DestinationQuotaOptions | false;
  /**
   * The countries phone channels may send to (ISO 3166-1 alpha-2: `["US", "MX", "ES"]`), as
   * Twilio's Geo Permissions and Stytch's country allow-list: a number elsewhere is not sent to
   * (e-mail may still reach the recipient), and when nothing else can, `issue` throws
   * `DESTINATION_NOT_ALLOWED` naming the country. Numbers are placed by their E.164 calling code:
   * a code several countries share admits them all once one is listed (`"US"` admits every `+1`
   * number: Canada and the Caribbean too). Give `phoneCountryOf` to tell them apart.
   * @default every country
   */
  phoneCountries?: readonly string[];
  /**
   * Places a phone number in its country more exactly than its calling code can (for `+1`, `+7`,
   * `+44`…), e.g. with libphonenumber: `(phone) => parsePhoneNumber(phone)?.country`. Return
   * `undefined` when unsure: the calling code then decides. Only with `phoneCountries`.
   */
  phoneCountryOf?: (phone: string) => string | undefined;
  /** Delivery channels. Without them, call `issue({ deliver: false })` and deliver yourself. */
  channels?: readonly OtpChannel[];
  /** Retry, backoff and timeout of deliveries. */
  delivery?: DeliveryOptions;
  /** Send `lockout` and `unlock` messages to the last known destination. @default true */
  notifyLockout?: boolean;
  /** The audit trail. Awaited; never receives a code. */
  events?: OtpEventSink;
  /** Called when the event sink throws; the operation itself goes on. @default ignore */
  onSinkError?: (error: unknown, event: OtpEvent) => void;
  /** How long an idempotency key remembers its outcome, ms. @default 86400000 (24 h) */
  idempotencyTtlMs?: number;
  /** Clock in epoch ms. @default Date.now */
  now?: () => number;
  /** Random bytes. @default crypto.getRandomValues, drawn through a pooled buffer */
  random?: RandomSource;
  /**
   * HMAC-SHA-256. The default is `@noble/hashes` (pure JS, keyed once per key). Another
   * implementation can be injected, e.g. node:crypto's
   * `(key, data) => createHmac("sha256", key).update(data).digest()` — but measure first
   * (`pnpm bench` in otp-core): on the 2-core CI machine the default is 1.65–1.9× faster, because
   * createHmac re-keys on every call.
   */
  hmac?: HmacFunction;
  /** Sleep used between delivery retries and store-contention retries. @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
  /**
   * Schedule the unlock notice with a timer when a lock starts (in this process). Without it, the
   * `unlocked` event fires at the next write for the subject after the lock ends.
   * @default true
   */
  scheduleUnlocks?: boolean;
  /**
   * Test recipients (store reviewers, end-to-end suites, demo accounts): a recipient for which
   * `matches` returns true gets the fixed `code` and no delivery, and every event about that code
   * carries `test: true`. Refuse this in production at your edge (the server does).
   */
  testRecipients?: {
    /** The fixed code; it must fit the code policy (alphabet and length). */
    code: string;
    matches: (recipient: Recipient) => boolean;
  };
}

/** @internal The lockout rules, validated: what the pure decisions read. */
export interface LockoutRules {
  readonly maxFailures: number;
  readonly windowMs: number;
  readonly durationMs: number;
  readonly maxDurationMs: number;
  readonly maxConsecutiveFailures: number;
  readonly rememberMs: number;
}

/** @internal Every number the rules need, validated: the `policy` argument of the decisions. */
export interface RulesPolicy {
  readonly ttlMs: number;
  readonly maxAttempts: number;
  readonly lockout: LockoutRules;
  readonly cooldownMs: number;
  readonly maxSends: number;
  readonly sendWindowMs: number;
  readonly retryOnFailure: boolean;
  readonly notifyLockout: boolean;
}

/** @internal Checks every numeric option and returns the policy the decisions use. */
export function resolveRules(options: OtpOptions): RulesPolicy {
  const d = OTP_DEFAULTS;
  const L = OTP_LIMITS;
  const range = (field: string, value: unknown, [min, max]: readonly [number, number]) =>
    aint(field, value, min, max);
  const allowLongTtl = bool("allowLongTtl", options.allowLongTtl, false);
  const ttlMs = range("ttlMs", options.ttlMs ?? d.ttlMs, L.ttlMs);
  if (ttlMs > L.ttlMsWithoutOptIn && !allowLongTtl) {
    throw configError(
      "ttlMs",
      `at most ${L.ttlMsWithoutOptIn} (10 minutes)`,
      ttlMs,
      "NIST SP 800-63B-4 and ASVS 5.0 cap out-of-band codes at 10 minutes; set allowLongTtl: true to go beyond knowingly",
    );
  }
  const lockout = object("lockout", options.lockout);
  const resend = object("resend", options.resend);
  const durationMs = range(
    "lockout.durationMs",
    lockout.durationMs ?? d.lockout.durationMs,
    L.lockDurationMs,
  );
  const maxDurationMs = range(
    "lockout.maxDurationMs",
    lockout.maxDurationMs ?? Math.max(d.lockout.maxDurationMs, durationMs),
    L.maxLockDurationMs,
  );
  if (maxDurationMs < durationMs) {
    throw configError(
      "lockout.maxDurationMs",
      `at least lockout.durationMs (${durationMs})`,
      maxDurationMs,
    );
  }
  return Object.freeze({
    ttlMs,
    maxAttempts: range("maxAttempts", options.maxAttempts ?? d.maxAttempts, L.maxAttempts),
    lockout: Object.freeze({
      maxFailures: range(
        "lockout.maxFailures",
        lockout.maxFailures ?? d.lockout.maxFailures,
        L.maxFailures,
      ),
      windowMs: range(
        "lockout.windowMs",
        lockout.windowMs ?? d.lockout.windowMs,
        L.failureWindowMs,
      ),
      durationMs,
      maxDurationMs,
      maxConsecutiveFailures: range(
        "lockout.maxConsecutiveFailures",
        lockout.maxConsecutiveFailures ?? d.lockout.maxConsecutiveFailures,
        L.maxConsecutiveFailures,
      ),
      rememberMs: range(
        "lockout.rememberMs",
        lockout.rememberMs ?? d.lockout.rememberMs,
        L.rememberMs,
      ),
    }),
    cooldownMs: range("resend.cooldownMs", resend.cooldownMs ?? d.resend.cooldownMs, L.cooldownMs),
    maxSends: range("resend.maxSends", resend.maxSends ?? d.resend.maxSends, L.maxSends),
    sendWindowMs: range("resend.windowMs", resend.windowMs ?? d.resend.windowMs, L.sendWindowMs),
    retryOnFailure: bool("retryOnFailure", options.retryOnFailure, d.retryOnFailure),
    notifyLockout: bool("notifyLockout", options.notifyLockout, d.notifyLockout),
  });
}

/** @internal The other options, checked: the functions and switches the shell uses. */
export interface ShellOptions {
  readonly storage: "hash" | "encrypted";
  readonly idempotencyTtlMs: number;
  readonly scheduleUnlocks: boolean;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly events: OtpEventSink | undefined;
  readonly onSinkError: ((error: unknown, event: OtpEvent) => void) | undefined;
}

/** @internal */
export function resolveShell(options: OtpOptions): ShellOptions {
  const storage = options.storage ?? OTP_DEFAULTS.storage;
  if (storage !== "hash" && storage !== "encrypted") {
    throw configError("storage", `"hash" or "encrypted"`, storage);
  }
  return Object.freeze({
    storage,
    idempotencyTtlMs: aint(
      "idempotencyTtlMs",
      options.idempotencyTtlMs ?? OTP_DEFAULTS.idempotencyTtlMs,
      ...OTP_LIMITS.idempotencyTtlMs,
    ),
    scheduleUnlocks: bool("scheduleUnlocks", options.scheduleUnlocks, OTP_DEFAULTS.scheduleUnlocks),
    now: fn("now", options.now, "a function () => epoch ms") ?? Date.now,
    sleep:
      fn("sleep", options.sleep, "a function (ms) => Promise<void>") ??
      ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
    // An object here is a mistake that would silently drop the whole audit trail: refuse it.
    events: fn("events", options.events, "a function (event) => void (the audit sink)"),
    onSinkError: fn("onSinkError", options.onSinkError, "a function (error, event) => void"),
  });
}

/** @internal An optional function option, or `CONFIG_INVALID` naming it. */
export function fn<T>(field: string, value: T | undefined, expected: string): T | undefined {
  if (value !== undefined && typeof value !== "function") throw configError(field, expected, value);
  return value;
}

function bool(field: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") throw configError(field, "true or false", value);
  return value;
}

function object<T extends object>(field: string, value: T | undefined): Partial<T> {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw configError(field, "an object", value);
  }
  return value;
}
