import { OtpError } from "./errors.js";

// One message format for every configuration check, after noble-hashes:
// `"length" expected integer 4..10, got 12`. The field name is also on `error.field`.

/** @internal */
export function configError(field: string, expected: string, got: unknown, fix?: string): OtpError {
  const shown = typeof got === "string" ? JSON.stringify(got) : String(got);
  return new OtpError(
    "CONFIG_INVALID",
    `"${field}" expected ${expected}, got ${shown}${fix ? ` (${fix})` : ""}`,
    { field },
  );
}

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

/** @internal Integer in [min, max] or a CONFIG_INVALID naming the field. */
export function aint(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw configError(field, `integer ${min}..${max}`, value);
  }
  return value;
}

/** @internal Non-empty string up to `max` characters, for call arguments. */
export function astring(field: string, value: unknown, max = 256): string {
  if (typeof value !== "string" || value.length === 0 || value.length > max) {
    throw argumentError(field, `non-empty string up to ${max} characters`, value);
  }
  return value;
}
