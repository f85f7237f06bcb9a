import { OtpError } from "./errors.js";

// Argument and option checks for otp-core's own modules. The option checks are public
// (adapter-helpers.ts: adapters use the same ones); `aint` is otp-core's short name for
// `intOption`, as in noble-hashes.
export { configError, intOption as aint } from "./adapter-helpers.js";

/** @internal */
export function argumentError(field: string, expected: string, got: unknown): OtpError {
  const shown =
    typeof got === "string"
      ? got.length > 40
        ? `a string of ${got.length} characters`
        : JSON.stringify(got)
      : typeof got;
  return new OtpError("INVALID_ARGUMENT", `"${field}" expected ${expected}, got ${shown}`, {
    field,
  });
}

/** @internal Non-empty string up to `max` characters, for call arguments. */
export function astring(field: string, value: unknown, max = 256): string {
  if (typeof value !== "string" || value.length === 0 || value.length > max) {
    throw argumentError(field, `non-empty string up to ${max} characters`, value);
  }
  return value;
}
