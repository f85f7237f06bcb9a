import { OtpError } from "@otpkit/otp-core";

// E.164: a country code and subscriber number, at most 15 digits, written with a leading "+".
// The shortest numbers in use have 8 digits with their country code. The first digit is never 0.
const E164 = /^\+[1-9]\d{7,14}$/;
// Visual separators people and CRMs put in numbers (plain spaces only: no tabs or line breaks). Anything else (letters, a second "+",
// an "00" international prefix, extensions) is refused rather than guessed at.
const SEPARATORS = /[ ().-]/g;

/**
 * Normalises a phone number to strict E.164 (`+` and 8..15 digits), or returns `undefined`.
 * Spaces, dots, hyphens and parentheses are dropped; nothing else is accepted.
 *
 * Why strict: without the `+`, Meta prepends the *business* number's country code and may deliver
 * the code to somebody else (delivery.md §5), so a number we cannot read unambiguously is refused.
 *
 * @param value The number as given (`"+34 600 123 478"`).
 * @returns `"+34600123478"`, or `undefined` when it is not an E.164 number.
 * @example
 * ```ts
 * toE164("+1 (201) 555-0123"); // "+12015550123"
 * toE164("0034600123478"); // undefined
 * ```
 */
export function toE164(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length > 32) return undefined;
  const compact = value.replace(SEPARATORS, "");
  return E164.test(compact) ? compact : undefined;
}

/** @internal The E.164 number of a message, or `RECIPIENT_INVALID` (which never echoes the value). */
export function recipientNumber(value: unknown): string {
  const number = toE164(value);
  if (number === undefined) {
    // The number is not echoed: it is personal data and may be hostile.
    const got = typeof value === "string" ? `a string of ${value.length} characters` : typeof value;
    throw new OtpError(
      "RECIPIENT_INVALID",
      `"to" expected an E.164 phone number ("+", country code, 8..15 digits in all), got ${got}`,
      { field: "to", source: "whatsapp", retryable: false },
    );
  }
  return number;
}
