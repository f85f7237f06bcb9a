import { parsePhone } from "@otpkit/hubspot-adapter";
import type { OtpEvent, OtpOptions } from "@otpkit/otp-core";
import { createMemoryStore, createOtp, isOtpError } from "@otpkit/otp-core";
import type { Logger } from "pino";
import type { Config, Env } from "../config.js";
import { ConfigError } from "../config-error.js";
import type { AuditLog } from "../db/audit.js";
import type { Metrics } from "../metrics.js";
import { matchesTestRecipient } from "../test-recipients.js";

/**
 * The generic API's engine policy from the OTP_* variables (the conversations and the HubSpot
 * portals have their own policies over the same store and channels).
 *
 * @throws {never}
 * @example
 * createOtp({ store, secrets, namingKey, channels, ...policyOf(config), ...sink });
 */
export function policyOf(config: Config): Partial<OtpOptions> {
  const testPatterns = config.TEST_RECIPIENTS ?? [];
  return {
    // No `hmac` injected: otp-core's default (noble, pre-keyed once per key) measured 1.65–1.9×
    // node:crypto's createHmac on these short messages (packages/otp-core `pnpm bench`), because
    // createHmac re-keys on every call. Inject node's only where its bench says it wins.
    code: { alphabet: config.OTP_CODE_ALPHABET, length: config.OTP_CODE_LENGTH },
    ttlMs: config.OTP_TTL_SECONDS * 1000,
    allowLongTtl: config.OTP_ALLOW_LONG_TTL,
    maxAttempts: config.OTP_MAX_ATTEMPTS,
    lockout: {
      maxFailures: config.OTP_LOCKOUT_MAX_FAILURES,
      durationMs: config.OTP_LOCKOUT_MINUTES * 60_000,
      maxConsecutiveFailures: config.OTP_LOCKOUT_MAX_CONSECUTIVE_FAILURES,
    },
    resend: {
      cooldownMs: config.OTP_RESEND_COOLDOWN_SECONDS * 1000,
      maxSends: config.OTP_MAX_SENDS_PER_HOUR,
    },
    storage: config.OTP_STORAGE,
    retryOnFailure: config.OTP_RETRY_ON_FAILURE,
    ...sendPolicyOf(config),
    ...(testPatterns.length > 0
      ? {
          testRecipients: {
            code: config.TEST_CODE!,
            matches: (r) => matchesTestRecipient(testPatterns, r),
          },
        }
      : {}),
  };
}

/** The variables of {@link sendPolicyOf}. */
type SendPolicyEnv = Pick<
  Env,
  | "OTP_DESTINATION_QUOTA"
  | "OTP_DESTINATION_MAX_PER_HOUR"
  | "OTP_DESTINATION_MAX_PER_DAY"
  | "OTP_PHONE_COUNTRIES"
>;

/** The engine options of {@link sendPolicyOf}. */
export type SendPolicy = Pick<OtpOptions, "destinationQuota" | "phoneCountries" | "phoneCountryOf">;

/**
 * The send policy every engine of the server shares (the generic API's, the conversations' and
 * each HubSpot portal's): the quota per destination (OTP_DESTINATION_*) and the countries phone
 * channels may send to (OTP_PHONE_COUNTRIES), options no HubSpot portal setting decides. Numbers
 * are placed with libphonenumber's metadata (through the HubSpot adapter's `parsePhone`), which
 * tells the countries of a shared calling code apart: with `OTP_PHONE_COUNTRIES=US`, a Jamaican
 * `+1 876` number is refused, not let in as `+1`. A number it cannot place (a toll-free `+1 800`,
 * an invalid one) falls back to the engine's calling-code rule.
 *
 * @throws {never}
 * @example
 * createOtp({ ...options, ...sendPolicyOf(config) });
 */
export function sendPolicyOf(config: SendPolicyEnv): SendPolicy {
  const countries = config.OTP_PHONE_COUNTRIES;
  return {
    destinationQuota: config.OTP_DESTINATION_QUOTA && {
      maxPerHour: config.OTP_DESTINATION_MAX_PER_HOUR,
      ...(config.OTP_DESTINATION_MAX_PER_DAY === undefined
        ? {}
        : { maxPerDay: config.OTP_DESTINATION_MAX_PER_DAY }),
    },
    ...(countries === undefined
      ? {}
      : { phoneCountries: countries, phoneCountryOf: countryOfPhone }),
  };
}

/** The country of an E.164 number by libphonenumber's metadata; undefined when it cannot tell. */
function countryOfPhone(phone: string): string | undefined {
  const parsed = parsePhone(phone, "US"); // the default country is unused: the number has its +
  return parsed.ok ? parsed.country : undefined;
}

/** The engine's option fields of {@link sendPolicyOf}: the variable each comes from, and its fix. */
const VARIABLE_OF_FIELD: ReadonlyArray<[RegExp, string, string]> = [
  [/^destinationQuota\.maxPerHour$/, "OTP_DESTINATION_MAX_PER_HOUR", "use a smaller number"],
  [
    /^destinationQuota\.maxPerDay$/,
    "OTP_DESTINATION_MAX_PER_DAY",
    "use at least OTP_DESTINATION_MAX_PER_HOUR, or leave it unset",
  ],
  [/^phoneCountries/, "OTP_PHONE_COUNTRIES", "use ISO 3166-1 alpha-2 codes such as US,MX,ES"],
];

/**
 * Lets the engine check the send-policy variables, at start, with its own rules (no copy of
 * them here): its `CONFIG_INVALID` names an option field, turned here into the variable's name.
 *
 * @throws {ConfigError} naming OTP_DESTINATION_MAX_PER_HOUR, OTP_DESTINATION_MAX_PER_DAY or
 *   OTP_PHONE_COUNTRIES.
 * @example
 * checkSendPolicy(env); // Invalid OTP_DESTINATION_MAX_PER_DAY: … at least … (20), got 10 …
 */
export function checkSendPolicy(config: SendPolicyEnv): void {
  try {
    createOtp({
      store: createMemoryStore({ maxKeys: 1 }),
      secrets: [{ id: "check", key: "a-secret-only-to-check-the-options" }],
      namingKey: "a-naming-key-only-to-check-the-options",
      ...sendPolicyOf(config),
    });
  } catch (error) {
    if (!isOtpError(error) || error.code !== "CONFIG_INVALID") throw error;
    const found = VARIABLE_OF_FIELD.find(([field]) => field.test(error.field ?? ""));
    if (found === undefined) throw error;
    const [, variable, fix] = found;
    throw new ConfigError(variable, `Invalid ${variable}: ${error.message}; ${fix}.`);
  }
}

/**
 * The one event sink of every engine the server runs: metrics, then the audit log; a failed
 * audit write is logged (the engine's answer stands).
 *
 * @throws {never}
 * @example
 * createOtp({ ...options, ...auditSink(metrics, audit, logger) });
 */
export function auditSink(
  metrics: Metrics,
  audit: AuditLog,
  logger: Logger,
): Required<Pick<OtpOptions, "events" | "onSinkError">> {
  return {
    events: async (event: OtpEvent) => {
      metrics.event(event);
      await audit.record(event);
    },
    onSinkError: (error, event) =>
      logger.error(
        { err: { message: (error as Error).message }, event: event.type },
        "audit log write failed",
      ),
  };
}
