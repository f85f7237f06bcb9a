import { argumentError } from "./adapter-helpers.js";

// Argument and option checks for otp-core's own modules. The option checks are public
// (adapter-helpers.ts: adapters use the same ones); `aint` is otp-core's short name for
// `intOption`, as in noble-hashes.
export { argumentError, configError, intOption as aint } from "./adapter-helpers.js";

/** @internal Non-empty string up to `max` characters, for call arguments. */
export function astring(field: string, value: unknown, max = 256): string {
  if (typeof value !== "string" || value.length === 0 || value.length > max) {
    throw argumentError(field, `non-empty string up to ${max} characters`, value);
  }
  return value;
}
