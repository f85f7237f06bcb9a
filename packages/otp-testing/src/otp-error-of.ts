import type { OtpError } from "@otpkit/otp-core";
import { isOtpError } from "@otpkit/otp-core";

/**
 * The `OtpError` a call failed with, for assertions on its code, details and cause. Anything
 * else is a test failure: the call succeeding (`Error: expected <what> to fail with an OtpError`)
 * or failing with something that is not an `OtpError` (rethrown as it is, so you see it).
 *
 * @param work A promise (an async call) or a function (a synchronous call, such as a factory).
 * @param what What was expected to fail, for the message. @default "the call"
 * @returns The `OtpError`.
 * @throws {Error} When the call succeeds, or fails with anything but an `OtpError`.
 * @example
 * ```ts
 * const error = await otpErrorOf(channel.send(message), "the send");
 * expect(error.code).toBe("RECIPIENT_INVALID");
 * const config = await otpErrorOf(() => createSmsChannel({ apiKey: "" }));
 * expect(config.field).toBe("apiKey");
 * ```
 */
export async function otpErrorOf(
  work: Promise<unknown> | (() => unknown),
  what = "the call",
): Promise<OtpError> {
  try {
    await (typeof work === "function" ? work() : work);
  } catch (error) {
    if (isOtpError(error)) return error;
    throw error;
  }
  throw new Error(`expected ${what} to fail with an OtpError`);
}
