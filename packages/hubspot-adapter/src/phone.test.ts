import { isOtpError } from "@otpkit/otp-core";
import type { CountryCode } from "libphonenumber-js/max";
import { getExampleNumber } from "libphonenumber-js/max";
import examples from "libphonenumber-js/mobile/examples";
import { describe, expect, test } from "vitest";
import { MAX_PHONE_INPUT_LENGTH, parsePhone } from "./phone.js";

const COUNTRIES: CountryCode[] = ["US", "DE", "FR", "GB", "ES", "MX", "BR", "IN"];

describe("libphonenumber's own example mobile numbers, as a CRM would hold them", () => {
  for (const country of COUNTRIES) {
    const example = getExampleNumber(country, examples)!;
    test(`${country}: national ${example.formatNational()} → ${example.number}`, () => {
      expect(parsePhone(example.formatNational(), country)).toMatchObject({
        ok: true,
        e164: example.number,
        country,
      });
    });
    test(`${country}: international ${example.formatInternational()} under another default`, () => {
      const other = country === "US" ? "DE" : "US";
      expect(parsePhone(example.formatInternational(), other)).toMatchObject({
        ok: true,
        e164: example.number,
        country,
      });
    });
  }
});

// Typed by hand the way people fill CRM fields; each one checked against libphonenumber's
// "max" metadata (the numbers are the library's example ranges, not real subscribers').
test.each<[string, CountryCode, string, string]>([
  ["(201) 555-0123", "US", "+12015550123", "US"],
  ["201.555.0123", "US", "+12015550123", "US"],
  ["0171 2345678", "DE", "+491712345678", "DE"],
  ["0171/2345678", "DE", "+491712345678", "DE"],
  ["0049 171 2345678", "DE", "+491712345678", "DE"],
  ["+49 171 2345678", "US", "+491712345678", "DE"],
  ["tel:+49-171-2345678", "FR", "+491712345678", "DE"],
  ["06 12 34 56 78", "FR", "+33612345678", "FR"],
  ["+33 6 12 34 56 78", "GB", "+33612345678", "FR"],
  ["07400 123456", "GB", "+447400123456", "GB"],
  ["612 34 56 78", "ES", "+34612345678", "ES"],
  ["55 1234 5678", "MX", "+525512345678", "MX"],
  ["(11) 91234-5678", "BR", "+5511912345678", "BR"],
  ["098765 43210", "IN", "+919876543210", "IN"],
  ["  +91 98765 43210  ", "US", "+919876543210", "IN"],
])("%j (default %s) → %s", (raw, defaultCountry, e164, country) => {
  const result = parsePhone(raw, defaultCountry);
  expect(result).toMatchObject({ ok: true, e164, country });
  expect(result).not.toHaveProperty("extension");
});

test("an extension is kept apart from the E.164 number", () => {
  expect(parsePhone("(201) 555-0123 ext. 12", "US")).toMatchObject({
    ok: true,
    e164: "+12015550123",
    extension: "12",
  });
  expect(parsePhone("201-555-0123 x7", "US")).toMatchObject({ ok: true, extension: "7" });
});

test("the number type comes from the metadata (WhatsApp needs a mobile)", () => {
  expect(parsePhone("0171 2345678", "DE")).toMatchObject({ ok: true, type: "MOBILE" });
  expect(parsePhone("030 123456", "DE")).toMatchObject({ ok: true, type: "FIXED_LINE" });
});

test("a national number read under the wrong default country is refused, not misrouted", () => {
  // A German mobile typed nationally in a US portal: 11 digits after the trunk 0 fit no US number.
  expect(parsePhone("0171 2345678", "US")).toMatchObject({ ok: false });
});

test.each<[string, CountryCode, string]>([
  ["", "US", "empty"],
  ["   \t ", "DE", "empty"],
  ["n/a", "US", "not_a_number"],
  ["call me", "GB", "not_a_number"],
  ["+49 171 2345678 / +49 30 1234567", "DE", "not_a_number"],
  ["+999 1234567", "US", "unknown_country"],
  ["ext. 12", "US", "not_possible"],
  ["12", "FR", "not_possible"],
  ["123456789012345678901", "US", "not_possible"],
  ["+1 800 FLOWERS", "US", "not_possible"],
  // German numbers vary in length: a short one is possible, but no 0171 number is this short.
  ["0171 23", "DE", "invalid"],
  ["(555) 010-0199", "US", "invalid"],
])("%j (default %s) is refused: %s", (raw, defaultCountry, reason) => {
  const result = parsePhone(raw, defaultCountry);
  expect(result).toMatchObject({ ok: false, reason });
  if (result.ok) return;
  expect(result.message.length).toBeGreaterThan(10);
  // The message is shown to admins and in workflow outputs: it never repeats the number.
  const digits = raw.replace(/\D/g, "");
  if (digits.length >= 4) expect(result.message.replace(/\D/g, "")).not.toContain(digits);
});

test("over-long input is refused before any parsing", () => {
  const raw = `+49 171 2345678 ${"x".repeat(MAX_PHONE_INPUT_LENGTH)}`;
  expect(parsePhone(raw, "DE")).toMatchObject({ ok: false, reason: "not_a_number" });
});

test("a bad default country or a non-string value is a caller bug: INVALID_ARGUMENT", () => {
  for (const [raw, country] of [
    ["0171 2345678", "XX"],
    ["0171 2345678", "de"],
    [17123, "DE"],
  ] as const) {
    let caught: unknown;
    try {
      parsePhone(raw as string, country as CountryCode);
    } catch (error) {
      caught = error;
    }
    expect(isOtpError(caught) && caught.code).toBe("INVALID_ARGUMENT");
  }
});
