import { argumentError } from "@otpkit/otp-core";
import type { CountryCode, NumberType } from "libphonenumber-js/max";
import {
  isSupportedCountry,
  ParseError,
  parsePhoneNumberWithError,
  validatePhoneNumberLength,
} from "libphonenumber-js/max";

export type { CountryCode } from "libphonenumber-js/max";

// The "max" metadata, not the default "min": "min" only checks a number's length and first
// digits, so a fictional "(555) 010-0199" would pass as valid and a code would be sent to a
// number that cannot exist. The extra ~60 KB are nothing on a server.

/** Longest input looked at (libphonenumber's own cap): CRM phone fields are free text. */
export const MAX_PHONE_INPUT_LENGTH = 250;

/** Why a CRM phone value could not be turned into an E.164 number. */
export type PhoneFailureReason =
  /** Nothing but whitespace. */
  | "empty"
  /** No phone number in the text (`"n/a"`, `"call me"`, two numbers, over 250 characters). */
  | "not_a_number"
  /** A `+` (or international prefix) followed by a calling code no country uses. */
  | "unknown_country"
  /** Too short or too long for any number of the country. */
  | "not_possible"
  /** The right length, but no number of the country looks like it (a fictional 555 number). */
  | "invalid";

/** The outcome of {@link parsePhone}. */
export type ParsePhoneResult =
  | {
      ok: true;
      /** `+` country code and national number (`"+491712345678"`), what channels send to. */
      e164: string;
      /** The country the number belongs to, when the metadata tells (`+1 800` numbers do not). */
      country?: CountryCode;
      /** `MOBILE`, `FIXED_LINE`, `FIXED_LINE_OR_MOBILE`, ... when the metadata tells. */
      type?: NumberType;
      /** An extension written after the number (`"ext. 12"`): a desk phone, not a messaging one. */
      extension?: string;
    }
  | {
      ok: false;
      reason: PhoneFailureReason;
      /** For an admin or a workflow output. It never repeats the number (personal data). */
      message: string;
    };

/**
 * Reads a phone number the way CRMs hold them: free text, usually in national format
 * (`"(201) 555-0123"`, `"0171 2345678"`, `"06 12 34 56 78"`), sometimes international
 * (`"+49 171 2345678"`, `"0049 171 2345678"` from Germany), with extensions (`"x12"`) or junk.
 * National numbers are read as numbers of `defaultCountry` (the portal's setting); an
 * international one keeps its own country. The number must be valid for its country, not merely
 * of a plausible length: a code sent to a number that cannot exist is a code lost.
 *
 * @param raw The property value as stored.
 * @param defaultCountry ISO 3166-1 alpha-2 code used for national numbers (`"US"`, `"DE"`).
 * @returns `{ ok: true, e164, country?, type?, extension? }`, or `{ ok: false, reason, message }`.
 * @throws {OtpError} `INVALID_ARGUMENT` when `raw` is not a string or `defaultCountry` is not a
 *   country libphonenumber knows (a bug in the caller: settings validate the country).
 * @example
 * ```ts
 * parsePhone("0171 2345678", "DE"); // { ok: true, e164: "+491712345678", country: "DE", type: "MOBILE" }
 * parsePhone("(555) 010-0199", "US"); // { ok: false, reason: "invalid", message: "..." }
 * ```
 */
export function parsePhone(raw: string, defaultCountry: CountryCode): ParsePhoneResult {
  if (typeof raw !== "string") throw argumentError("raw", "a string", raw);
  if (typeof defaultCountry !== "string" || !isSupportedCountry(defaultCountry)) {
    throw argumentError(
      "defaultCountry",
      'an ISO 3166-1 alpha-2 code ("US", "DE")',
      defaultCountry,
    );
  }
  const text = raw.trim();
  if (text === "") return fail("empty", "The phone number is empty.");
  if (text.length > MAX_PHONE_INPUT_LENGTH) {
    return fail("not_a_number", `The phone field holds over ${MAX_PHONE_INPUT_LENGTH} characters.`);
  }
  let number: ReturnType<typeof parsePhoneNumberWithError>;
  try {
    number = parsePhoneNumberWithError(text, { defaultCountry });
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    return parseFailure(error.message, defaultCountry);
  }
  if (!number.isPossible()) {
    const length = validatePhoneNumberLength(text, { defaultCountry });
    return lengthFailure(length, number.country ?? defaultCountry);
  }
  if (!number.isValid()) {
    return fail(
      "invalid",
      `The phone number is not a valid number of ${number.country ?? defaultCountry}.`,
    );
  }
  return {
    ok: true,
    e164: number.number,
    ...(number.country === undefined ? {} : { country: number.country }),
    ...optional("type", number.getType()),
    ...optional("extension", number.ext),
  };
}

function parseFailure(code: string, country: CountryCode): ParsePhoneResult {
  switch (code) {
    case "INVALID_COUNTRY":
      return fail("unknown_country", "The phone number starts with a country code none uses.");
    case "TOO_SHORT":
    case "TOO_LONG":
    case "INVALID_LENGTH":
      return lengthFailure(code, country);
    default:
      return fail("not_a_number", "The phone field holds no phone number (or more than one).");
  }
}

function lengthFailure(code: string | undefined, country: CountryCode): ParsePhoneResult {
  const what =
    code === "TOO_SHORT" ? "too short" : code === "TOO_LONG" ? "too long" : "the wrong length";
  return fail("not_possible", `The phone number is ${what} for a number of ${country}.`);
}

function fail(reason: PhoneFailureReason, message: string): ParsePhoneResult {
  return { ok: false, reason, message };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
