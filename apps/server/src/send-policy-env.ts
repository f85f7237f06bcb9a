import { OTP_DEFAULTS, OTP_LIMITS } from "@otpkit/otp-core";
import { bool, countries, int } from "./config-values.js";

/**
 * The send-quota and country variables, spread into config.ts's schema (README: "Send quotas and
 * country allow-list"). The destination quota's ranges and defaults are otp-core's; the API
 * keys' quota is the server's own (key-quota.ts says why its defaults). 0 turns a key quota off.
 */
export const SEND_POLICY_ENV = {
  OTP_DESTINATION_QUOTA: bool.default(true),
  OTP_DESTINATION_MAX_PER_HOUR: int(...OTP_LIMITS.destinationMaxPerHour).default(
    OTP_DEFAULTS.destinationQuota.maxPerHour,
  ),
  // Unset: the engine's default (or OTP_DESTINATION_MAX_PER_HOUR, if higher).
  OTP_DESTINATION_MAX_PER_DAY: int(...OTP_LIMITS.destinationMaxPerDay).optional(),
  OTP_PHONE_COUNTRIES: countries.optional(),
  API_KEY_MAX_SENDS_PER_HOUR: int(0, 1_000_000).default(1_000),
  API_KEY_MAX_SENDS_PER_DAY: int(0, 10_000_000).default(10_000),
};
