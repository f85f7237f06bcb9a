import { OtpError } from "@otpkit/otp-core";

// One message format for every option check, the same as otp-core's:
// `"graphVersion" expected "v<major>.0", got "25" (fix)`. The field is also on `error.field`.

/** @internal Shows a value in an error message without dumping long strings or objects. */
export function describe(value: unknown): string {
  if (typeof value === "string") {
    return value.length > 60 ? `a string of ${value.length} characters` : JSON.stringify(value);
  }
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return typeof value === "undefined" ? "undefined" : `${typeof value} ${String(value)}`;
}

/**
 * @internal `CONFIG_INVALID` naming the option and the fix. Never pass a secret (access token,
 * app secret, verify token) as `got`: the message shows it. Pass a description instead.
 */
export function configError(field: string, expected: string, got: unknown, fix?: string): OtpError {
  return new OtpError(
    "CONFIG_INVALID",
    `"${field}" expected ${expected}, got ${describe(got)}${fix ? ` (${fix})` : ""}`,
    { field, source: "whatsapp", retryable: false },
  );
}

/** @internal A positive integer option in [min, max], or `CONFIG_INVALID` naming it. */
export function intOption(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw configError(field, `integer ${min}..${max}`, value);
  }
  return value;
}
