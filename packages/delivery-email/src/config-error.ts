import { OtpError } from "@otpkit/otp-core";

// One message format for every option check, the same as otp-core's:
// `"from" expected an e-mail address, got "nope" (fix)`. The field is also on `error.field`.

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
 * @internal `CONFIG_INVALID` naming the option and the fix. The message shows `got`; for a value
 * that may be a secret (a connection URL, a private key, credentials) pass `redact: true` and
 * only its type is shown.
 */
export function configError(
  field: string,
  expected: string,
  got: unknown,
  fix?: string,
  redact = false,
): OtpError {
  const shown = redact ? typeOf(got) : describe(got);
  return new OtpError(
    "CONFIG_INVALID",
    `"${field}" expected ${expected}, got ${shown}${fix ? ` (${fix})` : ""}`,
    { field, source: "email", retryable: false },
  );
}

function typeOf(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
