import type { OtpError } from "@otpkit/otp-core";
import { configError as coreConfigError, intOption as coreIntOption } from "@otpkit/otp-core";

// otp-core's option checks (one message format for every package: `"graphVersion" expected
// "v<major>.0", got "25"`), raised as this channel's: `source: "whatsapp"`.
const OURS = { source: "whatsapp" } as const;

/**
 * @internal `CONFIG_INVALID` naming the option and the fix. Never pass a secret (access token,
 * app secret, verify token) as `got`: the message shows it. Pass a description instead.
 */
export function configError(field: string, expected: string, got: unknown, fix?: string): OtpError {
  return coreConfigError(field, expected, got, fix, OURS);
}

/** @internal An integer option in [min, max], or `CONFIG_INVALID` naming it. */
export function intOption(field: string, value: unknown, min: number, max: number): number {
  return coreIntOption(field, value, min, max, OURS);
}
