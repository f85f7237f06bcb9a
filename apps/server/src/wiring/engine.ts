import type { OtpEvent, OtpOptions } from "@otpkit/otp-core";
import type { Logger } from "pino";
import type { Config } from "../config.js";
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
