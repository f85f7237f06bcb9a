// Every default and every range of createOtp, stated once and exported: the server, the HubSpot
// adapter and the docs import these instead of restating them.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The shape of {@link OTP_DEFAULTS}. */
export interface OtpDefaults {
  readonly purpose: string;
  readonly code: { readonly alphabet: "numeric"; readonly length: number };
  readonly ttlMs: number;
  readonly maxAttempts: number;
  readonly lockout: {
    readonly maxFailures: number;
    readonly windowMs: number;
    readonly durationMs: number;
    readonly maxDurationMs: number;
    readonly maxConsecutiveFailures: number;
    readonly rememberMs: number;
  };
  readonly resend: {
    readonly cooldownMs: number;
    readonly maxSends: number;
    readonly windowMs: number;
  };
  readonly destinationQuota: {
    readonly maxPerHour: number;
    readonly maxPerDay: number;
  };
  readonly retryOnFailure: boolean;
  readonly storage: "hash";
  readonly notifyLockout: boolean;
  readonly idempotencyTtlMs: number;
  readonly scheduleUnlocks: boolean;
}

/**
 * Every default of {@link createOtp}, stated once. The server, the HubSpot adapter and the docs
 * import these instead of restating them.
 */
export const OTP_DEFAULTS: OtpDefaults = Object.freeze({
  purpose: "login",
  code: Object.freeze({ alphabet: "numeric" as const, length: 6 }),
  ttlMs: 10 * MINUTE,
  maxAttempts: 3,
  lockout: Object.freeze({
    maxFailures: 5,
    windowMs: HOUR,
    durationMs: 15 * MINUTE,
    maxDurationMs: DAY,
    maxConsecutiveFailures: 50,
    rememberMs: 30 * DAY,
  }),
  resend: Object.freeze({ cooldownMs: 30 * SECOND, maxSends: 5, windowMs: HOUR }),
  // Codes to one e-mail address or phone number, over every subject and purpose. Why these: one
  // person's own use — a login and a phone change, each at the resend cap of 5 an hour — fits
  // in 10 an hour; 30 a day still covers a busy person signing in on several devices. What it
  // stops is a leaked key sending one number (or one inbox) a code every few seconds from
  // ever-new subjects: that is SMS pumping and message bombing, and it costs per message.
  destinationQuota: Object.freeze({ maxPerHour: 10, maxPerDay: 30 }),
  retryOnFailure: false,
  storage: "hash" as const,
  notifyLockout: true,
  idempotencyTtlMs: DAY,
  scheduleUnlocks: true,
});

type Range = readonly [min: number, max: number];

/** The shape of {@link OTP_LIMITS}. */
export interface OtpLimits {
  readonly codeLength: Range;
  readonly purposeLength: Range;
  readonly subjectLength: Range;
  readonly ttlMs: Range;
  readonly ttlMsWithoutOptIn: number;
  readonly maxAttempts: Range;
  readonly maxFailures: Range;
  readonly failureWindowMs: Range;
  readonly lockDurationMs: Range;
  readonly maxLockDurationMs: Range;
  readonly maxConsecutiveFailures: Range;
  readonly rememberMs: Range;
  readonly cooldownMs: Range;
  readonly maxSends: Range;
  readonly sendWindowMs: Range;
  readonly destinationMaxPerHour: Range;
  readonly destinationMaxPerDay: Range;
  readonly idempotencyTtlMs: Range;
}

/**
 * Every range {@link createOtp} accepts, `[min, max]`, stated once. `ttlMs` above 10 minutes needs
 * `allowLongTtl`: NIST SP 800-63B-4 and OWASP ASVS 5.0 cap out-of-band codes at 10 minutes.
 * `maxConsecutiveFailures` is capped at 100 by NIST SP 800-63B-4 §3.2.2.
 */
export const OTP_LIMITS: OtpLimits = Object.freeze({
  codeLength: [4, 10] as const,
  purposeLength: [1, 64] as const,
  subjectLength: [1, 256] as const,
  ttlMs: [MINUTE, DAY] as const,
  ttlMsWithoutOptIn: 10 * MINUTE,
  maxAttempts: [1, 20] as const,
  maxFailures: [1, 100] as const,
  failureWindowMs: [MINUTE, 30 * DAY] as const,
  lockDurationMs: [SECOND, 30 * DAY] as const,
  maxLockDurationMs: [SECOND, 365 * DAY] as const,
  maxConsecutiveFailures: [1, 100] as const,
  rememberMs: [HOUR, 365 * DAY] as const,
  cooldownMs: [0, HOUR] as const,
  maxSends: [1, 1000] as const,
  sendWindowMs: [MINUTE, 30 * DAY] as const,
  destinationMaxPerHour: [1, 1000] as const,
  destinationMaxPerDay: [1, 10_000] as const,
  idempotencyTtlMs: [MINUTE, 30 * DAY] as const,
});
