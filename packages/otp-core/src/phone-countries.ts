import { configError } from "./assert.js";
import { OtpError } from "./errors.js";
import { callingCodeOf, OTP_PHONE_REGIONS } from "./phone-regions.js";

/** Where a phone number belongs, and whether the allow-list admits it. */
export interface PhoneCountryCheck {
  readonly allowed: boolean;
  /** Its region, when known: from `phoneCountryOf`, or the calling code's only region. */
  readonly country: string | undefined;
  /** Its E.164 country calling code (digits, no `+`); `undefined` when it has none we know. */
  readonly callingCode: string | undefined;
}

/** @internal The `phoneCountries` allow-list, validated. */
export interface PhoneCountries {
  check(phone: string): PhoneCountryCheck;
}

/**
 * @internal Validates `phoneCountries` (and `phoneCountryOf`); `undefined` without an allow-list.
 *
 * How a number is placed: by `phoneCountryOf` when given and it names a region, else by its
 * calling code. A calling code shared by several regions is admitted when any of them is listed:
 * `"US"` admits every `+1` number (Canada and the Caribbean too: the code alone cannot tell them
 * apart), `"GB"` every `+44` one. A number whose code belongs to no region (`+800`, `+881`) or
 * that is not E.164 is never admitted. Why an allow-list and not a deny-list: toll fraud moves to
 * whichever prefixes are not blocked yet; the countries a service really serves are few.
 */
export function createPhoneCountries(
  list: unknown,
  countryOf: unknown,
): PhoneCountries | undefined {
  if (countryOf !== undefined && typeof countryOf !== "function") {
    throw configError(
      "phoneCountryOf",
      "a function (phone) => ISO 3166-1 region or undefined",
      countryOf,
    );
  }
  if (list === undefined) {
    if (countryOf !== undefined) {
      throw configError("phoneCountries", "the allow-list phoneCountryOf places numbers for", list);
    }
    return undefined;
  }
  if (!Array.isArray(list)) {
    throw configError(
      "phoneCountries",
      'an array of ISO 3166-1 alpha-2 codes (["US", "MX"])',
      list,
    );
  }
  const regions = new Set<string>();
  list.forEach((entry: unknown, i) => {
    const region = typeof entry === "string" ? entry.trim().toUpperCase() : "";
    if (!(region in OTP_PHONE_REGIONS)) {
      throw configError(
        `phoneCountries[${i}]`,
        "an ISO 3166-1 alpha-2 code of a region with a phone calling code (US, MX, ES)",
        entry,
      );
    }
    regions.add(region);
  });
  const codes = new Set([...regions].map((r) => OTP_PHONE_REGIONS[r]!));
  const place = countryOf as ((phone: string) => string | undefined) | undefined;
  return {
    check(phone) {
      const found = callingCodeOf(phone);
      if (found === undefined)
        return { allowed: false, country: undefined, callingCode: undefined };
      const exact = place === undefined ? undefined : regionOf(place, phone);
      if (exact !== undefined) {
        return { allowed: regions.has(exact), country: exact, callingCode: found.code };
      }
      return {
        allowed: codes.has(found.code),
        country: found.regions.length === 1 ? found.regions[0] : undefined,
        callingCode: found.code,
      };
    },
  };
}

/** What `phoneCountryOf` says, if it names a known region; a throwing resolver says nothing. */
function regionOf(place: (phone: string) => string | undefined, phone: string): string | undefined {
  let region: unknown;
  try {
    region = place(phone.trim().replace(/[\s().-]/g, ""));
  } catch {
    // The calling code still decides: never looser than without the resolver.
    return undefined;
  }
  if (typeof region !== "string") return undefined;
  const upper = region.toUpperCase();
  return upper in OTP_PHONE_REGIONS ? upper : undefined;
}

/**
 * @internal The error for a phone number the allow-list leaves out, naming its country (or its
 * calling code's regions) but never the number.
 */
export function notAllowedError(check: PhoneCountryCheck): OtpError {
  let message: string;
  if (check.callingCode === undefined) {
    message =
      "Codes may not be sent to this phone number: it has no country calling code of an allowed country (use E.164, + and digits)";
  } else {
    const where = check.country === undefined ? "" : `${check.country} `;
    message = `Codes may not be sent to phone numbers of ${where}(+${check.callingCode}): the country is not on this service's allow-list`;
  }
  return new OtpError("DESTINATION_NOT_ALLOWED", message, {
    retryable: false,
    field: "recipient.phone",
    details: { country: check.country ?? null, callingCode: check.callingCode ?? null },
  });
}
